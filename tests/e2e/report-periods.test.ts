// The reports as a merchant reads them in Chromium, each for a period of their choosing: categories
// (by product type, then by collection), what works, and an influencer's performance. A shorter
// period shows less, and the figures are those of the orders stored in it.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_SHOP } from "../../scripts/seed";
import { ARTIFACTS, merchantContext, pageErrors, useBrowser, whenInteractive } from "../support/browser";
import { useDemo } from "../support/demo-app";
import { shopRow } from "../support/factories";

const world = useDemo({ influencers: 3, days: 40, ordersPerDay: 3 });
const chromium = useBrowser();

const subtitleDates = async (page: Page) =>
  /(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/.exec(await page.locator("body").innerText())!.slice(1);

describe("reports for a period", () => {
  it("categories, what works and an influencer's performance follow the period chosen", async () => {
    const db = world.database.db;
    const shop = await shopRow(db, DEMO_SHOP);
    const context = await merchantContext(chromium.browser, { width: 1440, height: 900 });
    const page = await context.newPage();
    const errors = pageErrors(page);

    await page.goto(world.adminUrl("/app/categories"));
    await page.getByRole("heading", { name: "Categories" }).waitFor({ timeout: 20_000 });
    const total = async () =>
      Number(
        (
          await page.locator(".Polaris-DataTable__Table tbody tr").evaluateAll((rows) =>
            rows
              .map((r) => (r.querySelectorAll("td")[0]?.textContent ?? "").replace(/[^0-9.]/g, ""))
              .map(Number)
              .reduce((a, b) => a + b, 0),
          )
        ).toFixed(2),
      );
    const thirty = await total();
    await (await whenInteractive(page.getByLabel("Period"))).selectOption("7");
    await expect.poll(() => page.url()).toContain("preset=7");
    // The page has the week's figures once its subtitle says so (one loader answer draws both).
    await expect
      .poll(async () => {
        const [f, t] = await subtitleDates(page);
        return (Date.parse(t) - Date.parse(f)) / 86_400_000;
      })
      .toBe(6);
    const [from, to] = await subtitleDates(page);
    const seven = await total();
    expect(seven).toBeLessThan(thirty);
    // The figure is the stored orders' own: what their lines sold, less refunds, for referred
    // orders placed in those days of the shop (New York).
    const lines = await db.orderLine.aggregate({
      where: {
        shopId: shop.id,
        order: {
          influencerId: { not: null },
          cancelledAt: null,
          placedAt: {
            gte: new Date(`${from}T00:00:00-05:00`),
            lt: new Date(Date.parse(`${to}T00:00:00-05:00`) + 86_400_000),
          },
        },
      },
      _sum: { netMinor: true, refundedMinor: true },
    });
    expect(Math.round(seven * 100)).toBe((lines._sum.netMinor ?? 0) - (lines._sum.refundedMinor ?? 0));
    await page.getByLabel("Group by").selectOption("collection");
    await expect.poll(() => page.url()).toContain("by=collection");
    expect(page.url()).toContain(`from=${from}`); // the period stays, and says so
    expect(await page.getByLabel("Period").inputValue()).toBe("7");
    await page.screenshot({ path: path.join(ARTIFACTS, "categories-7-days.png"), fullPage: true });

    await page.goto(world.adminUrl("/app/what-works"));
    await page.getByRole("heading", { name: "What works" }).waitFor({ timeout: 20_000 });
    await (await whenInteractive(page.getByLabel("Period"))).selectOption("custom");
    await page.getByLabel("From").fill("2026-11-20");
    await page.getByLabel("To").fill("2026-11-10");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect.poll(() => page.url()).toContain("from=2026-11-20");
    await page.getByLabel("Period").selectOption("90");
    await expect.poll(() => page.url()).toContain("preset=90");
    await page.screenshot({ path: path.join(ARTIFACTS, "what-works-90-days.png"), fullPage: true });

    const influencer = await db.influencer.findFirstOrThrow({
      where: { shopId: shop.id, status: "ACTIVE", orders: { some: {} } },
    });
    await page.goto(world.adminUrl(`/app/influencers/${influencer.id}`));
    await page.getByRole("heading", { name: "Performance" }).waitFor({ timeout: 20_000 });
    await (await whenInteractive(page.getByLabel("Period"))).selectOption("7");
    await expect.poll(() => page.url()).toContain("preset=7");
    await expect
      .poll(async () =>
        (await page.getByRole("heading", { name: "Performance" }).locator("xpath=../..").innerText()).includes(
          `${from} to ${to}`,
        ),
      )
      .toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
