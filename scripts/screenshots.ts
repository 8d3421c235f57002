// `npx tsx scripts/screenshots.ts [baseUrl]`: opens pages of a running demo (npm run demo) in
// headless Chromium, as a merchant would, and saves screenshots under tests/artifacts/.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser, merchantContext } from "../tests/support/browser";
import { DEMO_SHOP } from "./seed";

const base = process.argv[2] ?? "http://localhost:3000";
const out = path.resolve(import.meta.dirname, "../tests/artifacts");
const host = Buffer.from("admin.shopify.com/store/demo-store").toString("base64url");
const admin = (p: string) => `${base}${p}${p.includes("?") ? "&" : "?"}embedded=1&shop=${DEMO_SHOP}&host=${host}`;

async function main() {
  mkdirSync(out, { recursive: true });
  const browser = await launchBrowser();
  const page = await (await merchantContext(browser)).newPage();
  const shot = async (name: string) => {
    await page.waitForLoadState("networkidle");
    await chartsDrawn(page);
    await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
    console.log(`saved tests/artifacts/${name}.png`);
  };

  await page.goto(admin("/app"));
  await page.getByRole("heading", { name: "Referral Loop" }).waitFor();
  await shot("home");

  await page.goto(admin("/app/influencers"));
  await page.getByText("Influencers").first().waitFor();
  await shot("influencers-list");

  await page.goto(admin("/app/influencers/new"));
  await page.getByLabel("Name").fill("Nora Quinn");
  await page.getByLabel("Email").fill("nora-at-example");
  await page.getByLabel("Code shoppers type at checkout").fill("MAYA10"); // taken by a demo influencer
  await page.getByRole("button", { name: "Add influencer" }).click();
  await page.getByText("Enter an email address like name@example.com").waitFor();
  await shot("influencer-new-validation");

  await page.goto(admin("/app/influencers"));
  await page.locator(".Polaris-IndexTable__TableRow").first().click();
  await page.getByText("Link builder").waitFor();
  await page.getByLabel("Page to open").fill("/collections/skincare");
  await shot("influencer-link-builder");

  await page.goto(admin("/app/settings"));
  await page.getByText("Tiers by last month's sales").waitFor();
  await page.getByLabel("Tiers by last month's sales").fill("1000.00 = 12\n5000.00 = 15");
  await page.getByLabel("Rates by product type or collection").fill("Fragrance = 5\ncollection: Gifts = 15");
  await page.getByLabel("Bonus for a new customer").fill("2.00");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByText("Settings saved").waitFor();
  await shot("settings-commission");

  await page.goto(admin("/app/payouts"));
  await page.getByRole("button", { name: "Create payouts" }).click();
  await page.getByText(/payouts ready for review|Nobody has reached/).waitFor();
  await shot("payouts-review");

  await page.locator("a[href^='/app/payouts/']").first().click();
  await page.getByRole("heading", { name: /Statement for/ }).waitFor();
  await shot("payout-statement");

  await page.goto(admin("/app/categories"));
  await page.getByRole("heading", { name: "Categories" }).waitFor();
  await shot("categories");

  await page.goto(admin("/app/outreach"));
  await page.getByRole("heading", { name: "Pitch prospects" }).waitFor();
  await page.getByLabel("Subject").fill("{{first_name}}, {{shop_name}} would love your take on our serums");
  await page.waitForTimeout(1500); // the preview follows the typing
  await shot("outreach-pitch-editor");

  await page.goto(admin("/app/applications"));
  await page.getByText("Lena Fischer").waitFor();
  await shot("applications");

  // The portal of the leaderboard's first influencer, opened on a phone.
  await page.goto(admin("/app"));
  await page.locator("a[href^='/app/influencers/']").first().click();
  await page.getByRole("heading", { name: "Portal" }).waitFor();
  await shot("influencer-page");
  await page.getByRole("button", { name: /Make a portal link|New link/ }).click();
  const portalLink = (await page
    .getByText(/\/portal\//)
    .first()
    .textContent())!.trim();
  const phone = await (await merchantContext(browser, { width: 390, height: 844 })).newPage();
  const phoneShot = async (name: string) => {
    await phone.waitForLoadState("networkidle");
    await chartsDrawn(phone);
    await phone.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
    console.log(`saved tests/artifacts/${name}.png`);
  };
  await phone.goto(portalLink.replace(/^https?:\/\/[^/]+/, base));
  await phone.getByText("Your earnings").waitFor();
  await phoneShot("portal-phone");
  await phone.goto(`${base}/apply/demo-store`);
  await phone.getByRole("button", { name: "Send my application" }).click();
  await phone.getByText("Enter your name").waitFor();
  await phoneShot("apply-phone");

  await page.goto(admin("/app/backfill"));
  await page.getByRole("button", { name: /Import past orders|Import again|Resume/ }).click();
  await page.getByText(/orders imported/).waitFor({ timeout: 20_000 });
  await page.waitForTimeout(2500);
  await shot("backfill");
  await browser.close();
}

/** Charts load after hydration: wait until no skeleton is left (or give up after a while). */
async function chartsDrawn(page: Page) {
  await page
    .waitForFunction(() => !document.querySelector(".Polaris-SkeletonBodyText"), undefined, { timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForTimeout(300);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
