// The web pixel's side of attribution, through the app's real routes: the pixel is created on
// install with Shopify's published schema, a report of a checkout (POST /pixel, from another
// origin, as the pixel sandbox sends it) attributes the order of that very checkout whichever of
// the two arrives first, never an order that already has an influencer and never twice, and
// every malformed, missing or foreign field is refused naming it and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { purgeUnmatchedPixelReports } from "~/server/ledger/pixel-reports.server";
import { OTHER_SHOP, TEST_SHOP } from "../support/constants";
import { eventually, seedInfluencerWithLink, shopRow } from "../support/factories";
import { useWorld } from "../support/harness";
import { orderPayload } from "../support/orders";
import { adminFetch, sendWebhook } from "../support/shopify";

// Behind one proxy, as in production: each report below comes from a visitor of its own.
const world = useWorld({ env: { TRUST_PROXY: "1" } });
const STOREFRONT = `https://${TEST_SHOP}`;

let maya: Awaited<ReturnType<typeof seedInfluencerWithLink>>;
let leo: Awaited<ReturnType<typeof seedInfluencerWithLink>>;
let nextOrder = 91_000;
let visitor = 0;

beforeAll(async () => {
  expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
  maya = await seedInfluencerWithLink(world.database.db, TEST_SHOP, {
    slug: "maya-pixel",
    code: "MAYAPX",
    email: "maya@example.com",
  });
  leo = await seedInfluencerWithLink(world.database.db, TEST_SHOP, { slug: "leo-pixel", code: "LEOPX" });
});

type Report = { shop?: unknown; orderId?: unknown; checkoutToken?: unknown; ref?: unknown; clickedAt?: unknown };

