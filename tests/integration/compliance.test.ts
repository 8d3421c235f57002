import { describe, expect, it } from "vitest";
import { OTHER_SHOP, TEST_SHOP } from "../support/constants";
import { useWorld } from "../support/harness";
import { adminFetch, sendWebhook } from "../support/shopify";
import { seedOrder, testEmailHash } from "../support/factories";
import { unpackPayload } from "~/server/webhooks/payload-codec.server";

const world = useWorld();

describe("compliance webhooks do their job for real", () => {
  it("customers/redact removes the shopper's personal data and keeps the amounts", async () => {
    const db = world.database.db;
    await adminFetch(world.app.url, "/app");
    await adminFetch(world.app.url, "/app", { shop: OTHER_SHOP });
    const mine = await seedOrder(db, TEST_SHOP, {
      customerShopifyId: "207119551",
      customerEmail: "bob@example.com",
      totalMinor: 4200,
    });
    const unrelated = await seedOrder(db, TEST_SHOP, { customerShopifyId: "5", customerEmail: "ann@example.com" });
    const otherShops = await seedOrder(db, OTHER_SHOP, {
      customerShopifyId: "207119551",
      customerEmail: "bob@example.com",
    });
    // Events that name the shopper: one delivered (processed at once: it keeps no payload), and one
    // that failed and waits for a retry, its email upper-cased and its id the last key.
    await sendWebhook(world.app.url, "orders/paid", { id: 1, customer: { id: 207119551, email: "bob@example.com" } });
    await db.webhookEvent.create({
      data: {
        webhookId: "failed-bob",
        shopDomain: TEST_SHOP,
        topic: "orders/updated",
        apiVersion: "2026-07",
        status: "FAILED",
        payload: JSON.stringify({ email: "BOB@EXAMPLE.COM", customer: { id: 207119551 } }),
        customerId: "207119551",
        customerEmailHash: testEmailHash("bob@example.com"),
      },
    });

    const response = await sendWebhook(world.app.url, "customers/redact", {
      shop_id: 954889,
      shop_domain: TEST_SHOP,
      customer: { id: 207119551, email: "bob@example.com", phone: "555-625-1199" },
      orders_to_redact: [299938, 280263],
    });
    expect(response.status).toBe(200);

    const after = await db.order.findUniqueOrThrow({ where: { id: mine.id } });
    expect(after).toMatchObject({ customerEmailHash: null, customerShopifyId: null, totalMinor: 4200 });
    expect(await db.order.findUniqueOrThrow({ where: { id: unrelated.id } })).toMatchObject({
      customerEmailHash: testEmailHash("ann@example.com"),
    });
    expect(await db.order.findUniqueOrThrow({ where: { id: otherShops.id } })).toMatchObject({
      customerEmailHash: testEmailHash("bob@example.com"),
    });
    expect(await db.webhookEvent.count({ where: { webhookId: "failed-bob" } })).toBe(0);
    const left = await db.webhookEvent.findMany({
      where: { shopDomain: TEST_SHOP, topic: { not: "customers/redact" } },
    });
    expect(
      left.filter(
        (e) => /bob@example\.com|207119551/i.test(unpackPayload(e.payload)) || e.customerId || e.customerEmailHash,
      ),
    ).toEqual([]);
    const redact = await db.webhookEvent.findFirstOrThrow({ where: { topic: "customers/redact" } });
    expect(redact.status).toBe("PROCESSED");
  });

  it("customers/data_request sends the merchant a report of what the app holds", async () => {
    const db = world.database.db;
    await seedOrder(db, TEST_SHOP, {
      name: "#1042",
      customerShopifyId: "42",
      customerEmail: "carol@example.com",
      totalMinor: 1999,
    });
    const response = await sendWebhook(world.app.url, "customers/data_request", {
      shop_id: 954889,
      shop_domain: TEST_SHOP,
      orders_requested: [],
      customer: { id: 42, email: "carol@example.com", phone: null },
      data_request: { id: 9999 },
    });
    expect(response.status).toBe(200);
    const message = await db.outboundMessage.findFirstOrThrow({ where: { template: "customer_data_request" } });
    expect(message.toEmail).toBe("owner@test-shop.example");
    const report = JSON.parse(message.bodyText);
    expect(report.orders).toEqual([expect.objectContaining({ order: "#1042", currency: "USD", totalMinor: 1999 })]);
  });

  it("customers/redact also removes the reports sent for that shopper's data requests", async () => {
    const db = world.database.db;
    const request = (topic: string, extra: object) =>
      sendWebhook(world.app.url, topic, {
        shop_id: 954889,
        shop_domain: TEST_SHOP,
        customer: { id: 77, email: "dana@example.com" },
        ...extra,
      });
    expect((await request("customers/data_request", { orders_requested: [], data_request: { id: 555 } })).status).toBe(
      200,
    );
    expect(
      await db.outboundMessage.count({ where: { template: "customer_data_request", dedupeKey: { contains: "555" } } }),
    ).toBe(1);
    expect((await request("customers/redact", { orders_to_redact: [] })).status).toBe(200);
    expect(
      await db.outboundMessage.count({ where: { template: "customer_data_request", dedupeKey: { contains: "555" } } }),
    ).toBe(0);
  });

  it("shop/redact keeps an installed shop, and one uninstalled for less than 48 hours", async () => {
    const db = world.database.db;
    const redact = () => sendWebhook(world.app.url, "shop/redact", { shop_id: 954889, shop_domain: TEST_SHOP });
    expect((await redact()).status).toBe(200);
    expect(await db.shop.count({ where: { domain: TEST_SHOP } })).toBe(1);
    expect(await db.order.count({ where: { shop: { domain: TEST_SHOP } } })).toBeGreaterThan(0);

    await db.shop.update({
      where: { domain: TEST_SHOP },
      data: { status: "UNINSTALLED", uninstalledAt: new Date(Date.now() - 47 * 3_600_000) },
    });
    expect((await redact()).status).toBe(200);
    expect(await db.shop.count({ where: { domain: TEST_SHOP } })).toBe(1);
  });

  it("refuses a signed body replayed under another shop's name, or with no shop in it", async () => {
    const db = world.database.db;
    await db.shop.update({
      where: { domain: OTHER_SHOP },
      data: { status: "UNINSTALLED", uninstalledAt: new Date(Date.now() - 72 * 3_600_000) },
    });
    const forged = await sendWebhook(
      world.app.url,
      "shop/redact",
      { shop_id: 954889, shop_domain: TEST_SHOP },
      { shop: OTHER_SHOP },
    );
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("shop_domain");
    const orderBody = await sendWebhook(world.app.url, "shop/redact", { id: 1, name: "#1001" }, { shop: OTHER_SHOP });
    expect(orderBody.status).toBe(400);
    const customer = await sendWebhook(
      world.app.url,
      "customers/redact",
      { shop_domain: TEST_SHOP, customer: { id: 1 } },
      { shop: OTHER_SHOP },
    );
    expect(customer.status).toBe(400);
    expect(await db.shop.count({ where: { domain: OTHER_SHOP } })).toBe(1);
    expect(await db.order.count({ where: { shop: { domain: OTHER_SHOP } } })).toBe(1);
    await db.shop.update({ where: { domain: OTHER_SHOP }, data: { status: "INSTALLED", uninstalledAt: null } });
  });

  it("shop/redact 48 hours after uninstall deletes every row of the shop and nothing of other shops", async () => {
    const db = world.database.db;
    await db.shop.update({
      where: { domain: TEST_SHOP },
      data: { status: "UNINSTALLED", uninstalledAt: new Date(Date.now() - 48 * 3_600_000 - 60_000) },
    });
    const response = await sendWebhook(world.app.url, "shop/redact", { shop_id: 954889, shop_domain: TEST_SHOP });
    expect(response.status).toBe(200);
    expect(await db.shop.count({ where: { domain: TEST_SHOP } })).toBe(0);
    expect(await db.order.count({ where: { shop: { domain: TEST_SHOP } } })).toBe(0);
    expect(await db.session.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect(await db.webhookEvent.count({ where: { shopDomain: TEST_SHOP, topic: { not: "shop/redact" } } })).toBe(0);
    expect(await db.order.count()).toBe(1); // the other shop's order
    expect(await db.shop.count({ where: { domain: OTHER_SHOP } })).toBe(1);
  });
});
