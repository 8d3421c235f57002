import { beforeAll, describe, expect, it } from "vitest";
import { TEST_SHOP } from "../support/constants";
import { eventually, seedInfluencerWithLink } from "../support/factories";
import { useWorld } from "../support/harness";
import { adminFetch, sendWebhook } from "../support/shopify";
import { pastOrder } from "../support/orders";

const world = useWorld();

function startImport() {
  return adminFetch(world.app.url, "/app/backfill", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "" });
}

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
});

describe("importing past orders that used influencer codes", () => {
  it("stops at a failed page keeping its place, resumes there, and imports every order once", async () => {
    // An order that already came by webhook must not be counted twice.
    const known = pastOrder(70_001, "MAYA10");
    expect((await sendWebhook(world.app.url, "orders/create", known)).status).toBe(200);

    world.adminApi.inject("pass");
    world.adminApi.inject("server-error");
    expect((await startImport()).status).toBe(200);
    const failed = await finishedRun("FAILED");
    expect(failed.cursor).not.toBeNull();
    expect(failed.imported).toBe(50);
    const page = await (await adminFetch(world.app.url, "/app/backfill")).text();
    expect(page).toContain("The import stopped");

    expect((await startImport()).status).toBe(200);
    const done = await finishedRun("DONE");
    expect(done.imported).toBe(60);

    const db = world.database.db;
    expect(await db.order.count()).toBe(60);
    expect(await db.order.count({ where: { source: "CODE", influencerId: { not: null } } })).toBe(60);
    const refunded = await db.order.findFirstOrThrow({ where: { shopifyOrderId: "70007" } });
    expect(refunded).toMatchObject({ netSalesMinor: 2000, refundedMinor: 2000 });
    const calls = world.adminApi.callsOf("orders");
    expect(calls.map((c) => c.variables.query)).toContain("discount_code:'MAYA10'");
  });

  it("imports nothing again the second time", async () => {
    const before = await world.database.db.order.count();
    expect((await startImport()).status).toBe(200);
    await eventually(async () => (await world.database.db.backfillRun.count({ where: { status: "DONE" } })) === 2, 15_000);
    expect(await world.database.db.order.count()).toBe(before);
  });
});
