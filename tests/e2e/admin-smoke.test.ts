import path from "node:path";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, merchantContext, useBrowser } from "../support/browser";
import { DEMO_SHOP } from "../../scripts/seed";
import { useDemo } from "../support/demo-app";
import { shopRow } from "../support/factories";

const world = useDemo();
const chromium = useBrowser();

describe("the demo admin in a browser", () => {
  it("opens the home page through the session-token bounce, styled by Polaris", async () => {
    const context = await merchantContext(chromium.browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) =>
      errors.push(`${error.name}: ${error.message} ${error.stack?.split("\n").slice(0, 3).join(" | ")}`),
    );
    await page.goto(world.adminUrl("/app"));
    await page.getByRole("heading", { name: "Referral Loop" }).waitFor({ timeout: 15_000 });
    expect(page.url()).toContain("id_token="); // the stand-in answered the bounce page like App Bridge
    await page.getByText("Referred net sales").waitFor();
    await page.getByRole("heading", { name: "Leaderboard" }).waitFor();
    // Polaris' stylesheet is applied: the page is centred at Polaris' width, the cards have shadows.
    const pageWidth = await page
      .locator(".Polaris-Page")
      .first()
      .evaluate((el) => getComputedStyle(el).maxWidth);
    expect(pageWidth).not.toBe("none");
    const shadow = await page
      .locator(".Polaris-ShadowBevel")
      .first()
      .evaluate((el) => getComputedStyle(el, "::before").boxShadow);
    expect(shadow).not.toBe("none");
    await page.screenshot({ path: path.join(ARTIFACTS, "admin-home.png"), fullPage: true });
    // A cost that went down is the good news, green, as sales that went up are.
    const db = world.database.db;
    const shop = await shopRow(db, DEMO_SHOP);
    const influencer = await db.influencer.findFirstOrThrow({ where: { shopId: shop.id } });
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
    await db.cost.createMany({
      data: [
        {
          shopId: shop.id,
          influencerId: influencer.id,
          kind: "FLAT_FEE",
          amountMinor: 5_000_000,
          currency: shop.currency,
          incurredOn: daysAgo(45),
        }, // far more than the seed's own costs
        {
          shopId: shop.id,
          influencerId: influencer.id,
          kind: "FLAT_FEE",
          amountMinor: 10_000,
          currency: shop.currency,
          incurredOn: daysAgo(5),
        },
      ],
    });
    await page.reload();
    const costsBadge = page
      .locator(".Polaris-ShadowBevel")
      .filter({ has: page.getByRole("heading", { name: "Other costs" }) })
      .locator(".Polaris-Badge");
    expect(await costsBadge.textContent()).toMatch(/-\d+%$/); // after the badge's words for screen readers
    expect(await costsBadge.getAttribute("class")).toContain("toneSuccess");
    await db.cost.deleteMany({ where: { shopId: shop.id } });

    // The home page itself (no bounce this time: the URL carries the token) hydrates cleanly. The
    // session-token bounce page is Shopify's markup and is left as soon as the token is there.
    errors.length = 0;
    await page.reload();
    await page.getByRole("heading", { name: "Referral Loop" }).waitFor({ timeout: 15_000 });
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
    await context.close();
  });
});
