// A shop with 20,000 past orders: the history comes through one bulk query (no page of orders
// could be asked within Shopify's cost limit), the page shows how far it got, and the orders with
// influencer codes are imported once each.
import { describe, expect, it } from "vitest";
import { TEST_SHOP } from "../support/constants";
import { eventually, seedInfluencerWithLink } from "../support/factories";
import { useWorld } from "../support/harness";
import { pastOrder } from "../support/orders";
import { adminFetch, adminPost } from "../support/shopify";

const world = useWorld({ adminApi: { bulkQueryMs: 2500 } });

describe("a shop with 20,000 past orders", () => {
  it("imports through a bulk operation, with its progress on the page", async () => {
    const db = world.database.db;
    expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
    await seedInfluencerWithLink(db, TEST_SHOP, { slug: "big", code: "BIG10" });
    const orders = world.adminApi.shop(TEST_SHOP).orders;
    for (let i = 1; i <= 20_000; i++) orders.push(pastOrder(100_000 + i, i % 10 === 0 ? "BIG10" : "WELCOME5"));

    expect((await adminPost(world.app.url, "/app/backfill", {})).status).toBe(200);
    const seen = new Set<string>();
    await eventually(async () => {
      const page = await (await adminFetch(world.app.url, "/app/backfill")).text();
      const progress = /Shopify is gathering your order history|(\d+) of 2000 orders/.exec(page);
      if (progress) seen.add(progress[1] ? (progress[1] === "2000" ? "all read" : "reading") : "gathering");
      const run = await db.backfillRun.findFirst();
      return run?.status === "DONE" || run?.status === "FAILED";
    }, 60_000);

    expect(seen.has("gathering")).toBe(true);
    const run = await db.backfillRun.findFirstOrThrow();
    expect(run).toMatchObject({ status: "DONE", ordersTotal: 2000, ordersDone: 2000, imported: 2000 });
    expect(await db.order.count()).toBe(2000);
    expect(world.adminApi.callsOf("bulkOperationRunQuery")).toHaveLength(1);
    expect(world.adminApi.callsOf("orders")).toHaveLength(0);
    const page = await (await adminFetch(world.app.url, "/app/backfill")).text();
    expect(page).toContain("2000 of 2000 orders");
  }, 120_000);
});
