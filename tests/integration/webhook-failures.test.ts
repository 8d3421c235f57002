// An accepted webhook is never lost: when it cannot be stored Shopify is told to retry (5xx);
// when it was stored but not processed, it is kept, shown to the merchant and processed again.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_API_KEY, TEST_API_SECRET, TEST_SHOP } from "../support/constants";
import { eventually, seedInfluencerWithLink } from "../support/factories";
import { useWorld } from "../support/harness";
import { adminFetch, sendWebhook } from "../support/shopify";
import { runSql } from "../support/catalog";
import { moneySet, refundPayload } from "../support/orders";
import { packPayload } from "~/server/webhooks/payload-codec.server";

const world = useWorld();

const root = path.resolve(import.meta.dirname, "../..");

function order(id: number) {
  const money = moneySet;
  return {
    id,
    name: `#${id}`,
    test: false,
    created_at: "2026-11-29T10:00:00Z",
    updated_at: "2026-11-29T10:00:00Z",
    financial_status: "paid",
    discount_codes: [{ code: "FAIL10" }],
    subtotal_price_set: money("50.00"),
    total_price_set: money("50.00"),
    line_items: [
      {
        id: id * 10,
        product_id: null,
        title: "Serum",
        quantity: 1,
        price_set: money("50.00"),
        discount_allocations: [],
      },
    ],
  };
}

const REFUSE_TRIGGER = {
  sqlite: `CREATE TRIGGER refuse_events BEFORE INSERT ON "WebhookEvent" WHEN NEW."webhookId" LIKE 'doomed-%'
           BEGIN SELECT RAISE(ABORT, 'database is full'); END;`,
  postgresql: `CREATE FUNCTION refuse_events() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'database is full'; END; $$ LANGUAGE plpgsql;
               CREATE TRIGGER refuse_events BEFORE INSERT ON "WebhookEvent" FOR EACH ROW WHEN (NEW."webhookId" LIKE 'doomed-%')
               EXECUTE FUNCTION refuse_events();`,
};
const DROP_TRIGGER = {
  sqlite: "DROP TRIGGER refuse_events;",
  postgresql: `DROP TRIGGER refuse_events ON "WebhookEvent"; DROP FUNCTION refuse_events();`,
};

beforeAll(async () => {
  expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
  await seedInfluencerWithLink(world.database.db, TEST_SHOP, { slug: "fail-link", code: "FAIL10" });
});

