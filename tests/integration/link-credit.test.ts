// First or last click: a shopper who clicked one influencer's link and later another's is credited
// to the one the shop's setting says, through the order webhook, and the order says why.
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_SHOP } from "../support/constants";
import { seedInfluencerWithLink, settingsForm, shopRow } from "../support/factories";
import { useWorld } from "../support/harness";
import { orderPayload } from "../support/orders";
import { adminFetch, adminPost, sendWebhook } from "../support/shopify";

const world = useWorld();
let firstId = "";
let lastId = "";

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/** An order whose cart carried both clicks the theme embed keeps: the first and the last. */
async function orderWithClicks(
  id: number,
  first: { slug: string; daysAgo: number },
  last: { slug: string; daysAgo: number },
) {
  const payload = {
    ...orderPayload({ id, netMinor: 10_000 }),
    note_attributes: [
      { name: "first_ref", value: first.slug },
      { name: "first_ref_at", value: daysAgo(first.daysAgo) },
      { name: "ref", value: last.slug },
      { name: "ref_at", value: daysAgo(last.daysAgo) },
    ],
  };
  expect((await sendWebhook(world.app.url, "orders/create", payload)).status).toBe(200);
  return world.database.db.order.findFirstOrThrow({ where: { shopifyOrderId: String(id) } });
}

async function credit(linkCredit: string) {
  const response = await adminPost(world.app.url, "/app/settings", settingsForm({ linkCredit }));
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
  await shopRow(world.database.db, TEST_SHOP);
  firstId = (await seedInfluencerWithLink(world.database.db, TEST_SHOP, { slug: "ana-first", code: "ANA10" })).link
    .influencerId;
  lastId = (await seedInfluencerWithLink(world.database.db, TEST_SHOP, { slug: "bo-last", code: "BO10" })).link
    .influencerId;
});

describe("crediting a shopper's link clicks", () => {
  it("credits the last click by default, saying so", async () => {
    const order = await orderWithClicks(7001, { slug: "ana-first", daysAgo: 5 }, { slug: "bo-last", daysAgo: 1 });
    expect(order).toMatchObject({
      influencerId: lastId,
      source: "LINK",
      attributedSlug: "bo-last",
      attributionReason: "referral link bo-last (last click)",
    });
  });

  it("credits the first click once the shop chooses it, and the last one when the first is past the window", async () => {
    await credit("FIRST_CLICK");
    expect((await world.database.db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).linkCredit).toBe(
      "FIRST_CLICK",
    );
    const order = await orderWithClicks(7002, { slug: "ana-first", daysAgo: 5 }, { slug: "bo-last", daysAgo: 1 });
    expect(order).toMatchObject({
      influencerId: firstId,
      attributedSlug: "ana-first",
      attributionReason: "referral link ana-first (first click)",
    });
    const stale = await orderWithClicks(7003, { slug: "ana-first", daysAgo: 40 }, { slug: "bo-last", daysAgo: 1 });
    expect(stale).toMatchObject({ influencerId: lastId, attributionReason: "referral link bo-last (last click)" });

    // The orders report says why each order is whose.
    const csv = await (await adminFetch(world.app.url, "/app/reports/orders.csv")).text();
    const rows = new Map(
      csv
        .trim()
        .split("\r\n")
        .map((line) => [line.split(",")[0], line.split(",")]),
    );
    expect(rows.get("order")?.at(-1)).toBe("credited_by");
    expect(rows.get("#7002")?.at(-1)).toBe("referral link ana-first (first click)");
    expect(rows.get("#7001")?.at(-1)).toBe("referral link bo-last (last click)");
    await credit("LAST_CLICK");
  });

  it("refuses a setting it does not know, naming the field, and changes nothing", async () => {
    const before = await world.database.db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } });
    const response = await adminPost(world.app.url, "/app/settings", settingsForm({ linkCredit: "MIDDLE_CLICK" }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("linkCredit is LAST_CLICK or FIRST_CLICK");
    expect(await world.database.db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).toEqual(before);
  });
});
