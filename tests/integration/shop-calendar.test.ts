// The shop's calendar, not UTC's: a commission tier counts the shop's last month, the monthly
// email waits for the shop's month to end, and a visitor's repeat clicks are tallied on the shop's
// day. Each case is placed where the shop's day and UTC's differ.
import { describe, expect, it } from "vitest";
import { shopDay } from "~/domain/shop-time";
import { TEST_API_KEY, TEST_API_SECRET, TEST_SHOP } from "../support/constants";
import { eventually, seedInfluencerWithLink, seedOrder, shopRow } from "../support/factories";
import { useWorld } from "../support/harness";
import { orderPayload } from "../support/orders";
import { BROWSER_USER_AGENT, sendWebhook } from "../support/shopify";

const world = useWorld({ env: { LINK_CACHE_TTL_MS: "0", CLICK_FLUSH_MS: "20" } });

async function shopIn(timezone: string) {
  const shop = await shopRow(world.database.db, TEST_SHOP);
  return world.database.db.shop.update({ where: { id: shop.id }, data: { timezone } });
}

describe("the shop's calendar", () => {
  it("picks a commission tier from the shop's last month, not UTC's", async () => {
    const db = world.database.db;
    const shop = await shopIn("America/New_York");
    const { influencer } = await seedInfluencerWithLink(db, TEST_SHOP, { slug: "tiers", code: "TIER10" });
    await db.commissionRule.create({
      data: {
        shopId: shop.id,
        influencerId: influencer.id,
        percentBps: 800,
        tiers: JSON.stringify([{ fromMinor: 10_000, percentBps: 1500 }]),
      },
    });
    // 120.00 sold in October: November's orders earn the upper tier.
    await seedOrder(db, TEST_SHOP, {
      influencerId: influencer.id,
      netSalesMinor: 12_000,
      placedAt: new Date("2026-10-15T16:00:00Z"),
    });
    // 22:00 on 30 November in New York, already 1 December in UTC (whose last month is November).
    const order = { ...orderPayload({ id: 61_001, netMinor: 10_000, code: "TIER10" }) };
    order.created_at = order.updated_at = "2026-11-30T22:00:00-05:00";
    expect((await sendWebhook(world.app.url, "orders/create", order)).status).toBe(200);
    const commission = await eventually(() => db.commission.findFirst({ where: { influencerId: influencer.id } }));
    expect(commission.amountMinor).toBe(1500);
  });

  it("sends last month's email once the shop's month has ended, with the shop's days of it", async () => {
    // The monthly run is a command (npm run emails:monthly): it runs in this process, as it would.
    Object.assign(process.env, {
      SHOPIFY_API_KEY: TEST_API_KEY,
      SHOPIFY_API_SECRET: TEST_API_SECRET,
      SHOPIFY_APP_URL: world.app.url,
    });
    const { queueMonthlyEmails } = await import("~/server/outreach/monthly-email.server");
    const db = world.database.db;
    await shopIn("America/New_York");
    const { influencer } = await seedInfluencerWithLink(db, TEST_SHOP, { slug: "monthly", code: "MONTH10" });
    await seedOrder(db, TEST_SHOP, {
      influencerId: influencer.id,
      netSalesMinor: 4_000,
      placedAt: new Date("2026-12-01T03:00:00Z"), // 30 November, 22:00 in New York
    });
    const keys = async () =>
      (await db.outboundMessage.findMany({ where: { influencerId: influencer.id }, select: { dedupeKey: true } }))
        .map((m) => m.dedupeKey)
        .filter((k) => k?.startsWith("monthly:"));
    // 03:30 UTC on 1 December: New York is still in November, so November's email waits.
    await queueMonthlyEmails(db, world.app.url, new Date("2026-12-01T03:30:00Z"));
    expect(await keys()).toEqual([`monthly:2026-10:${influencer.id}`]);
    await queueMonthlyEmails(db, world.app.url, new Date("2026-12-01T06:00:00Z"));
    expect((await keys()).sort()).toEqual([`monthly:2026-10:${influencer.id}`, `monthly:2026-11:${influencer.id}`]);
  });

  it("tallies a visitor's repeat clicks on the shop's day", async () => {
    const db = world.database.db;
    // A zone whose day is not UTC's right now: eleven hours behind before 11:00 UTC, fourteen ahead after.
    const timezone = new Date().getUTCHours() < 11 ? "Pacific/Pago_Pago" : "Pacific/Kiritimati";
    const shop = await shopIn(timezone);
    const { link } = await seedInfluencerWithLink(db, TEST_SHOP, { slug: "repeat", code: "REPEAT10" });
    const click = () =>
      fetch(`${world.app.url}/r/repeat`, { redirect: "manual", headers: { "User-Agent": BROWSER_USER_AGENT } });
    expect((await click()).status).toBe(302);
    await eventually(() => db.click.count({ where: { linkId: link.id } }));
    expect((await click()).status).toBe(302);
    const tally = await eventually(() => db.clickTally.findFirst({ where: { linkId: link.id } }));
    expect(tally).toMatchObject({ repeats: 1, day: shopDay(new Date(), shop.timezone) });
    expect(tally.day).not.toBe(new Date().toISOString().slice(0, 10));
  });
});
