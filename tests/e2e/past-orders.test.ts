// Importing past orders as a merchant does it in Chromium: the page follows Shopify's bulk query
// and then the import with its progress bar, says how many orders were imported, and the orders
// (one whose influencer code was its second code) are in the ledger, attributed, once.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_SHOP } from "../../scripts/seed";
import { ARTIFACTS, merchantContext, pageErrors, useBrowser } from "../support/browser";
import { useDemo } from "../support/demo-app";
import { shopRow } from "../support/factories";
import { pastOrder } from "../support/orders";

const world = useDemo({ influencers: 2, days: 2, ordersPerDay: 1 });
const chromium = useBrowser();

describe("importing past orders in the browser", () => {
  it("shows the run's progress and imports each past order with an influencer's code once", async () => {
    const db = world.database.db;
    const shop = await shopRow(db, DEMO_SHOP);
    const code = await db.discountCode.findFirstOrThrow({ where: { shopId: shop.id, status: "ACTIVE" } });
    const store = world.adminApi.shop(DEMO_SHOP);
    for (let i = 1; i <= 40; i++) store.orders.push(pastOrder(700_000 + i, i % 4 === 0 ? "SOMEONE-ELSES" : code.code));
    store.orders.push({
      ...pastOrder(700_100, "WELCOME5"),
      discount_codes: [{ code: "WELCOME5" }, { code: code.code }],
    }); // the second code
    const context = await merchantContext(chromium.browser, { width: 1440, height: 900 });
    const page = await context.newPage();
    const errors = pageErrors(page);
    await page.goto(world.adminUrl("/app/backfill"));
    await page.getByRole("button", { name: "Import past orders" }).click();
    await page.locator(".Polaris-ProgressBar").waitFor({ timeout: 20_000 });
    await page
      .getByText("31 of 31 orders with your influencers' codes or links read, 31 imported")
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, "past-orders-done.png"), fullPage: true });
    const imported = await db.order.findMany({ where: { shopId: shop.id, shopifyOrderId: { startsWith: "7000" } } });
    expect(imported).toHaveLength(30);
    expect(imported.every((o) => o.influencerId === code.influencerId)).toBe(true);
    expect(await db.order.findFirstOrThrow({ where: { shopId: shop.id, shopifyOrderId: "700100" } })).toMatchObject({
      influencerId: code.influencerId,
      attributedCode: code.code,
    });
    expect(await db.backfillRun.findFirstOrThrow({ where: { shopId: shop.id } })).toMatchObject({
      status: "DONE",
      ordersTotal: 31,
      ordersDone: 31,
    });

    // Again: nothing is counted twice.
    await page.getByRole("button", { name: "Import again" }).click();
    await expect
      .poll(async () => (await db.backfillRun.findFirst({ where: { shopId: shop.id, status: "RUNNING" } })) === null, {
        timeout: 30_000,
      })
      .toBe(true);
    expect(await db.order.count({ where: { shopId: shop.id, shopifyOrderId: { startsWith: "7001" } } })).toBe(1);
    expect(await db.order.count({ where: { shopId: shop.id, shopifyOrderId: { startsWith: "7000" } } })).toBe(30);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
