// The backfill is a durable job: a server killed in the middle of it leaves the run to another
// server, which resumes at its place; every order is imported once, none twice.
import { describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app-server";
import { TEST_SHOP } from "../support/constants";
import { eventually, seedInfluencerWithLink } from "../support/factories";
import { useWorld } from "../support/harness";
import { pastOrder } from "../support/orders";
import { adminFetch, adminPost } from "../support/shopify";

const LEASE = { JOB_LEASE_MS: "1500" };
const world = useWorld({ env: LEASE });

describe("a server killed mid-backfill", () => {
  it("leaves the run to another server, which finishes it with nothing doubled", async () => {
    const db = world.database.db;
    expect((await adminFetch(world.app.url, "/app")).status).toBe(200); // installs the shop
    await seedInfluencerWithLink(db, TEST_SHOP, { slug: "crash", code: "CRASH10" });
    const orders = world.adminApi.shop(TEST_SHOP).orders;
    for (let i = 1; i <= 120; i++) orders.push(pastOrder(90_000 + i, "CRASH10"));

    world.adminApi.inject("pass"); // page 1 answers at once
    world.adminApi.inject("slow"); // page 2 takes 3 s: the server dies while it waits
    expect((await adminPost(world.app.url, "/app/backfill", {})).status).toBe(200);
    const run = await eventually(async () => {
      const found = await db.backfillRun.findFirst({ where: { imported: 50 } });
      return found ?? null;
    }, 10_000);
    await world.app.crash();
    expect(await db.backfillRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "RUNNING", imported: 50 });

    let second: RunningApp | undefined;
    try {
      second = await startApp({ databaseUrl: world.database.url, adminApiUrl: world.adminApi.url, env: LEASE });
      const done = await eventually(async () => {
        const found = await db.backfillRun.findUniqueOrThrow({ where: { id: run.id } });
        return found.status === "DONE" ? found : null;
      }, 20_000);
      expect(done.imported).toBe(120);
      expect(done.worker).not.toBe(run.worker);
      expect(await db.order.count()).toBe(120);
      const counted = await db.order.groupBy({ by: ["shopifyOrderId"], _count: true });
      expect(counted.every((o) => o._count === 1)).toBe(true);
      expect(await db.commission.count()).toBe(120);
    } finally {
      await second?.stop();
    }
  }, 60_000);
});
