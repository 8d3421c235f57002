// Three forms the merchant and the influencer meet once in a while, clicked through in Chromium:
// the best-practice notes on What works (a note refused naming its fields, then added and shared,
// each confirmed in a toast), the opt-out of the monthly emails, and the confirmation of a new
// payout email from the link sent to the influencer's address.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hashToken } from "~/server/program/portal-tokens.server";
import { DEMO_SHOP } from "../../scripts/seed";
import { ARTIFACTS, merchantContext, pageErrors, useBrowser, whenInteractive } from "../support/browser";
import { TEST_API_KEY, TEST_API_SECRET } from "../support/constants";
import { useDemo } from "../support/demo-app";
import { shopRow } from "../support/factories";

const world = useDemo({ influencers: 2, days: 3, ordersPerDay: 1 });
const chromium = useBrowser();

const toast = (page: import("playwright-core").Page, text: string) =>
  page.getByRole("status").filter({ hasText: text }).waitFor({ timeout: 10_000 });

describe("notes and emailed links in the browser", () => {
  it("refuses an empty best practice naming its fields, adds one, stops and starts sharing it", async () => {
    const db = world.database.db;
    const shop = await shopRow(db, DEMO_SHOP);
    const before = await db.bestPracticeNote.count({ where: { shopId: shop.id } });
    const context = await merchantContext(chromium.browser, { width: 1440, height: 900 });
    const page = await context.newPage();
    const errors = pageErrors(page);
    await page.goto(world.adminUrl("/app/what-works"));
    const add = await whenInteractive(page.getByRole("button", { name: "Add note" }));
    await add.click();
    await page.getByText("Give the practice a short title").waitFor({ timeout: 10_000 });
    await page.getByText("Describe what works and how to do it").waitFor();
    expect(await db.bestPracticeNote.count({ where: { shopId: shop.id } })).toBe(before);

    await page.getByLabel("Title").fill("Film the routine");
    await page.getByLabel("What works").fill("Show the product in use, morning and evening.");
    await page.getByRole("button", { name: "Add note" }).click();
    await toast(page, "Note added");
    // The form starts afresh, so a second click does not add the note again.
    await expect.poll(() => page.getByLabel("Title").inputValue()).toBe("");
    expect(await page.getByLabel("What works").inputValue()).toBe("");
    const note = await db.bestPracticeNote.findFirstOrThrow({ where: { shopId: shop.id, title: "Film the routine" } });
    expect(note.shared).toBe(true); // a new note is on every portal until the merchant says not
    // The note's own block (the innermost one holding its title) and its Share button.
    const block = page
      .locator(".Polaris-BlockStack")
      .filter({ has: page.getByRole("heading", { name: "Film the routine" }) })
      .last();
    await block.getByRole("button", { name: "Stop sharing" }).click();
    await toast(page, "No longer shared");
    expect((await db.bestPracticeNote.findUniqueOrThrow({ where: { id: note.id } })).shared).toBe(false);
    await block.getByRole("button", { name: "Share", exact: true }).click();
    await toast(page, "Shared on every influencer's portal");
    expect((await db.bestPracticeNote.findUniqueOrThrow({ where: { id: note.id } })).shared).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "what-works-note-shared.png"), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it("opts an influencer out of the monthly emails only when they press the button", async () => {
    Object.assign(process.env, {
      SHOPIFY_API_KEY: TEST_API_KEY,
      SHOPIFY_API_SECRET: TEST_API_SECRET,
      SHOPIFY_APP_URL: world.app.url,
    });
    const { unsubscribeToken } = await import("~/server/outreach/monthly-email.server");
    const db = world.database.db;
    const shop = await shopRow(db, DEMO_SHOP);
    const influencer = await db.influencer.findFirstOrThrow({ where: { shopId: shop.id, emailOptOut: false } });
    const context = await merchantContext(chromium.browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await page.goto(`${world.app.url}/unsubscribe/${unsubscribeToken(influencer.id)}`);
    const stop = await whenInteractive(page.getByRole("button", { name: "Stop monthly emails" }));
    expect((await db.influencer.findUniqueOrThrow({ where: { id: influencer.id } })).emailOptOut).toBe(false);
    await stop.click();
    await page.getByText("You will not get monthly performance emails any more").waitFor({ timeout: 10_000 });
    expect((await db.influencer.findUniqueOrThrow({ where: { id: influencer.id } })).emailOptOut).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "unsubscribe-done.png"), fullPage: true });
    await context.close();
  }, 60_000);

  it("takes a new payout email only once confirmed from the link, and only once", async () => {
    const db = world.database.db;
    const shop = await shopRow(db, DEMO_SHOP);
    const influencer = await db.influencer.findFirstOrThrow({ where: { shopId: shop.id, status: "ACTIVE" } });
    // As the portal leaves it when the influencer asks for a new payout email (the link is emailed).
    const token = randomBytes(32).toString("base64url");
    await db.influencer.update({
      where: { id: influencer.id },
      data: {
        pendingPaypalEmail: "confirmed@example.com",
        pendingPaypalTokenHash: hashToken(token),
        pendingPaypalAt: new Date(),
      },
    });
    const context = await merchantContext(chromium.browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await page.goto(`${world.app.url}/portal/confirm/${token}`);
    const confirm = await whenInteractive(page.getByRole("button", { name: "Confirm the change" }));
    expect((await db.influencer.findUniqueOrThrow({ where: { id: influencer.id } })).paypalEmail).not.toBe(
      "confirmed@example.com",
    );
    await confirm.click();
    await page.getByText("Done: payouts now go to confirmed@example.com.").waitFor({ timeout: 10_000 });
    expect((await db.influencer.findUniqueOrThrow({ where: { id: influencer.id } })).paypalEmail).toBe(
      "confirmed@example.com",
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "payout-email-confirmed.png"), fullPage: true });
    // The same link again changes nothing: it is used.
    const again = await page.request.post(`${world.app.url}/portal/confirm/${token}`, { form: {} });
    expect(again.status()).toBe(404);
    await context.close();
  }, 60_000);
});
