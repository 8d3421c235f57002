// The setup guide on Home as a new merchant meets it in Chromium: the steps done are ticked (the
// theme embed from App Bridge's app.extensions()), "Copy form link" ticks its step, a merchant who
// turned the embed on sees it ticked, and "Dismiss" puts the guide away for good.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_SHOP } from "../../scripts/seed";
import { ARTIFACTS, merchantContext, pageErrors, useBrowser } from "../support/browser";
import { useDemo } from "../support/demo-app";
import { shopRow } from "../support/factories";

const world = useDemo({ influencers: 1, days: 2, ordersPerDay: 1 });
const chromium = useBrowser();

describe("the setup guide on Home", () => {
  it("ticks each step as it is done, reads the embed from App Bridge, and stays dismissed", async () => {
    const context = await merchantContext(chromium.browser, { width: 1440, height: 900 });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await context.newPage();
    const errors = pageErrors(page);
    const guide = page.getByRole("region", { name: "Setup guide" });

    const shop = await shopRow(world.database.db, DEMO_SHOP);
    // A shop whose form nobody has used yet (the demo seeds an applicant).
    await world.database.db.influencer.updateMany({ where: { shopId: shop.id }, data: { message: "" } });
    await page.goto(world.adminUrl("/app"));
    await guide.waitFor({ timeout: 20_000 });
    await guide.getByText("1 of 5 steps done").waitFor(); // the seeded influencers
    await expect.poll(() => guide.getByText("It is off in your published theme.").count()).toBe(1); // App Bridge said so
    await page.screenshot({ path: path.join(ARTIFACTS, "setup-guide-new-shop.png"), fullPage: true });

    await guide.getByRole("button", { name: "Copy form link" }).click();
    await guide.getByText("2 of 5 steps done").waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `https://referral-loop.test/apply/${shop.handle}`,
    );
    expect((await shopRow(world.database.db, DEMO_SHOP)).applicationFormSharedAt).not.toBeNull();
    await page.getByRole("status").filter({ hasText: "Application form link copied" }).waitFor(); // App Bridge's toast

    // The merchant turns the embed on in the theme editor and comes back.
    await page.evaluate(() => localStorage.setItem("standInEmbed", "active"));
    await page.reload();
    await guide.getByText("3 of 5 steps done").waitFor({ timeout: 20_000 });
    expect(await guide.getByRole("button", { name: "Open the theme editor" }).count()).toBe(0);
    // The next step has the one primary button.
    expect(await guide.locator(".Polaris-Button--variantPrimary").allTextContents()).toEqual(["Review commission"]);
    await page.screenshot({ path: path.join(ARTIFACTS, "setup-guide-three-done.png"), fullPage: true });

    await guide.getByRole("button", { name: "Dismiss the setup guide" }).click();
    await guide.waitFor({ state: "detached", timeout: 10_000 });
    await expect.poll(async () => (await shopRow(world.database.db, DEMO_SHOP)).setupGuideDismissedAt).not.toBeNull();
    await page.reload();
    await page.getByRole("heading", { name: "Leaderboard" }).waitFor({ timeout: 20_000 });
    expect(await guide.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
