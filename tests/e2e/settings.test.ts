// Settings as a merchant changes them in Chromium: values the app cannot take are named at their
// fields and change nothing; good ones are saved, said in a toast, logged, and tick the setup
// guide's "Set your commission".
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_SHOP } from "../../scripts/seed";
import { ARTIFACTS, merchantContext, useBrowser } from "../support/browser";
import { useDemo } from "../support/demo-app";
import { shopRow } from "../support/factories";

const world = useDemo({ influencers: 1, days: 2, ordersPerDay: 1 });
const chromium = useBrowser();

describe("settings in the browser", () => {
  it("names bad values at their fields, then saves good ones with a toast", async () => {
    const db = world.database.db;
    const before = await shopRow(db, DEMO_SHOP);
    const context = await merchantContext(chromium.browser, { width: 1440, height: 900 });
    const page = await context.newPage();
    await page.goto(world.adminUrl("/app/settings"));
    await page.getByRole("button", { name: "Save", exact: true }).first().waitFor({ timeout: 20_000 });

    // A change brings up App Bridge's save bar; Discard puts the stored values back.
    const saveBar = page.getByRole("region", { name: "Unsaved changes" });
    const saveBarButton = (name: string) => page.locator("ui-save-bar").getByRole("button", { name, exact: true }); // its buttons, slotted in
    expect(await saveBar.isVisible()).toBe(false);
    const stored = await page.getByLabel("Commission", { exact: true }).inputValue();
    await page.getByLabel("Commission", { exact: true }).fill("33");
    await saveBar.waitFor({ timeout: 5_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, "settings-save-bar.png") });
    await saveBarButton("Discard").click();
    await saveBar.waitFor({ state: "hidden" });
    expect(await page.getByLabel("Commission", { exact: true }).inputValue()).toBe(stored);

    await page.getByLabel("Commission", { exact: true }).fill("150");
    await page.getByLabel("Hold period").fill("-3");
    await page.getByLabel("Link attribution window").fill("0");
    await page.locator("form").getByRole("button", { name: "Save", exact: true }).click(); // the form's own button works too
    await page.getByText("Enter a commission between 0 and 100 percent").waitFor({ timeout: 10_000 });
    await page.getByText("Enter a number of days from 0 to 365").waitFor();
    await page.getByText("Enter a number of days from 1 to 365").waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "settings-errors.png"), fullPage: true });
    expect(await shopRow(db, DEMO_SHOP)).toMatchObject({
      defaultCommissionBps: before.defaultCommissionBps,
      holdPeriodDays: before.holdPeriodDays,
      commissionReviewedAt: null,
    });
    expect(await db.auditEntry.count({ where: { shopId: before.id, action: "settings.updated" } })).toBe(0);

    await page.getByLabel("Commission", { exact: true }).fill("12");
    // Tiers and a collection's rate as rows; an empty row added and left is no row.
    await page.getByRole("button", { name: "Add a tier" }).click();
    await page.getByLabel("Tier 1: sales from").fill("1000.00");
    await page.getByLabel("Tier 1: commission").fill("15");
    await page.getByRole("button", { name: "Add a tier" }).click();
    await page.getByRole("button", { name: "Add a rate" }).click();
    await page.getByLabel("Rate 1: for").selectOption("collection");
    await page.getByLabel("Rate 1: name").fill("Gifts");
    await page.getByLabel("Rate 1: commission").fill("20");
    await page.getByLabel("Hold period").fill("14");
    await page.getByLabel("Link attribution window").fill("45");
    await page.getByLabel("When a shopper clicked several links, credit").selectOption("FIRST_CLICK");
    await saveBarButton("Save").click(); // the save bar's own Save
    await saveBar.waitFor({ state: "hidden", timeout: 10_000 });
    await page.getByRole("status").filter({ hasText: "Settings saved" }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, "settings-saved.png") });
    const after = await shopRow(db, DEMO_SHOP);
    expect(after).toMatchObject({
      defaultCommissionBps: 1200,
      holdPeriodDays: 14,
      attributionWindowDays: 45,
      linkCredit: "FIRST_CLICK",
    });
    expect(after.commissionReviewedAt).not.toBeNull();
    const rule = await db.commissionRule.findFirstOrThrow({ where: { shopId: before.id, influencerId: null } });
    expect(JSON.parse(rule.tiers)).toEqual([{ fromMinor: 100_000, percentBps: 1500 }]);
    expect(JSON.parse(rule.overrides)).toEqual([{ collection: "Gifts", percentBps: 2000 }]);
    await page.getByLabel("Tier 1: sales from").waitFor(); // shown again as rows, as stored
    expect(await page.getByLabel("Tier 2: sales from").count()).toBe(0);
    expect(await db.auditEntry.count({ where: { shopId: before.id, action: "settings.updated" } })).toBe(1);
    expect(await page.getByText("Enter a commission between 0 and 100 percent").count()).toBe(0);
    await page.getByText("Settings saved by Ana Moreau").waitFor(); // the log in words, with the staff member Shopify named
    await context.close();
  }, 60_000);
});
