// A shop bigger than SQLite's 999 bound values a statement: 1,200 influencers who all sold in the
// period. Every report that lists influencers must still answer, whole.
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_SHOP } from "../support/constants";
import { shopRow } from "../support/factories";
import { useWorld } from "../support/harness";
import { adminFetch } from "../support/shopify";

const world = useWorld();
const COUNT = 1200;

beforeAll(async () => {
  expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
  const db = world.database.db;
  const shop = await shopRow(db, TEST_SHOP);
  const ids = Array.from({ length: COUNT }, (_, i) => `big-${String(i).padStart(4, "0")}`);
  await db.influencer.createMany({
    data: ids.map((id, i) => ({ id, shopId: shop.id, name: `Seller ${i}`, email: `seller${i}@example.com` })),
  });
  for (let i = 0; i < COUNT; i += 400) {
    const chunk = ids.slice(i, i + 400);
    await db.influencerDay.createMany({
      data: chunk.map((influencerId, j) => ({
        shopId: shop.id,
        influencerId,
        day: "2026-11-20",
        orders: 1,
        netSalesMinor: 1000 + i + j,
      })),
    });
    await db.influencerCategoryDay.createMany({
      data: chunk.map((influencerId) => ({
        shopId: shop.id,
        influencerId,
        day: "2026-11-20",
        kind: "PRODUCT_TYPE" as const,
        category: "Skincare",
        orders: 1,
        units: 1,
        netSalesMinor: 1000,
      })),
    });
  }
});

describe("a shop with more influencers than one statement can name", () => {
  it("exports every influencer's row", async () => {
    const response = await adminFetch(world.app.url, "/app/reports/influencers.csv?from=2026-11-20&to=2026-11-20");
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines).toHaveLength(COUNT + 1);
    expect(lines[1]).toContain(`Seller ${COUNT - 1}`); // the biggest seller first
  });

  it("shows the dashboard, a page of the leaderboard at a time", async () => {
    const response = await adminFetch(world.app.url, "/app?preset=custom&from=2026-11-20&to=2026-11-20");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`1-25 of ${COUNT}`);
  });

  it("lists a category's sellers", async () => {
    const response = await adminFetch(world.app.url, "/app/reports/categories.csv?from=2026-11-20&to=2026-11-20");
    expect(response.status).toBe(200);
    expect((await response.text()).trim().split("\r\n")).toHaveLength(COUNT + 1);
  });

  it("gives the sparklines of the rows shown, for the shop's own influencers only", async () => {
    const other = await shopRow(world.database.db, "other-shop.myshopify.com");
    await world.database.db.influencer.create({
      data: { id: "foreign-1", shopId: other.id, name: "Not yours", email: "x@example.com" },
    });
    const response = await adminFetch(
      world.app.url,
      "/app/trends?ids=big-0001,big-0002,foreign-1&from=2026-11-19&to=2026-11-21",
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ trends: { "big-0001": [0, 1001, 0], "big-0002": [0, 1002, 0] } });
    const bad = await adminFetch(world.app.url, "/app/trends?ids=big-0001&from=2026-11-21&to=2026-11-19");
    expect(bad.status).toBe(400);
  });
});