function report(body: Report | string, headers: Record<string, string> = {}) {
  return fetch(`${world.app.url}/pixel`, {
    method: "POST",
    // As the pixel sends it: a string body (text/plain, no preflight) from the sandbox's origin.
    headers: {
      Origin: STOREFRONT,
      "Content-Type": "text/plain;charset=UTF-8",
      "X-Forwarded-For": `198.51.100.${++visitor % 250}`,
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const checkout = (orderId: number, ref = "maya-pixel") => ({
  shop: TEST_SHOP,
  orderId: String(orderId),
  checkoutToken: `ct${orderId}abcdef0123456789`,
  ref,
  clickedAt: Date.now() - 3_600_000,
});

/** An order whose cart lost the ref: no code, no attributes, only its checkout token. */
function lostCartOrder(id: number, changes: Record<string, unknown> = {}) {
  return { ...orderPayload({ id, netMinor: 8000 }), checkout_token: `ct${id}abcdef0123456789`, ...changes };
}

async function order(id: number) {
  return world.database.db.order.findFirst({ where: { shopifyOrderId: String(id) }, include: { commission: true } });
}

async function deliver(payload: unknown) {
  const response = await sendWebhook(world.app.url, "orders/create", payload);
  expect(response.status).toBe(200);
  const id = String((payload as { id: number }).id);
  return eventually(() => world.database.db.order.findFirst({ where: { shopifyOrderId: id } }));
}

describe("the web pixel on install", () => {
  it("is created once with the address it reports to, and left alone at the next authentication", async () => {
    const pixel = world.adminApi.shop(TEST_SHOP).webPixel;
    expect(pixel && JSON.parse(pixel.settings)).toEqual({ collectUrl: "https://referral-loop.test/pixel" });
    expect(world.adminApi.callsOf("webPixelCreate").filter((c) => c.shop === TEST_SHOP)).toHaveLength(1);

    await world.database.db.session.deleteMany({ where: { shop: TEST_SHOP } }); // a new token exchange runs afterAuth again
    expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
    expect(world.adminApi.callsOf("webPixelCreate").filter((c) => c.shop === TEST_SHOP)).toHaveLength(1);
    expect(world.adminApi.callsOf("webPixelUpdate")).toHaveLength(0);
  });

  it("does not fail the install when Shopify cannot save it, and saves it at the next authentication", async () => {
    world.adminApi.inject("pass"); // the shop's details
    world.adminApi.inject("server-error"); // the pixel
    expect((await adminFetch(world.app.url, "/app", { shop: OTHER_SHOP })).status).toBe(200);
    expect(await shopRow(world.database.db, OTHER_SHOP)).toMatchObject({ status: "INSTALLED" });
    expect(world.adminApi.shop(OTHER_SHOP).webPixel).toBeNull();
    await eventually(async () => world.app.output().includes(`web pixel for ${OTHER_SHOP} not saved`));

    await world.database.db.session.deleteMany({ where: { shop: OTHER_SHOP } });
    expect((await adminFetch(world.app.url, "/app", { shop: OTHER_SHOP })).status).toBe(200);
    expect(world.adminApi.shop(OTHER_SHOP).webPixel).not.toBeNull();
  });
});

describe("a report of a checkout", () => {
  it("attributes the order that comes after it to the reported link", async () => {
    const id = nextOrder++;
    const answer = await report(checkout(id));
    expect(answer.status).toBe(204);
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    await deliver(lostCartOrder(id));
    const stored = await order(id);
    expect(stored).toMatchObject({
      influencerId: maya.influencer.id,
      source: "LINK",
      attributedSlug: "maya-pixel",
      selfReferral: false,
    });
    expect(stored!.commission).toMatchObject({ influencerId: maya.influencer.id });
  });

  it("attributes an order already stored without an influencer, with its commission, once", async () => {
    const id = nextOrder++;
    await deliver(lostCartOrder(id));
    expect(await order(id)).toMatchObject({ influencerId: null, source: "NONE", commission: null });

    expect((await report(checkout(id))).status).toBe(204);
    const stored = await order(id);
    expect(stored).toMatchObject({ influencerId: maya.influencer.id, source: "LINK", attributedSlug: "maya-pixel" });
    expect(stored!.commission).toMatchObject({ influencerId: maya.influencer.id, baseMinor: 8000 });

    // The thank-you page again, and a report naming another link: the first report stands.
    expect((await report(checkout(id))).status).toBe(204);
    expect((await report(checkout(id, "leo-pixel"))).status).toBe(204);
    expect(await world.database.db.pixelReport.count({ where: { shopifyOrderId: String(id) } })).toBe(1);
    expect(await world.database.db.commission.count({ where: { order: { shopifyOrderId: String(id) } } })).toBe(1);
    expect((await order(id))!.influencerId).toBe(maya.influencer.id);

    // A later update of the order keeps what the pixel said.
    await deliver(
      lostCartOrder(id, { updated_at: new Date(Date.now() + 1000).toISOString(), financial_status: "paid" }),
    );
    expect(await order(id)).toMatchObject({ influencerId: maya.influencer.id, attributedSlug: "maya-pixel" });
  });

  it("stores one report of five sent at once", async () => {
    const id = nextOrder++;
    await deliver(lostCartOrder(id));
    const answers = await Promise.all(Array.from({ length: 5 }, () => report(checkout(id))));
    expect(answers.map((a) => a.status)).toEqual([204, 204, 204, 204, 204]);
    expect(await world.database.db.pixelReport.count({ where: { shopifyOrderId: String(id) } })).toBe(1);
    expect(await world.database.db.commission.count({ where: { order: { shopifyOrderId: String(id) } } })).toBe(1);
  });

  it("never moves an order that has an influencer's code or its own ref", async () => {
    const coded = nextOrder++;
    await deliver(lostCartOrder(coded, { discount_codes: [{ code: "LEOPX" }] }));
    expect((await report(checkout(coded))).status).toBe(204);
    expect(await order(coded)).toMatchObject({ influencerId: leo.influencer.id, source: "CODE" });

    const reffed = nextOrder++;
    expect((await report(checkout(reffed))).status).toBe(204);
    await deliver(lostCartOrder(reffed, { note_attributes: [{ name: "ref", value: "leo-pixel" }] }));
    expect(await order(reffed)).toMatchObject({ influencerId: leo.influencer.id, attributedSlug: "leo-pixel" });
  });

  it("attributes nothing when the order's checkout token is not the reported one", async () => {
    const before = nextOrder++;
    await deliver(lostCartOrder(before, { checkout_token: "another-checkout-token" }));
    expect((await report(checkout(before))).status).toBe(204);
    expect(await order(before)).toMatchObject({ influencerId: null, source: "NONE" });

    const after = nextOrder++;
    expect((await report(checkout(after))).status).toBe(204);
    await deliver(lostCartOrder(after, { checkout_token: null }));
    expect(await order(after)).toMatchObject({ influencerId: null, source: "NONE" });
  });

  it("keeps to the shop's attribution window", async () => {
    const id = nextOrder++;
    expect((await report({ ...checkout(id), clickedAt: Date.now() - 40 * 86_400_000 })).status).toBe(204);
    await deliver(lostCartOrder(id));
    expect(await order(id)).toMatchObject({ influencerId: null, source: "NONE" });
  });

  it.each<[string, Report | string, number, string]>([
    ["not JSON", "ref=maya-pixel", 400, "The report is not JSON"],
    ["no shop", { ...checkout(1), shop: undefined }, 400, "shop is required"],
    [
      "a shop that is not a myshopify domain",
      { ...checkout(1), shop: "evil.example" },
      400,
      "shop is not a myshopify.com domain",
    ],
    ["no order id", { ...checkout(1), orderId: undefined }, 400, "orderId"],
    ["an order id that is not one", { ...checkout(1), orderId: "1 OR 1=1" }, 400, "orderId is not an order id"],
    ["no checkout token", { ...checkout(1), checkoutToken: undefined }, 400, "checkoutToken is required"],
    [
      "a checkout token with markup",
      { ...checkout(1), checkoutToken: "<script>alert(1)</script>" },
      400,
      "checkoutToken is not a checkout token",
    ],
    ["no ref", { ...checkout(1), ref: undefined }, 400, "ref is required"],
    ["a ref that is not a link name", { ...checkout(1), ref: "../admin" }, 400, "ref is not a link name"],
    ["a click time that is not a time", { ...checkout(1), clickedAt: "yesterday" }, 400, "clickedAt"],
    [
      "a shop without the app",
      { ...checkout(1), shop: "no-such-shop.myshopify.com" },
      404,
      "shop: not a shop that has the app",
    ],
    ["a link of another shop", { ...checkout(1), shop: OTHER_SHOP }, 404, "ref: not a link of this shop"],
  ])("refuses %s, naming it, and stores nothing", async (_name, body, status, error) => {
    const before = await world.database.db.pixelReport.count();
    const answer = await report(body);
    expect(answer.status).toBe(status);
    expect(await answer.text()).toContain(error);
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(await world.database.db.pixelReport.count()).toBe(before);
  });

  it("answers a preflight, refuses a body past 2 KB and other methods", async () => {
    const preflight = await fetch(`${world.app.url}/pixel`, {
      method: "OPTIONS",
      headers: {
        Origin: STOREFRONT,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");
    expect((await report({ ...checkout(2), ref: "a".repeat(3000) })).status).toBe(413);
    expect((await fetch(`${world.app.url}/pixel`)).status).toBe(405);
  });

  it("refuses a visitor who sends more than 20 reports a minute", async () => {
    const from = { "X-Forwarded-For": "203.0.113.9" };
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push((await report(checkout(3), from)).status);
    expect(answers.slice(0, 20).every((status) => status !== 429)).toBe(true);
    expect(answers[20]).toBe(429);
    expect((await report(checkout(3))).status).not.toBe(429); // another visitor
  });

  it("forgets, after a week, a report whose order never came, and keeps one whose order did", async () => {
    const shop = await shopRow(world.database.db, TEST_SHOP);
    const matched = nextOrder++;
    await deliver(lostCartOrder(matched));
    const old = new Date(Date.now() - 8 * 86_400_000);
    await world.database.db.pixelReport.createMany({
      data: [
        {
          shopId: shop.id,
          shopifyOrderId: "88880001",
          checkoutToken: "never-an-order",
          slug: "maya-pixel",
          receivedAt: old,
        },
        {
          shopId: shop.id,
          shopifyOrderId: String(matched),
          checkoutToken: `ct${matched}abcdef0123456789`,
          slug: "maya-pixel",
          receivedAt: old,
        },
      ],
    });
    expect(await purgeUnmatchedPixelReports(world.database.db, new Date(Date.now() - 7 * 86_400_000))).toBe(1);
    expect(
      await world.database.db.pixelReport.findMany({
        where: { shopifyOrderId: { in: ["88880001", String(matched)] } },
        select: { shopifyOrderId: true },
      }),
    ).toEqual([{ shopifyOrderId: String(matched) }]);
  });

  it("reaches a stale report past thousands whose orders came", async () => {
    const db = world.database.db;
    const shop = await shopRow(db, TEST_SHOP);
    const old = new Date(Date.now() - 9 * 86_400_000);
    const matched = Array.from({ length: 5_001 }, (_, i) => String(60_000_000 + i));
    await db.order.createMany({
      data: matched.map((id) => ({ shopId: shop.id, shopifyOrderId: id, currency: "USD", placedAt: old })),
    });
    await db.pixelReport.createMany({
      data: matched.map((id) => ({
        id: `a${id}`,
        shopId: shop.id,
        shopifyOrderId: id,
        checkoutToken: `ct${id}`,
        slug: "maya-pixel",
        receivedAt: old,
      })),
    });
    await db.pixelReport.create({
      data: {
        id: "z-unmatched",
        shopId: shop.id,
        shopifyOrderId: "69999999",
        checkoutToken: "ct-none",
        slug: "maya-pixel",
        receivedAt: old,
      },
    });
    expect(await purgeUnmatchedPixelReports(db, new Date(Date.now() - 7 * 86_400_000))).toBe(1);
    expect(await db.pixelReport.findUnique({ where: { id: "z-unmatched" } })).toBeNull();
    expect(await db.pixelReport.count({ where: { id: { startsWith: "a6" } } })).toBe(5_001);
  }, 60_000);
});