describe("webhooks that could not be stored or processed", () => {
  it("answers 503 when the event cannot be stored, so Shopify retries; the retry is then stored once", async () => {
    const kind = world.database.kind;
    await runSql(world.database.url, REFUSE_TRIGGER[kind]);
    const refused = await sendWebhook(world.app.url, "orders/create", order(8001), { webhookId: "doomed-1" });
    expect(refused.status).toBe(503);
    expect(await world.database.db.webhookEvent.count({ where: { webhookId: "doomed-1" } })).toBe(0);
    expect(await world.database.db.order.count({ where: { shopifyOrderId: "8001" } })).toBe(0);

    await runSql(world.database.url, DROP_TRIGGER[kind]);
    const retried = await sendWebhook(world.app.url, "orders/create", order(8001), { webhookId: "doomed-1" });
    expect(retried.status).toBe(200);
    expect(await world.database.db.order.count({ where: { shopifyOrderId: "8001" } })).toBe(1);
  });

  it("keeps an event stored but never processed, shows it, and processes it on retry", async () => {
    const db = world.database.db;
    // As if the server died between storing and processing, and a later attempt failed.
    await db.webhookEvent.create({
      data: {
        webhookId: "left-behind",
        shopDomain: TEST_SHOP,
        topic: "orders/create",
        apiVersion: "2026-07",
        payload: JSON.stringify(order(8002)),
        status: "FAILED",
        attempts: 1,
        lastError: "connection reset",
        receivedAt: new Date(Date.now() - 10 * 60_000),
      },
    });
    // One stored as the intake stores payloads now (compressed), beside the plain one from before.
    await db.webhookEvent.create({
      data: {
        webhookId: "left-behind-packed",
        shopDomain: TEST_SHOP,
        topic: "orders/create",
        apiVersion: "2026-07",
        payload: packPayload(JSON.stringify(order(8003))),
        status: "RECEIVED",
        receivedAt: new Date(Date.now() - 10 * 60_000),
      },
    });
    const home = await (await adminFetch(world.app.url, "/app")).text();
    expect(home).toContain("Some Shopify events could not be processed");

    const retry = await adminFetch(world.app.url, "/app?index", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "intent=retry-webhooks",
    });
    expect(retry.status).toBe(200);
    const event = await db.webhookEvent.findUniqueOrThrow({ where: { webhookId: "left-behind" } });
    expect(event).toMatchObject({ status: "PROCESSED", attempts: 2, lastError: null });
    for (const id of ["8002", "8003"])
      expect(await db.order.findFirst({ where: { shopifyOrderId: id } })).toMatchObject({
        source: "CODE",
        netSalesMinor: 5000,
      });
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { webhookId: "left-behind-packed" } })).toMatchObject({
      status: "PROCESSED",
      payload: "",
    });
    expect(await (await adminFetch(world.app.url, "/app")).text()).not.toContain(
      "Some Shopify events could not be processed",
    );
  });

  it("answers a burst at once and processes every event of it, some after answering", async () => {
    const ids = Array.from({ length: 24 }, (_, i) => 8100 + i);
    const answers = await Promise.all(
      ids.map((id) => sendWebhook(world.app.url, "orders/create", order(id), { webhookId: `burst-${id}` })),
    );
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    const db = world.database.db;
    await eventually(
      async () =>
        (await db.webhookEvent.count({ where: { webhookId: { startsWith: "burst-" }, status: "PROCESSED" } })) ===
        ids.length,
      20_000,
    );
    expect(await db.order.count({ where: { shopifyOrderId: { in: ids.map(String) } } })).toBe(ids.length);
  });

  it("records a payload it cannot read as failed with the reason, answering 200 (it is stored)", async () => {
    const response = await sendWebhook(
      world.app.url,
      "orders/create",
      { id: 8003, name: "#8003" },
      { webhookId: "unreadable" },
    );
    expect(response.status).toBe(200);
    const event = await world.database.db.webhookEvent.findUniqueOrThrow({ where: { webhookId: "unreadable" } });
    expect(event.status).toBe("FAILED");
    expect(event.lastError).toContain("line_items");
  });

  it("waits longer after each failed attempt, and out of attempts waits for the merchant's Retry now", async () => {
    const db = world.database.db;
    // The unreadable event above failed once: its next attempt is about five minutes away.
    const unreadable = await db.webhookEvent.findUniqueOrThrow({ where: { webhookId: "unreadable" } });
    const wait = unreadable.nextAttemptAt!.getTime() - Date.now();
    expect(wait).toBeGreaterThan(4 * 60_000);
    expect(wait).toBeLessThanOrEqual(5 * 60_000);

    const failed = (webhookId: string, id: number, attempts: number, nextAttemptAt: Date) =>
      db.webhookEvent.create({
        data: {
          webhookId,
          shopDomain: TEST_SHOP,
          topic: "orders/create",
          apiVersion: "2026-07",
          payload: JSON.stringify(order(id)),
          status: "FAILED",
          attempts,
          lastError: "timeout",
          nextAttemptAt,
          receivedAt: new Date(Date.now() - 3_600_000),
        },
      });
    await failed("due", 8301, 2, new Date(Date.now() - 1000));
    await failed("waiting", 8302, 2, new Date(Date.now() + 3_600_000));
    await failed("dead", 8303, 10, new Date(Date.now() - 1000));
    const command = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/retry-webhooks.ts"], {
      cwd: root,
      encoding: "utf8",
      env: {
        ...process.env,
        NODE_ENV: "test",
        DATABASE_URL: world.database.url,
        SHOPIFY_API_KEY: TEST_API_KEY,
        SHOPIFY_API_SECRET: TEST_API_SECRET,
        SHOPIFY_APP_URL: "https://referral-loop.test",
        SHOPIFY_ADMIN_API_STAND_IN: world.adminApi.url,
      },
    });
    expect(command.stdout + command.stderr).toMatch(/events retried/);
    const status = async (webhookId: string) =>
      (await db.webhookEvent.findUniqueOrThrow({ where: { webhookId } })).status;
    expect([await status("due"), await status("waiting"), await status("dead"), await status("unreadable")]).toEqual([
      "PROCESSED",
      "FAILED",
      "FAILED",
      "FAILED",
    ]);

    const retry = await adminFetch(world.app.url, "/app?index", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "intent=retry-webhooks",
    });
    expect(retry.status).toBe(200);
    expect([await status("waiting"), await status("dead")]).toEqual(["PROCESSED", "PROCESSED"]);
  });

  it("settles deliveries that arrive together as one batch: a repeat stored once, an unreadable one failed alone, the rest applied", async () => {
    const ids = Array.from({ length: 12 }, (_, i) => 8200 + i);
    const deliveries = [
      ...ids.map((id) => sendWebhook(world.app.url, "orders/create", order(id), { webhookId: `together-${id}` })),
      sendWebhook(world.app.url, "orders/create", order(ids[0]), { webhookId: `together-${ids[0]}` }),
      sendWebhook(world.app.url, "orders/create", { id: 8299, name: "#8299" }, { webhookId: "together-unreadable" }),
      sendWebhook(world.app.url, "refunds/create", refundPayload({ id: 82001, orderId: ids[1], amountMinor: 5000 }), {
        webhookId: "together-refund",
      }),
    ];
    expect((await Promise.all(deliveries)).map((a) => a.status)).toEqual(deliveries.map(() => 200));
    const db = world.database.db;
    await eventually(
      async () =>
        (await db.webhookEvent.count({
          where: { webhookId: { startsWith: "together-" }, status: { not: "RECEIVED" } },
        })) ===
        ids.length + 2,
      20_000,
    );
    expect(await db.webhookEvent.count({ where: { webhookId: `together-${ids[0]}` } })).toBe(1);
    expect((await db.webhookEvent.findUniqueOrThrow({ where: { webhookId: "together-unreadable" } })).status).toBe(
      "FAILED",
    );
    const orders = await db.order.findMany({
      where: { shopifyOrderId: { in: ids.map(String) } },
      orderBy: { shopifyOrderId: "asc" },
    });
    expect(orders).toHaveLength(ids.length);
    expect(orders.map((o) => o.netSalesMinor)).toEqual(ids.map((id) => (id === ids[1] ? 0 : 5000)));
    const day = await db.influencerDay.findFirstOrThrow({
      where: { influencer: { codes: { some: { code: "FAIL10" } } } },
    });
    const expected = await db.order.aggregate({
      where: { attributedCode: "FAIL10", cancelledAt: null, selfReferral: false },
      _sum: { netSalesMinor: true },
      _count: true,
    });
    expect({ orders: day.orders, netSalesMinor: day.netSalesMinor }).toEqual({
      orders: expected._count,
      netSalesMinor: expected._sum.netSalesMinor,
    });
  });
});
