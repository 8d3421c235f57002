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
    data: {
      shopId: shop.id,
      name,
      email: `${name.split(" ")[0].toLowerCase()}@example.com`,
      shopifyCustomerId: String(9_000 + amountMinor),
    },
  });
  return db.payout.create({
    data: { shopId: shop.id, influencerId: influencer.id, amountMinor, currency: shop.currency },
  });
}

// The payout's row in the table of payouts to pay: its influencer's link and its buttons.
const rowOf = (page: Page, name: string) =>
  page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name, exact: true }) })
    .first();

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
    expect(await world.database.db.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({
      status: "PAID",
      method: "STORE_CREDIT",
    });
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
    expect(await world.database.db.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({
      status: "PAYING",
    });
    await rowOf(page, "Lou Lost").getByRole("button", { name: "Return to draft" }).click();
    await rowOf(page, "Lou Lost").getByRole("button", { name: "Pay as store credit" }).waitFor({ timeout: 10_000 });
    expect(await world.database.db.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({
      status: "DRAFT",
    });
    await context.close();
  }, 60_000);

  it("creates payouts, adjusts, pays one, several at once and as store credit, cancels through a modal, and opens a statement", async () => {
    const db = world.database.db;
    const shop = await shopRow(db, DEMO_SHOP);
    // Every earned commission is past its hold period, and any balance is worth a payout.
    await db.shop.update({ where: { id: shop.id }, data: { payoutThresholdMinor: 1 } });
    await db.commission.updateMany({
      where: { shopId: shop.id, status: "PENDING" },
      data: { holdUntil: new Date(Date.now() - 1000) },
    });
    const ana = await draftFor("Ana Adjust", 2_000);
    const bo = await draftFor("Bo Bulk", 3_000);
    const cy = await draftFor("Cy Credit", 4_000);
    const di = await draftFor("Di Cancel", 5_000);
    const context = await merchantContext(chromium.browser, { width: 1440, height: 900 });
    const page = await context.newPage();
    await page.goto(world.adminUrl("/app/payouts"));
    await page.getByRole("heading", { name: "Payouts to review and pay" }).waitFor({ timeout: 20_000 });

    // Create payouts: the seeded influencers' approved commissions become drafts, no longer "payable now".
    await page.getByRole("button", { name: "Create payouts" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /payouts? ready for review/ })
      .waitFor({ timeout: 10_000 });
    const created = await db.payout.findMany({
      where: { shopId: shop.id, status: "DRAFT", id: { notIn: [ana.id, bo.id, cy.id, di.id] } },
    });
    expect(created.length).toBeGreaterThan(0);
    const balances = page.locator(".Polaris-DataTable");
    await expect
      .poll(() => balances.locator("tfoot, .Polaris-DataTable__TableRow--total, tr").last().innerText())
      .toBeTruthy();
    const totals = await balances.getByRole("row").last().innerText();
    expect(totals).toContain("$0.00"); // payable now: nothing left outside a payout
    await page.screenshot({ path: path.join(ARTIFACTS, "payouts-table.png"), fullPage: true });

    // Adjust: a bad amount is refused with the reason, a good one changes the draft.
    await rowOf(page, "Ana Adjust").getByRole("button", { name: "Adjust" }).click();
    await rowOf(page, "Ana Adjust").getByPlaceholder("5.00 or -5.00").fill("five");
    await rowOf(page, "Ana Adjust").getByPlaceholder("Reason").fill("Bonus");
    await rowOf(page, "Ana Adjust").getByRole("button", { name: "Apply" }).click();
    await page.getByText("Enter an amount in USD: 5.00 to add, -5.00 to deduct").waitFor({ timeout: 10_000 });
    await rowOf(page, "Ana Adjust").getByPlaceholder("5.00 or -5.00").fill("5.00");
    await rowOf(page, "Ana Adjust").getByRole("button", { name: "Apply" }).click();
    await rowOf(page, "Ana Adjust").getByText("$25.00").waitFor({ timeout: 10_000 });
    expect((await db.payout.findUniqueOrThrow({ where: { id: ana.id } })).amountMinor).toBe(2_500);

    // One payout marked paid with its reference.
    await rowOf(page, "Ana Adjust").getByPlaceholder("Payment reference").fill("PP-ANA-1");
    await rowOf(page, "Ana Adjust").getByRole("button", { name: "Mark paid" }).click();
    await page.getByRole("status").filter({ hasText: "Payout marked paid" }).waitFor({ timeout: 10_000 });
    expect(await db.payout.findUniqueOrThrow({ where: { id: ana.id } })).toMatchObject({
      status: "PAID",
      reference: "PP-ANA-1",
    });

    // Several at once: Bo and Cy selected, "Mark paid" asks for the batch's reference.
    await rowOf(page, "Bo Bulk").getByRole("checkbox").check();
    await rowOf(page, "Cy Credit").getByRole("checkbox").check();
    await page.getByRole("button", { name: "Mark paid", exact: true }).first().click();
    await page.getByLabel("Reference of the payment for 2 payouts").fill("PP-BATCH-7");
    await page.getByRole("button", { name: "Mark 2 paid" }).click();
    await page.getByRole("status").filter({ hasText: "2 payouts marked paid" }).waitFor({ timeout: 10_000 });
    for (const p of [bo, cy])
      expect(await db.payout.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
        status: "PAID",
        reference: "PP-BATCH-7",
      });

    // Cancel asks first.
    const credits = world.adminApi.callsOf("storeCreditAccountCredit").length;
    await rowOf(page, "Di Cancel").getByRole("button", { name: "Cancel" }).click();
    const dialog = page.getByRole("dialog", { name: "Cancel Di Cancel's payout of $50.00?" });
    await dialog.waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, "payouts-cancel-modal.png") });
    await page.locator("ui-modal[open] ui-title-bar button", { hasText: "Cancel payout" }).click();
    await page.getByRole("status").filter({ hasText: "Payout cancelled" }).waitFor({ timeout: 10_000 });
    expect((await db.payout.findUniqueOrThrow({ where: { id: di.id } })).status).toBe("CANCELLED");
    expect(world.adminApi.callsOf("storeCreditAccountCredit").length).toBe(credits);

    // The statement of a paid payout.
    await page.getByRole("row").filter({ hasText: "PP-ANA-1" }).getByRole("link", { name: "Ana Adjust" }).click();
    await page.getByRole("heading", { name: "Statement for Ana Adjust" }).waitFor({ timeout: 10_000 });
    await page.getByText("Reference PP-ANA-1").waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "payouts-statement.png"), fullPage: true });
    await context.close();
  }, 120_000);

  it("pays the selected drafts as store credit in one go, once each", async () => {
    const first = await draftFor("Eve Many", 1_111);
    const second = await draftFor("Fay Many", 2_222);
    const credits = world.adminApi.callsOf("storeCreditAccountCredit").length;
    const context = await merchantContext(chromium.browser, { width: 1440, height: 900 });
    const page = await context.newPage();
    await page.goto(world.adminUrl("/app/payouts"));
    await page.getByRole("heading", { name: "Payouts to review and pay" }).waitFor({ timeout: 20_000 });
    await rowOf(page, "Eve Many").getByRole("checkbox").check();
    await rowOf(page, "Fay Many").getByRole("checkbox").check();
    await page
      .getByRole("button", { name: /^Pay as store credit/ })
      .first()
      .dblclick();
    await page.getByRole("status").filter({ hasText: "2 paid as store credit" }).waitFor({ timeout: 10_000 });
    for (const p of [first, second])
      expect(await world.database.db.payout.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
        status: "PAID",
        method: "STORE_CREDIT",
      });
    expect(world.adminApi.callsOf("storeCreditAccountCredit").length - credits).toBe(2);
    await context.close();
  }, 60_000);
});
