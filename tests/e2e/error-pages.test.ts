// What a merchant sees when a page is not there: the admin's own frame, a Polaris page saying so,
// and a way back to Home. And the admin's loading bar while a page is on its way.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, merchantContext, pageErrors, useBrowser } from "../support/browser";
import { useDemo } from "../support/demo-app";

const world = useDemo({ influencers: 1, days: 2, ordersPerDay: 1 });
const chromium = useBrowser();

describe("error pages in the admin", () => {
  it("shows a Polaris page for an influencer or a payout that does not exist, with a way back", async () => {
    const context = await merchantContext(chromium.browser, { width: 1440, height: 900 });
    const page = await context.newPage();
    const errors = pageErrors(page);
    for (const [pathname, message] of [
      ["/app/influencers/no-such-influencer", "This influencer does not exist"],
      ["/app/payouts/no-such-payout", "This payout does not exist"],
    ]) {
      await page.goto(world.adminUrl(pathname));
      await page.getByText("This page does not exist").waitFor({ timeout: 20_000 });
      await page.getByText(message).waitFor();
      expect(await page.locator("ui-nav-menu").count()).toBe(1); // still in the app, menu and all
    }
    await page.screenshot({ path: path.join(ARTIFACTS, "not-found.png") });
    await page.getByRole("link", { name: "Back to Home" }).click();
    await page.getByRole("heading", { name: "Leaderboard" }).waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it("shows the admin's loading bar while the next page loads", async () => {
    const context = await merchantContext(chromium.browser, { width: 1440, height: 900 });
    const page = await context.newPage();
    await page.goto(world.adminUrl("/app"));
    await page.getByRole("heading", { name: "Leaderboard" }).waitFor({ timeout: 20_000 });
    // Hold the next page's data so the bar can be seen.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/app\/payouts\.data/, async (route) => {
      await gate;
      await route.continue();
    });
    await page.locator("ui-nav-menu a", { hasText: "Payouts" }).click();
    await page.getByRole("progressbar", { name: "Loading" }).waitFor({ timeout: 10_000 });
    release();
    await page.getByRole("heading", { name: "Payouts to review and pay" }).waitFor({ timeout: 20_000 });
    await page.getByRole("progressbar", { name: "Loading" }).waitFor({ state: "hidden", timeout: 10_000 });
    await context.close();
  }, 60_000);
});
