// An influencer from first to last, as a merchant does it in Chromium: the add form names every
// problem (empty, a code another influencer has, a code Shopify cannot take), then adds with a
// toast; the profile is edited; a second code is made in Shopify; the link builder refuses a page
// of another site and a taken name, then makes a link that copies; pause; and archive, which asks
// first in a modal. What the merchant sees is checked against what was stored and sent to Shopify.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_SHOP } from "../../scripts/seed";
import { ARTIFACTS, merchantContext, pageErrors, useBrowser } from "../support/browser";
import { useDemo } from "../support/demo-app";
import { shopRow } from "../support/factories";

const world = useDemo({ influencers: 2, days: 2, ordersPerDay: 1 });
const chromium = useBrowser();

const toast = (page: Page, text: string | RegExp) =>
  page.getByRole("status").filter({ hasText: text }).waitFor({ timeout: 10_000 });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `influencer-${name}.png`), fullPage: true });

describe("an influencer's life in the admin", () => {
  it("adds, edits, gives a code and a link, pauses and archives", async () => {
    const db = world.database.db;
    const shop = await shopRow(db, DEMO_SHOP);
    const taken = await db.discountCode.findFirstOrThrow({ where: { shopId: shop.id }, include: { influencer: true } });
    const takenSlug = (await db.referralLink.findFirstOrThrow({ where: { shopId: shop.id } })).slug;
    const context = await merchantContext(chromium.browser, { width: 1440, height: 900 });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await context.newPage();
    const errors = pageErrors(page);

    // The add form: empty, then a code that is someone else's, then one Shopify cannot take.
    await page.goto(world.adminUrl("/app/influencers/new"));
    const add = page.getByRole("button", { name: "Add influencer" });
    await add.waitFor({ timeout: 20_000 });
    await add.click();
    await page.getByText("Enter a name").waitFor({ timeout: 10_000 });
    await page.getByText("Enter an email address like name@example.com").waitFor();
    await page.getByText("Enter a code").waitFor();
    await shot(page, "add-empty");
    await page.getByLabel("Name").fill("Nora Quinn");
    await page.getByLabel("Email").fill("nora@example.com");
    await page.getByLabel("Code shoppers type at checkout").fill(taken.code);
    await add.click();
    await page.getByText(`This code already belongs to ${taken.influencer.name}`).waitFor({ timeout: 10_000 });
    await page.getByLabel("Code shoppers type at checkout").fill("NO RA!");
    await add.click();
    await page
      .getByText("Use letters, numbers, dashes and underscores only, starting with a letter or number")
      .waitFor({ timeout: 10_000 });
    expect(await db.influencer.count({ where: { email: "nora@example.com" } })).toBe(0);
    expect(world.adminApi.shop(DEMO_SHOP).discounts.size).toBe(
      await db.discountCode.count({ where: { shopId: shop.id } }),
    );

    await page.getByLabel("Code shoppers type at checkout").fill("NORA15");
    await add.click();
    await toast(page, "Nora Quinn added, with the code NORA15 in Shopify");
    await page.getByRole("heading", { name: "Nora Quinn" }).first().waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get("added")).toBeNull(); // said once: the address forgets it
    await shot(page, "added");
    const nora = await db.influencer.findFirstOrThrow({
      where: { email: "nora@example.com" },
      include: { codes: true },
    });
    expect(nora.codes.map((c) => [c.code, c.status])).toEqual([["NORA15", "ACTIVE"]]);
    expect([...world.adminApi.shop(DEMO_SHOP).discounts.values()].some((d) => d.code === "NORA15" && d.active)).toBe(
      true,
    );

    // The profile.
    const profile = page.locator("form").filter({ has: page.getByRole("heading", { name: "Profile" }) });
    await profile.getByLabel("Commission").fill("250");
    await profile.getByRole("button", { name: "Save" }).click();
    await profile
      .getByText("Enter a commission between 0 and 100 percent, or leave it empty for the shop default")
      .waitFor({ timeout: 10_000 });
    await profile.getByLabel("Commission").fill("18");
    await profile.getByLabel("Tags").fill("Skincare, VIP");
    await profile.getByRole("button", { name: "Save" }).click();
    await toast(page, /saved/i);
    expect(await db.influencer.findUniqueOrThrow({ where: { id: nora.id } })).toMatchObject({
      commissionBps: 1800,
      tags: "skincare,vip",
    });
    // While the profile had unsaved changes App Bridge's save bar was up; saved, it is gone.
    await page.getByRole("region", { name: "Unsaved changes" }).waitFor({ state: "hidden", timeout: 10_000 });
    await profile.getByLabel("Tags").fill("skincare,vip,summer");
    await page.getByRole("region", { name: "Unsaved changes" }).waitFor({ timeout: 10_000 });
    await page.locator("ui-save-bar").getByRole("button", { name: "Discard" }).click();
    expect(await profile.getByLabel("Tags").inputValue()).toBe("skincare,vip");

    // A code typed and then discarded from the save bar: the builder closes, nothing is made.
    const saveBar = page.getByRole("region", { name: "Unsaved changes" });
    const saveBarButton = (name: string) => page.locator("ui-save-bar").getByRole("button", { name, exact: true });
    await page.getByRole("button", { name: "Add a code" }).click(); // closed until asked for
    const codes = page.locator("form").filter({ has: page.getByRole("heading", { name: "Add a code" }) });
    await codes.getByLabel("Code").fill("norashort");
    await saveBar.waitFor({ timeout: 10_000 });
    expect(await codes.getByLabel("Code").inputValue()).toBe("NORASHORT");
    await saveBarButton("Discard").click();
    await saveBar.waitFor({ state: "hidden", timeout: 10_000 });
    await codes.getByLabel("Code").waitFor({ state: "hidden" });
    expect(await db.discountCode.count({ where: { code: "NORASHORT" } })).toBe(0);

    // A second code.
    await page.getByRole("button", { name: "Add a code" }).click();
    expect(await codes.getByLabel("Code").inputValue()).toBe(""); // started afresh
    await codes.getByLabel("Code").fill("NORAVIP");
    await codes.getByRole("button", { name: "Create code in Shopify" }).click();
    await page
      .getByRole("heading", { name: "Discount codes" })
      .locator("..")
      .getByText("NORAVIP", { exact: true })
      .waitFor({ timeout: 10_000 });
    expect([...world.adminApi.shop(DEMO_SHOP).discounts.values()].some((d) => d.code === "NORAVIP")).toBe(true);
    await codes.getByLabel("Code").waitFor({ state: "hidden" }); // done: the form closes
    await saveBar.waitFor({ state: "hidden", timeout: 10_000 }); // and nothing is left unsaved

    // A cost, sent from the save bar's own Save: stored, and the form is empty again.
    const costs = page.locator("form").filter({ has: page.getByRole("button", { name: "Add cost" }) });
    await costs.getByLabel("Amount").fill("-5");
    await saveBar.waitFor({ timeout: 10_000 });
    await saveBarButton("Save").click();
    await costs.locator(".Polaris-InlineError").first().waitFor({ timeout: 10_000 });
    expect(await db.cost.count({ where: { influencerId: nora.id } })).toBe(0);
    await costs.getByLabel("Amount").fill("150");
    await costs.getByLabel("Note").fill("Launch post");
    await saveBarButton("Save").click();
    await toast(page, "Cost added");
    await saveBar.waitFor({ state: "hidden", timeout: 10_000 });
    expect(await costs.getByLabel("Amount").inputValue()).toBe("");
    expect(
      await db.cost.findMany({ where: { influencerId: nora.id }, select: { amountMinor: true, note: true } }),
    ).toEqual([{ amountMinor: 15000, note: "Launch post" }]);

    // The link builder: another site, a taken name, then a link that copies.
    await page.getByRole("button", { name: "Build a link" }).click();
    const builder = page.locator("form").filter({ has: page.getByRole("heading", { name: "Link builder" }) });
    await builder.getByLabel("Page to open").fill("https://evil.example/phish");
    await builder.getByRole("button", { name: "Create link" }).click();
    await builder.getByText("Start with / (a page of your store, e.g. /products/serum)").waitFor({ timeout: 10_000 });
    await builder.getByLabel("Page to open").fill("/products/serum");
    await builder.getByLabel("Link name").fill(takenSlug);
    await builder.getByRole("button", { name: "Create link" }).click();
    await builder.getByText("This link name is taken; try another").waitFor({ timeout: 10_000 });
    await builder.getByLabel("Link name").fill("nora-serum");
    await builder.getByRole("button", { name: "Create link" }).click();
    const url = page.getByText(/\/r\/nora-serum$/);
    await url.waitFor({ timeout: 10_000 });
    await shot(page, "code-and-link");
    const link = await db.referralLink.findFirstOrThrow({ where: { slug: "nora-serum" } });
    expect(link).toMatchObject({ influencerId: nora.id, destinationPath: "/products/serum", status: "ACTIVE" });
    await url
      .locator("xpath=ancestor::div[.//button[normalize-space()='Copy']][1]")
      .getByRole("button", { name: "Copy", exact: true })
      .click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/r\/nora-serum$/);
    // The same link on the store's own domain, through the app proxy.
    const storeLink = `https://${DEMO_SHOP}/apps/ref/nora-serum`;
    await page.getByText(storeLink, { exact: true }).waitFor();
    await url
      .locator("xpath=ancestor::div[.//button[normalize-space()='Copy store link']][1]")
      .getByRole("button", { name: "Copy store link" })
      .click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(storeLink);

    // Pause: the codes turn off in Shopify.
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    await page.getByRole("button", { name: "Activate" }).waitFor({ timeout: 10_000 });
    expect((await db.influencer.findUniqueOrThrow({ where: { id: nora.id } })).status).toBe("PAUSED");
    expect(
      [...world.adminApi.shop(DEMO_SHOP).discounts.values()]
        .filter((d) => d.code.startsWith("NORA"))
        .every((d) => !d.active),
    ).toBe(true);

    // Archive asks first; "Go back" changes nothing.
    await page.getByRole("button", { name: "Archive" }).click();
    const dialog = page.getByRole("dialog", { name: "Archive Nora Quinn?" });
    await dialog.waitFor({ timeout: 10_000 });
    await shot(page, "archive-modal");
    await page.getByRole("button", { name: "Go back" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect((await db.influencer.findUniqueOrThrow({ where: { id: nora.id } })).status).toBe("PAUSED");
    await page.getByRole("button", { name: "Archive" }).first().click();
    await dialog.waitFor();
    await page.locator("ui-modal[open] ui-title-bar button", { hasText: "Archive" }).click();
    await expect
      .poll(async () => (await db.influencer.findUniqueOrThrow({ where: { id: nora.id } })).status, { timeout: 10_000 })
      .toBe("ARCHIVED");
    await page.getByRole("button", { name: "Archive" }).waitFor({ state: "detached", timeout: 10_000 });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("adds a prospect to pitch first: no code in Shopify, and Outreach lists them", async () => {
    const db = world.database.db;
    const discounts = world.adminApi.shop(DEMO_SHOP).discounts.size;
    const context = await merchantContext(chromium.browser, { width: 1440, height: 900 });
    const page = await context.newPage();
    await page.goto(world.adminUrl("/app/influencers/new"));
    await page.getByRole("button", { name: "Add influencer" }).waitFor({ timeout: 20_000 });
    await page.getByText("A prospect to pitch first", { exact: true }).click();
    expect(await page.getByLabel("Code shoppers type at checkout").count()).toBe(0); // no code for a prospect
    await page.getByLabel("Name").fill("Pam Prospect");
    await page.getByLabel("Email").fill("pam.prospect@example.com");
    await page.getByRole("button", { name: "Add prospect" }).click();
    await toast(page, "Pam Prospect added");
    await shot(page, "prospect-added");
    const pam = await db.influencer.findFirstOrThrow({
      where: { email: "pam.prospect@example.com" },
      include: { codes: true },
    });
    expect(pam).toMatchObject({ status: "PROSPECT", codes: [] });
    expect(world.adminApi.shop(DEMO_SHOP).discounts.size).toBe(discounts);
    await page.goto(world.adminUrl("/app/outreach"));
    await page.getByLabel("Pam Prospect <pam.prospect@example.com>").waitFor({ timeout: 20_000 });
    await context.close();
  }, 60_000);
});
