// The application form as an influencer fills it in on a phone (390x844) in Chromium: a missing
// field and a bad link are named where they are, then the thanks page; the application is stored.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_SHOP } from "../../scripts/seed";
import { ARTIFACTS, merchantContext, useBrowser } from "../support/browser";
import { useDemo } from "../support/demo-app";
import { shopRow } from "../support/factories";

const world = useDemo({ influencers: 1, days: 2, ordersPerDay: 1 });
const chromium = useBrowser();

describe("the application form on a phone", () => {
  it("names each field's problem, then thanks the applicant and stores the application", async () => {
    const shop = await shopRow(world.database.db, DEMO_SHOP);
    const context = await merchantContext(chromium.browser, { width: 390, height: 844 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${world.app.url}/apply/${shop.handle}`);
    await page.getByRole("button", { name: "Send my application" }).waitFor({ timeout: 20_000 });

    await page.getByLabel("Email").fill("nina@example.com");
    await page.getByLabel("Your profiles").fill("not a link");
    await page.getByRole("button", { name: "Send my application" }).click();
    await page.getByText("Enter your name").waitFor({ timeout: 10_000 });
    await page.getByText("Give each profile as a link, like instagram.com/yourname").waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "apply-phone-errors.png"), fullPage: true });
    expect(await world.database.db.influencer.count({ where: { email: "nina@example.com" } })).toBe(0);

    await page.getByLabel("Your name").fill("Nina Novak");
    await page.getByLabel("Your profiles").fill("instagram.com/nina"); // as people write it
    await page.getByLabel("Audience size").fill("12000");
    await page.getByRole("button", { name: "Send my application" }).click();
    await page.getByRole("heading", { name: "Thank you!" }).waitFor({ timeout: 10_000 });
    expect(await page.getByRole("link", { name: /^Visit / }).getAttribute("href")).toBe(`https://${DEMO_SHOP}`); // back to the store
    await page.screenshot({ path: path.join(ARTIFACTS, "apply-phone-thanks.png"), fullPage: true });
    expect(await world.database.db.influencer.findFirstOrThrow({ where: { email: "nina@example.com" } })).toMatchObject(
      { name: "Nina Novak", status: "APPLIED", audienceSize: 12000, socialProfiles: "https://instagram.com/nina" },
    );
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
