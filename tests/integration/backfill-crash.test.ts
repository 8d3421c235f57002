// The backfill is a durable job: a server killed while Shopify runs its bulk query leaves the run to
// another server, which takes up the same query (not a second one); every order is imported once.
import { describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app-server";
import { TEST_SHOP } from "../support/constants";
import { eventually, seedInfluencerWithLink } from "../support/factories";
import { useWorld } from "../support/harness";
import { pastOrder } from "../support/orders";
import { adminFetch, adminPost } from "../support/shopify";

const LEASE = { JOB_LEASE_MS: "1500" };
const world = useWorld({ env: LEASE, adminApi: { bulkQueryMs: 4000 } });

describe("a server killed mid-backfill", () => {
  it("leaves the run to another server, which finishes the same bulk query with nothing doubled", async () => {
    const db = world.database.db;
    expect((await adminFetch(world.app.url, "/app")).status).toBe(200); // installs the shop
    await seedInfluencerWithLink(db, TEST_SHOP, { slug: "crash", code: "CRASH10" });
    const orders = world.adminApi.shop(TEST_SHOP).orders;
    for (let i = 1; i <= 120; i++) orders.push(pastOrder(90_000 + i, "CRASH10"));

    expect((await adminPost(world.app.url, "/app/backfill", {})).status).toBe(200);
    const run = await eventually(() => db.backfillRun.findFirst({ where: { bulkOperationId: { not: null } } }), 10_000);
    await world.app.crash(); // while Shopify is still gathering the orders
    expect(await db.backfillRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: "RUNNING",
      imported: 0,
      resultUrl: null,
    });

    let second: RunningApp | undefined;
    try {
      second = await startApp({ databaseUrl: world.database.url, adminApiUrl: world.adminApi.url, env: LEASE });
      const done = await eventually(async () => {
        const found = await db.backfillRun.findUniqueOrThrow({ where: { id: run.id } });
        return found.status === "DONE" ? found : null;
      }, 20_000);
      expect(done.imported).toBe(120);
      expect(done.worker).not.toBe(run.worker);
      expect(done.bulkOperationId).toBe(run.bulkOperationId);
      expect(world.adminApi.callsOf("bulkOperationRunQuery")).toHaveLength(1);
      expect(await db.order.count()).toBe(120);
      const counted = await db.order.groupBy({ by: ["shopifyOrderId"], _count: true });
      expect(counted.every((o) => o._count === 1)).toBe(true);
      expect(await db.commission.count()).toBe(120);
    } finally {
      await second?.stop();
    }
  }, 60_000);
});
