// Paying payouts as a merchant does it in Chromium: a double click on "Pay as store credit" pays
// once; a credit whose answer was lost stays "being paid" with the reason, for the merchant to
// return it to draft after checking Shopify.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_SHOP } from "../../scripts/seed";
import { ARTIFACTS, merchantContext, useBrowser } from "../support/browser";
import { useDemo } from "../support/demo-app";
import { shopRow } from "../support/factories";

const world = useDemo({ influencers: 3, days: 3, ordersPerDay: 1 });
const chromium = useBrowser();

/** A draft payout of a new influencer linked to a customer account, so store credit is offered. */
async function draftFor(name: string, amountMinor: number) {
  const db = world.database.db;
  const shop = await shopRow(db, DEMO_SHOP);
  const influencer = await db.influencer.create({
    data: { shopId: shop.id, name, email: `${name.split(" ")[0].toLowerCase()}@example.com`, shopifyCustomerId: String(9_000 + amountMinor) },
  });
  return db.payout.create({ data: { shopId: shop.id, influencerId: influencer.id, amountMinor, currency: shop.currency } });
}

// The payout's row: the outermost line holding its influencer's link (and its buttons).
const rowOf = (page: Page, name: string) => page.locator(".Polaris-InlineStack").filter({ has: page.getByRole("link", { name, exact: true }) }).first();

describe("paying payouts in the browser", () => {
  it("pays a double-clicked store credit once", async () => {
    const payout = await draftFor("Dora Double", 4_321);
    const credits = world.adminApi.callsOf("storeCreditAccountCredit").length;
    const context = await merchantContext(chromium.browser);
    const page = await context.newPage();
    await page.goto(world.adminUrl("/app/payouts"));
    await page.getByRole("heading", { name: "Payouts to review and pay" }).waitFor({ timeout: 20_000 });
    await rowOf(page, "Dora Double").getByRole("button", { name: "Pay as store credit" }).dblclick();
    await page.getByText("Paid as store credit").first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, "payouts-store-credit.png"), fullPage: true });
    expect(world.adminApi.callsOf("storeCreditAccountCredit").length - credits).toBe(1);
    expect(await world.database.db.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({ status: "PAID", method: "STORE_CREDIT" });
    await context.close();
  }, 60_000);

  it("shows a credit whose answer was lost as being paid, and returns it to draft", async () => {
    const payout = await draftFor("Lou Lost", 1_234);
    const context = await merchantContext(chromium.browser);
    const page = await context.newPage();
    await page.goto(world.adminUrl("/app/payouts"));
    await page.getByRole("heading", { name: "Payouts to review and pay" }).waitFor({ timeout: 20_000 });
    world.adminApi.inject("lost-response");
    await rowOf(page, "Lou Lost").getByRole("button", { name: "Pay as store credit" }).click();
    await rowOf(page, "Lou Lost").getByRole("button", { name: "Return to draft" }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, "payouts-being-paid.png"), fullPage: true });
    expect(await world.database.db.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({ status: "PAYING" });
    await rowOf(page, "Lou Lost").getByRole("button", { name: "Return to draft" }).click();
    await rowOf(page, "Lou Lost").getByRole("button", { name: "Pay as store credit" }).waitFor({ timeout: 10_000 });
    expect(await world.database.db.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({ status: "DRAFT" });
    await context.close();
  }, 60_000);
});
