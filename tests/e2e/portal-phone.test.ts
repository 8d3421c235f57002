// The influencer portal on a phone (390x844) in Chromium: copy a code, a bad PayPal email named at
// its field, then a new one that waits for the confirmation from the address on file.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rotatePortalToken } from "~/server/program/portal-tokens.server";
import { DEMO_SHOP } from "../../scripts/seed";
import { ARTIFACTS, merchantContext, useBrowser } from "../support/browser";
import { useDemo } from "../support/demo-app";
import { shopRow } from "../support/factories";

const world = useDemo({ influencers: 1, days: 3, ordersPerDay: 2 });
const chromium = useBrowser();

describe("the portal on a phone", () => {
  it("copies a code, refuses a bad PayPal email, and asks to confirm a new one by email", async () => {
    const db = world.database.db;
    const shop = await shopRow(db, DEMO_SHOP);
    const influencer = await db.influencer.findFirstOrThrow({
      where: { shopId: shop.id, status: "ACTIVE" },
      include: { codes: true },
    });
    const token = await rotatePortalToken(db, shop.id, influencer.id);
    const context = await merchantContext(chromium.browser, { width: 390, height: 844 });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: world.app.url });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${world.app.url}/portal/${token}`);
    await page.getByRole("button", { name: "Save payout details" }).waitFor({ timeout: 20_000 });

    await page.getByRole("button", { name: "Copy" }).first().click();
    await page.getByRole("button", { name: "Copied" }).first().waitFor();
    expect(influencer.codes.map((c) => c.code)).toContain(await page.evaluate(() => navigator.clipboard.readText()));
    // Each link also on the store's own domain (the app proxy).
    await page
      .getByText(new RegExp(`^https://${DEMO_SHOP.replace(/\./g, "\\.")}/apps/ref/`))
      .first()
      .waitFor();

    // Not an address at all: the browser itself stops the form (an email field).
    const field = page.getByLabel("PayPal email for your payouts");
    await field.fill("nope");
    await page.getByRole("button", { name: "Save payout details" }).click();
    expect(await field.evaluate((input) => (input as HTMLInputElement).validity.valid)).toBe(false);
    // An address the browser lets through but the app does not: named at the field.
    await field.fill("nina@localhost");
    await page.getByRole("button", { name: "Save payout details" }).click();
    await page.getByText("Enter the email address of your PayPal account").waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, "portal-phone-bad-email.png"), fullPage: true });

    await page.getByLabel("PayPal email for your payouts").fill("new.paypal@example.com");
    await page.getByRole("button", { name: "Save payout details" }).click();
    await page
      .getByText(`Almost there: confirm the change from the email we sent to ${influencer.email}`)
      .waitFor({ timeout: 10_000 });
    const after = await db.influencer.findUniqueOrThrow({ where: { id: influencer.id } });
    expect(after).toMatchObject({ paypalEmail: influencer.paypalEmail, pendingPaypalEmail: "new.paypal@example.com" });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it("shows an ended link whose it was and the shop's contact, and emails a new link to the address on file", async () => {
    const db = world.database.db;
    const shop = await shopRow(db, DEMO_SHOP);
    await db.shop.update({ where: { id: shop.id }, data: { email: "partners@demo.example" } });
    const influencer = await db.influencer.findFirstOrThrow({ where: { shopId: shop.id, status: "ACTIVE" } });
    const token = await rotatePortalToken(db, shop.id, influencer.id);
    await db.portalToken.updateMany({
      where: { influencerId: influencer.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const context = await merchantContext(chromium.browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await page.goto(`${world.app.url}/portal/${token}`);
    await page
      .getByRole("heading", { name: `This link has ended, ${influencer.name.split(" ")[0]}` })
      .waitFor({ timeout: 20_000 });
    await page.getByText("Questions? Write to").waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "portal-phone-ended.png"), fullPage: true });
    await page.getByRole("button", { name: "Email me a new link" }).click();
    await page.getByText("A new link is on its way").waitFor({ timeout: 10_000 });
    const message = await db.outboundMessage.findFirstOrThrow({
      where: { influencerId: influencer.id, template: "PORTAL_LINK" },
    });
    expect(message.toEmail).toBe(influencer.email);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  }, 60_000);
});
