// The approval queue as a merchant works it in Chromium: approving makes the code in Shopify and
// says so in a toast; declining asks first in a modal, and "Go back" keeps the application.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_SHOP } from "../../scripts/seed";
import { ARTIFACTS, merchantContext, pageErrors, useBrowser } from "../support/browser";
import { useDemo } from "../support/demo-app";
import { shopRow } from "../support/factories";

const world = useDemo({ influencers: 1, days: 2, ordersPerDay: 1 });
const chromium = useBrowser();

describe("applications in the browser", () => {
  it("approves one with its code in Shopify, and declines another only once confirmed", async () => {
    const db = world.database.db;
    const shop = await shopRow(db, DEMO_SHOP);
    await db.influencer.deleteMany({ where: { shopId: shop.id, status: "APPLIED" } }); // only this test's two
    const [ada, ben] = await Promise.all(
      [
        { name: "Ada Apply", email: "ada.apply@example.com" },
        { name: "Ben Decline", email: "ben.decline@example.com" },
      ].map((a) =>
        db.influencer.create({
          data: {
            shopId: shop.id,
            ...a,
            status: "APPLIED",
            message: "I'd love to work with you",
            socialProfiles: "https://instagram.com/x",
          },
        }),
      ),
    );
    const context = await merchantContext(chromium.browser, { width: 1440, height: 900 });
    const page = await context.newPage();
    const errors = pageErrors(page);
    await page.goto(world.adminUrl("/app/applications"));
    const card = (name: string) =>
      page
        .locator(".Polaris-BlockStack")
        .filter({ has: page.getByRole("heading", { name }) })
        .last(); // the card's own, inside the list
    await card("Ada Apply").waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, "applications.png"), fullPage: true });

    await card("Ada Apply").getByRole("button", { name: "Approve" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /^Approved with the code/ })
      .waitFor({ timeout: 10_000 });
    const approved = await db.influencer.findUniqueOrThrow({
      where: { id: ada.id },
      include: { codes: true, links: true },
    });
    expect(approved.status).toBe("ACTIVE");
    expect(approved.codes).toHaveLength(1);
    expect([...world.adminApi.shop(DEMO_SHOP).discounts.values()].some((d) => d.code === approved.codes[0].code)).toBe(
      true,
    );
    await page.getByRole("heading", { name: "Ada Apply" }).waitFor({ state: "detached" });

    await card("Ben Decline").getByRole("button", { name: "Decline" }).click();
    const dialog = page.getByRole("dialog", { name: "Decline Ben Decline?" });
    await dialog.waitFor({ timeout: 10_000 });
    await page.getByRole("button", { name: "Go back" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect((await db.influencer.findUniqueOrThrow({ where: { id: ben.id } })).status).toBe("APPLIED");
    await card("Ben Decline").getByRole("button", { name: "Decline" }).click();
    await dialog.waitFor();
    await page.locator("ui-modal[open] ui-title-bar button", { hasText: "Decline" }).click();
    await page.getByRole("status").filter({ hasText: "Application declined" }).waitFor({ timeout: 10_000 });
    expect((await db.influencer.findUniqueOrThrow({ where: { id: ben.id } })).status).toBe("ARCHIVED");
    await page.getByText("No applications waiting").waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
