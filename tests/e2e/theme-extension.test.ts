import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, merchantContext } from "../support/browser";
import { startStorefront } from "../support/storefront";

let browser: Browser;
let store: Awaited<ReturnType<typeof startStorefront>>;

beforeAll(async () => {
  browser = await launchBrowser();
  store = await startStorefront(30);
});
afterAll(async () => {
  await browser?.close();
  await store?.close();
});

async function cartAttributes(page: import("playwright-core").Page) {
  return page.evaluate(() =>
    fetch("/cart.js")
      .then((r) => r.json())
      .then((c) => c.attributes),
  );
}

describe("the referral capture app embed on a storefront", () => {
  it("keeps ref from the landing URL and writes it to the cart attributes once per visit", async () => {
    const context = await merchantContext(browser);
    const page = await context.newPage();
    await page.goto(`${store.url}/products/serum?ref=maya-rivera&utm_source=ig`);
    await expect.poll(() => cartAttributes(page)).toMatchObject({ ref: "maya-rivera" });
    const attributes = await cartAttributes(page);
    expect(Date.now() - Date.parse(attributes.ref_at)).toBeLessThan(60_000);

    const updatesBefore = store.updates.length;
    await page.goto(`${store.url}/collections/all`); // no ref on this page: still attributed, no new request
    await page.waitForLoadState("networkidle");
    expect(await cartAttributes(page)).toMatchObject({ ref: "maya-rivera" });
    expect(store.updates.length).toBe(updatesBefore);
    await context.close();
  });

  it("lets a newer influencer link replace an older one as the last click, and keeps the first", async () => {
    const context = await merchantContext(browser);
    const page = await context.newPage();
    await page.goto(`${store.url}/?ref=first-one`);
    await expect.poll(() => cartAttributes(page)).toMatchObject({ ref: "first-one", first_ref: "first-one" });
    const firstAt = (await cartAttributes(page)).first_ref_at;
    await page.goto(`${store.url}/?ref=second-one`);
    await expect.poll(() => cartAttributes(page)).toMatchObject({ ref: "second-one", first_ref: "first-one" });
    const attributes = await cartAttributes(page);
    expect(attributes.first_ref_at).toBe(firstAt);
    expect(Date.parse(attributes.ref_at)).toBeGreaterThanOrEqual(Date.parse(firstAt));
    await context.close();
  });

  it("lets the last click be the first again once the first is past the window", async () => {
    const context = await merchantContext(browser);
    const page = await context.newPage();
    await page.goto(`${store.url}/`);
    const old = Date.now() - 31 * 86_400_000;
    const recent = Date.now() - 86_400_000;
    await page.evaluate(
      ([firstAt, at]) =>
        localStorage.setItem("referralLoop.ref", JSON.stringify({ ref: "recent-one", at, first: "old-one", firstAt })),
      [old, recent],
    );
    await page.goto(`${store.url}/products/serum`);
    await expect.poll(() => cartAttributes(page)).toMatchObject({ ref: "recent-one", first_ref: "recent-one" });
    await page.goto(`${store.url}/?ref=newest-one`);
    await expect.poll(() => cartAttributes(page)).toMatchObject({ ref: "newest-one", first_ref: "recent-one" });
    await context.close();
  });

  it("forgets a ref older than the attribution window", async () => {
    const context = await merchantContext(browser);
    const page = await context.newPage();
    await page.goto(`${store.url}/`);
    const old = Date.now() - 31 * 86_400_000;
    await page.evaluate((at) => localStorage.setItem("referralLoop.ref", JSON.stringify({ ref: "old-link", at })), old);
    const updatesBefore = store.updates.length;
    await page.goto(`${store.url}/products/serum`);
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => localStorage.getItem("referralLoop.ref"))).toBeNull();
    expect(store.updates.length).toBe(updatesBefore);
    await context.close();
  });

  it("keeps and sends nothing when the shopper declined, and waits for a shopper who has not decided", async () => {
    const context = await merchantContext(browser);
    const page = await context.newPage();
    const updatesBefore = store.updates.length;
    await page.goto(`${store.url}/?ref=no-consent&consent=declined`);
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => localStorage.getItem("referralLoop.ref"))).toBeNull();
    expect(store.updates.length).toBe(updatesBefore);

    await page.goto(`${store.url}/?ref=later-yes&consent=pending`);
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => localStorage.getItem("referralLoop.ref"))).toBeNull();
    expect(store.updates.length).toBe(updatesBefore);
    await page.evaluate(() => (window as unknown as { decideConsent: (granted: boolean) => void }).decideConsent(true));
    await expect.poll(() => cartAttributes(page)).toMatchObject({ ref: "later-yes" });
    await context.close();
  });

  it("ignores a ref that is not a link name", async () => {
    const context = await merchantContext(browser);
    const page = await context.newPage();
    await page.goto(`${store.url}/?ref=${encodeURIComponent("<script>alert(1)</script>")}`);
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => localStorage.getItem("referralLoop.ref"))).toBeNull();
    expect(await cartAttributes(page)).toEqual({});
    await context.close();
  });
});
