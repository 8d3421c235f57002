import { describe, expect, it } from "vitest";
import { TEST_SHOP } from "../support/constants";
import { useWorld } from "../support/harness";
import { orderPayload } from "../support/orders";
import { adminFetch, sendWebhook, webhookHmac } from "../support/shopify";

const world = useWorld();

const uninstalled = { id: 1, name: "Test Shop", domain: TEST_SHOP, myshopify_domain: TEST_SHOP };

describe("webhooks: verified, stored once, answered", () => {
  it("answers 401 to a bad HMAC and stores nothing", async () => {
    const response = await sendWebhook(world.app.url, "orders/create", { id: 1 }, { hmac: webhookHmac("{}") });
    expect(response.status).toBe(401);
    expect(await world.database.db.webhookEvent.count()).toBe(0);
  });

  it("answers 401 to a valid HMAC with junk after it (no lenient base64)", async () => {
    const body = JSON.stringify({ id: 1 });
    for (const hmac of [`${webhookHmac(body)}!!!`, `${webhookHmac(body)}AA`, webhookHmac(body).replace(/=+$/, "")]) {
      const response = await sendWebhook(world.app.url, "orders/create", body, { hmac });
      expect(response.status, hmac).toBe(401);
    }
    expect(await world.database.db.webhookEvent.count()).toBe(0);
  });

  it("bounds the body of every webhook path, with a query or a trailing slash too", async () => {
    const huge = JSON.stringify({ id: 1, note: "x".repeat(6 * 1024 * 1024) });
    for (const path of ["/webhooks/orders/create", "/webhooks/orders/create?x=1", "/webhooks/orders/create/"]) {
      const response = await fetch(`${world.app.url}${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: huge,
      });
      expect(response.status, path).toBe(413);
    }
    const unknown = await fetch(`${world.app.url}/webhooks/orders/nothing`, { method: "POST", body: huge }).catch(
      () => null,
    );
    if (unknown) expect(unknown.status).toBe(404);
    expect(await world.database.db.webhookEvent.count()).toBe(0);
  });

  it("answers 400 when a Shopify header is missing, and stores nothing", async () => {
    for (const header of [
      "X-Shopify-Webhook-Id",
      "X-Shopify-Topic",
      "X-Shopify-Shop-Domain",
      "X-Shopify-API-Version",
    ]) {
      const response = await sendWebhook(world.app.url, "orders/create", { id: 1 }, { omitHeaders: [header] });
      expect(response.status, header).toBe(400);
    }
    expect(await world.database.db.webhookEvent.count()).toBe(0);
  });

  it("answers 400 to a topic sent to another topic's endpoint", async () => {
    const response = await sendWebhook(world.app.url, "orders/create", { id: 1 }, { topicHeader: "app/uninstalled" });
    expect(response.status).toBe(400);
    expect(await world.database.db.webhookEvent.count()).toBe(0);
  });

  it("answers 400 to a body that is not JSON, even with a valid HMAC", async () => {
    const response = await sendWebhook(world.app.url, "orders/create", "{not json");
    expect(response.status).toBe(400);
    expect(await world.database.db.webhookEvent.count()).toBe(0);
  });

  it("answers 405 to anything but POST", async () => {
    const response = await fetch(`${world.app.url}/webhooks/orders/create`);
    expect(response.status).toBe(405);
  });

  it("stores a valid delivery once, however often it comes", async () => {
    const payload = { id: 820982911946154500, name: "#9999", test: false };
    const first = await sendWebhook(world.app.url, "orders/create", payload, { webhookId: "delivery-1" });
    const second = await sendWebhook(world.app.url, "orders/create", payload, { webhookId: "delivery-1" });
    expect([first.status, second.status]).toEqual([200, 200]);
    const events = await world.database.db.webhookEvent.findMany({ where: { webhookId: "delivery-1" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      topic: "orders/create",
      shopDomain: TEST_SHOP,
      apiVersion: "2026-07",
      status: "PROCESSED",
    });
    expect(events[0].payload).toBe(""); // processed: the ledger keeps what the app needs, the payload goes
  });

  it("app/uninstalled drops the sessions and marks the shop uninstalled, keeping its data", async () => {
    expect((await adminFetch(world.app.url, "/app")).status, world.app.output()).toBe(200);
    expect(await world.database.db.session.count({ where: { shop: TEST_SHOP } })).toBe(1);
    const response = await sendWebhook(world.app.url, "app/uninstalled", uninstalled);
    expect(response.status, world.app.output()).toBe(200);
    expect(await world.database.db.session.count({ where: { shop: TEST_SHOP } })).toBe(0);
    const shop = await world.database.db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } });
    expect(shop.status).toBe("UNINSTALLED");
    expect(shop.uninstalledAt).toBeInstanceOf(Date);
  });

  it("a new session token after uninstall installs the shop again", async () => {
    expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
    const shop = await world.database.db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } });
    expect(shop).toMatchObject({ status: "INSTALLED", uninstalledAt: null });
  });

  it("app/scopes_update records the granted scopes on the shop's sessions", async () => {
    const response = await sendWebhook(world.app.url, "app/scopes_update", {
      id: 1,
      previous: ["read_orders"],
      current: ["read_orders", "write_discounts"],
      updated_at: new Date().toISOString(),
    });
    expect(response.status).toBe(200);
    const session = await world.database.db.session.findFirstOrThrow({ where: { shop: TEST_SHOP } });
    expect(session.scope).toBe("read_orders,write_discounts");
  });
});

describe("what processed webhook events keep", () => {
  it("no payload once processed, and nothing past the retention period", async () => {
    const db = world.database.db;
    const payload = { ...orderPayload({ id: 5550001, netMinor: 2500, customerId: 31 }), email: "shopper@example.com" };
    expect((await sendWebhook(world.app.url, "orders/create", payload, { webhookId: "kept-briefly" })).status).toBe(
      200,
    );
    const event = await db.webhookEvent.findUniqueOrThrow({ where: { webhookId: "kept-briefly" } });
    expect(event).toMatchObject({ status: "PROCESSED", payload: "", customerId: null, customerEmailHash: null });

    const old = new Date(Date.now() - 31 * 86_400_000);
    await db.webhookEvent.update({ where: { webhookId: "kept-briefly" }, data: { processedAt: old } });
    await db.webhookEvent.create({
      data: {
        webhookId: "old-failed",
        shopDomain: TEST_SHOP,
        topic: "orders/create",
        apiVersion: "2026-07",
        payload: "{}",
        status: "FAILED",
        receivedAt: old,
      },
    });
    const { pruneProcessedEvents } = await import("~/server/webhooks/webhook-inbox.server");
    expect(await pruneProcessedEvents(db as never, new Date(), 30)).toBeGreaterThanOrEqual(1);
    expect(await db.webhookEvent.count({ where: { webhookId: "kept-briefly" } })).toBe(0);
    expect(await db.webhookEvent.count({ where: { webhookId: "old-failed" } })).toBe(1); // kept for its retry
  });
});
