// The web pixel and the theme embed in Chromium on a local storefront, with the app running: a
// shopper who arrives by an influencer's link and pays from a checkout whose cart lost the ref has
// the order attributed through the pixel's report, once; a shopper who declined (or has not yet
// decided) has nothing kept in the browser and nothing sent.
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SHOP } from "../../scripts/seed";
import { ARTIFACTS, merchantContext, useBrowser } from "../support/browser";
import { useDemo } from "../support/demo-app";
import { eventually, shopRow } from "../support/factories";
import { orderPayload } from "../support/orders";
import { sendWebhook } from "../support/shopify";
import { startStorefront } from "../support/storefront";

const world = useDemo({ influencers: 2, days: 2, ordersPerDay: 1 });
const chromium = useBrowser();
let store: Awaited<ReturnType<typeof startStorefront>>;
let headless: Awaited<ReturnType<typeof startStorefront>>;
let link: { slug: string; influencerId: string };

beforeAll(async () => {
  const shop = await shopRow(world.database.db, DEMO_SHOP);
  link = await world.database.db.referralLink.findFirstOrThrow({
    where: { shopId: shop.id, status: "ACTIVE" },
    select: { slug: true, influencerId: true },
  });
  const pixel = { shop: DEMO_SHOP, settings: { collectUrl: `${world.app.url}/pixel` } };
  store = await startStorefront(30, { pixel });
  headless = await startStorefront(30, { pixel, embed: false });
});
afterAll(async () => {
  await store?.close();
  await headless?.close();
});

/** Requests the page (and its pixel's worker) sent to the app's pixel endpoint. */
function pixelRequests(page: Page): string[] {
  const sent: string[] = [];
  page.context().on("request", (request) => {
    if (request.url().endsWith("/pixel")) sent.push(request.postData() ?? "");
  });
  return sent;
}

async function orderWebhook(id: number, checkoutToken: string) {
  // The order as Shopify sends it when the cart lost its attributes: no code, no ref, only the checkout.
  const payload = { ...orderPayload({ id, netMinor: 6400 }), checkout_token: checkoutToken };
  expect((await sendWebhook(world.app.url, "orders/create", payload, { shop: DEMO_SHOP })).status).toBe(200);
  return eventually(() =>
    world.database.db.order.findFirst({ where: { shopifyOrderId: String(id) }, include: { commission: true } }),
  );
}

describe("the web pixel on a storefront", () => {
  it("reports the link at checkout_completed with consent, and the order is attributed once", async () => {
    const context = await merchantContext(chromium.browser);
    const page = await context.newPage();
    const sent = pixelRequests(page);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));

    await page.goto(`${store.url}/products/serum?ref=${link.slug}`);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { pixelLoaded?: boolean }).pixelLoaded))
      .toBe(true);
    // On another device the cart is a new one: the checkout carries no ref, only the pixel knows.
    await page.goto(`${store.url}/checkouts/thank-you?order=990001&token=ctPixelE2e0001`);
    await eventually(() => world.database.db.pixelReport.findFirst({ where: { shopifyOrderId: "990001" } }), 10_000);
    await page.screenshot({ path: path.join(ARTIFACTS, "web-pixel-thank-you.png") });
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0])).toEqual({
      shop: DEMO_SHOP,
      orderId: "990001",
      checkoutToken: "ctPixelE2e0001",
      ref: link.slug,
      clickedAt: expect.any(Number),
    });

    const order = await orderWebhook(990001, "ctPixelE2e0001");
    expect(order).toMatchObject({ influencerId: link.influencerId, source: "LINK", attributedSlug: link.slug });
    expect(order.commission).toMatchObject({ influencerId: link.influencerId });

    await page.reload(); // the thank-you page again: no second report
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(300);
    expect(sent).toHaveLength(1);
    expect(await world.database.db.pixelReport.count({ where: { shopifyOrderId: "990001" } })).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it("works alone on a storefront without the theme embed, and after the order came first", async () => {
    const context = await merchantContext(chromium.browser);
    const page = await context.newPage();
    await page.goto(`${headless.url}/?ref=${link.slug}`);
    await expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem("referralLoop.ref") ?? "null")?.ref))
      .toBe(link.slug);
    expect(headless.updates).toEqual([]); // no embed: no cart update

    const before = await orderWebhook(990002, "ctPixelE2e0002");
    expect(before).toMatchObject({ influencerId: null, source: "NONE" });
    await page.goto(`${headless.url}/checkouts/thank-you?order=990002&token=ctPixelE2e0002`);
    const after = await eventually(
      () =>
        world.database.db.order.findFirst({
          where: { shopifyOrderId: "990002", influencerId: link.influencerId },
          include: { commission: true },
        }),
      10_000,
    );
    expect(after).toMatchObject({ source: "LINK", attributedSlug: link.slug });
    expect(after.commission).not.toBeNull();

    // Another link later: the pixel keeps it as the last click and leaves the first one be.
    await page.goto(`${headless.url}/?ref=later-link`);
    await expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem("referralLoop.ref") ?? "null")))
      .toMatchObject({ ref: "later-link", first: link.slug });
    await context.close();
  }, 60_000);

  it("keeps and sends nothing for a shopper who declined, and waits for one who has not decided", async () => {
    const context = await merchantContext(chromium.browser);
    const page = await context.newPage();
    const sent = pixelRequests(page);
    await page.goto(`${store.url}/products/serum?ref=${link.slug}&consent=declined`);
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(300);
    await page.goto(`${store.url}/checkouts/thank-you?order=990003&token=ctPixelE2e0003&consent=declined`);
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { pixelLoaded?: boolean }).pixelLoaded ?? false)).toBe(
      false,
    );
    expect(await page.evaluate(() => localStorage.getItem("referralLoop.ref"))).toBeNull();
    expect(sent).toEqual([]);
    expect(await world.database.db.pixelReport.count({ where: { shopifyOrderId: "990003" } })).toBe(0);
    expect(await orderWebhook(990003, "ctPixelE2e0003")).toMatchObject({ influencerId: null, source: "NONE" });

    await page.goto(`${store.url}/?ref=${link.slug}&consent=pending`);
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { pixelLoaded?: boolean }).pixelLoaded ?? false)).toBe(
      false,
    );
    expect(await page.evaluate(() => localStorage.getItem("referralLoop.ref"))).toBeNull();
    await page.evaluate(() => (window as unknown as { decideConsent: (granted: boolean) => void }).decideConsent(true));
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { pixelLoaded?: boolean }).pixelLoaded))
      .toBe(true);
    await expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem("referralLoop.ref") ?? "null")?.ref))
      .toBe(link.slug);
    await page.screenshot({ path: path.join(ARTIFACTS, "web-pixel-consent-given.png") });
    await context.close();
  }, 60_000);
});
