// Past orders come from one Shopify bulk query over the shop's orders: every order that used an
// influencer's code (in any position) is imported once, a failed step resumes at its place.
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_SHOP } from "../support/constants";
import { eventually, seedInfluencerWithLink } from "../support/factories";
import { useWorld } from "../support/harness";
import { orderPayload, pastOrder } from "../support/orders";
import { adminFetch, adminPost, sendWebhook } from "../support/shopify";

const world = useWorld();

const startImport = () => adminPost(world.app.url, "/app/backfill", {});

async function finishedRun(status: "DONE" | "FAILED") {
  return eventually(async () => {
    const run = await world.database.db.backfillRun.findFirst({ orderBy: { startedAt: "desc" } });
    return run?.status === status ? run : null;
  }, 15_000);
}

beforeAll(async () => {
  expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
  await seedInfluencerWithLink(world.database.db, TEST_SHOP, { slug: "maya", code: "MAYA10" });
  const shop = world.adminApi.shop(TEST_SHOP);
  for (let i = 1; i <= 60; i++) shop.orders.push(pastOrder(70_000 + i, i % 3 ? "MAYA10" : "maya10", i === 7));
  shop.orders.push(pastOrder(79_001, "SUMMER20"), pastOrder(79_002, "SUMMER20"));
  // The influencer's code second: Shopify's discount_code: search would not find it.
  shop.orders.push({ ...pastOrder(79_003, "SUMMER20"), discount_codes: [{ code: "SUMMER20" }, { code: "MAYA10" }] });
});

describe("importing past orders that used influencer codes", () => {
  it("stops when Shopify cannot be asked, keeps its bulk query, and resumes it: every order once", async () => {
    // An order that already came by webhook must not be counted twice.
    expect((await sendWebhook(world.app.url, "orders/create", pastOrder(70_001, "MAYA10"))).status).toBe(200);

    world.adminApi.inject("pass"); // the bulk query starts
    world.adminApi.inject("server-error"); // asking how it goes fails
    expect((await startImport()).status).toBe(200);
    const failed = await finishedRun("FAILED");
    expect(failed.bulkOperationId).toMatch(/^gid:\/\/shopify\/BulkOperation\/\d+$/);
    const page = await (await adminFetch(world.app.url, "/app/backfill")).text();
    expect(page).toContain("The import stopped");

    expect((await startImport()).status).toBe(200);
    const done = await finishedRun("DONE");
    expect(done.bulkOperationId).toBe(failed.bulkOperationId); // the same query, not a second one
    expect(world.adminApi.callsOf("bulkOperationRunQuery")).toHaveLength(1);
    expect(done).toMatchObject({ ordersTotal: 61, ordersDone: 61, imported: 61 });

    const db = world.database.db;
    expect(await db.order.count()).toBe(61);
    expect(await db.order.count({ where: { source: "CODE", influencerId: { not: null } } })).toBe(61);
    expect(await db.order.findFirstOrThrow({ where: { shopifyOrderId: "79003" } })).toMatchObject({
      attributedCode: "MAYA10",
    });
    const refunded = await db.order.findFirstOrThrow({ where: { shopifyOrderId: "70007" } });
    expect(refunded).toMatchObject({ netSalesMinor: 2000, refundedMinor: 2000 });
    expect(world.adminApi.callsOf("orders")).toHaveLength(0); // no paged reads, which cost more than Shopify allows
    const finished = await (await adminFetch(world.app.url, "/app/backfill")).text();
    expect(finished).toContain("61 of 61 orders with your influencers&#x27; codes or links read, 61 imported");
  });

  it("knows a past order's customer (by email) when the same customer orders again", async () => {
    const db = world.database.db;
    expect(await db.order.findFirstOrThrow({ where: { shopifyOrderId: "70002" } })).toMatchObject({
      customerShopifyId: null,
      isNewCustomer: true,
    });
    const again = orderPayload({ id: 88_001, netMinor: 3000, code: "MAYA10", customerId: 70_002 });
    again.customer = { id: 71_002, email: "buyer70002@example.com" };
    Object.assign(again, { created_at: "2040-01-01T00:00:00Z", processed_at: "2040-01-01T00:00:00Z" }); // after the past order
    expect((await sendWebhook(world.app.url, "orders/create", again)).status).toBe(200);
    expect(await db.order.findFirstOrThrow({ where: { shopifyOrderId: "88001" } })).toMatchObject({
      isNewCustomer: false,
    });
  });

  it("imports nothing again the second time", async () => {
    const before = await world.database.db.order.count();
    expect((await startImport()).status).toBe(200);
    await eventually(
      async () => (await world.database.db.backfillRun.count({ where: { status: "DONE" } })) === 2,
      15_000,
    );
    expect(await world.database.db.order.count()).toBe(before);
  });
});
