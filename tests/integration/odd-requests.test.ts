// Requests no page sends but anyone can: odd query values, out-of-range numbers, the login path
// every unauthenticated redirect lands on, and a stranger applying with a prospect's email.
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_SHOP } from "../support/constants";
import { seedInfluencer, settingsForm, shopRow } from "../support/factories";
import { useWorld } from "../support/harness";
import { adminFetch, adminPost, BROWSER_USER_AGENT } from "../support/shopify";

const world = useWorld();

function apply(fields: Record<string, string>) {
  return fetch(`${world.app.url}/apply/test-shop`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "User-Agent": BROWSER_USER_AGENT,
      "X-Forwarded-For": `198.51.100.${Math.floor(Math.random() * 250)}`,
    },
    body: new URLSearchParams(fields).toString(),
  });
}

beforeAll(async () => {
  expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
});

describe("odd requests get an answer, not a 500", () => {
  it.each([
    "?sort=constructor",
    "?sort=__proto__",
    "?sort=toString",
    "?page=1e309",
    "?page=-3",
    "?page=NaN",
    "?page=99999999999",
  ])("the influencer list with %s", async (query) => {
    const response = await adminFetch(world.app.url, `/app/influencers${query}`);
    expect(response.status).toBe(200);
  });

  it("the login page every unauthenticated redirect lands on", async () => {
    const page = await fetch(`${world.app.url}/auth/login`, { headers: { "User-Agent": BROWSER_USER_AGENT } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Shop domain");
    const bad = await fetch(`${world.app.url}/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "User-Agent": BROWSER_USER_AGENT },
      body: "shop=not a shop",
    });
    expect(bad.status).toBeLessThan(500);
    expect(await bad.text()).toContain("example.myshopify.com");
  });

  it.each(["/app/payouts?index", "/app/settings", "/apply/test-shop", "/app"])(
    "a cross-origin POST to %s",
    async (path) => {
      const response = await fetch(`${world.app.url}${path}`, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: "https://evil.example",
          "User-Agent": BROWSER_USER_AGENT,
        },
        body: "intent=create",
        redirect: "manual",
      });
      expect(response.status).toBeLessThan(500);
      expect(await world.database.db.payout.count()).toBe(0);
    },
  );

  it("an audience larger than the column holds is the field's error", async () => {
    const response = await apply({
      name: "Big",
      email: "big@example.com",
      socialProfiles: "https://instagram.com/big",
      audienceSize: "2147483648",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("at most 2,000,000,000");
    expect(await world.database.db.influencer.count({ where: { email: "big@example.com" } })).toBe(0);
  });
});

describe("amounts larger than a column holds", () => {
  it("a payout threshold of 21474836.48 is the field's error, and nothing is saved", async () => {
    const before = await world.database.db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } });
    const response = await adminPost(world.app.url, "/app/settings", settingsForm({ payoutThreshold: "21474836.48" }));
    expect(response.status).toBeLessThan(500);
    expect(await response.text()).toContain("Enter an amount in USD");
    const after = await world.database.db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } });
    expect(after.payoutThresholdMinor).toBe(before.payoutThresholdMinor);
  });

  it("a cost of 90071992547409.91 is the field's error, and no cost is stored", async () => {
    const influencer = await seedInfluencer(world.database.db, TEST_SHOP);
    const response = await adminPost(world.app.url, `/app/influencers/${influencer.id}`, {
      intent: "add-cost",
      costKind: "FLAT_FEE",
      amount: "90071992547409.91",
      incurredOn: "2026-11-01",
      note: "",
    });
    expect(response.status).toBeLessThan(500);
    expect(await world.database.db.cost.count()).toBe(0);
  });
});

describe("a stranger applying with a prospect's email", () => {
  it("does not overwrite what the merchant recorded", async () => {
    const shop = await shopRow(world.database.db, TEST_SHOP);
    await world.database.db.influencer.create({
      data: {
        shopId: shop.id,
        name: "Priya Patel",
        email: "priya@example.com",
        status: "PROSPECT",
        socialProfiles: "https://instagram.com/priya",
        audienceSize: 52_000,
      },
    });
    const response = await apply({
      name: "Someone Else",
      email: "priya@example.com",
      socialProfiles: "https://evil.example/me",
      audienceSize: "1",
      message: "Pay me",
    });
    expect(response.status).toBe(200);
    const row = await world.database.db.influencer.findFirstOrThrow({ where: { email: "priya@example.com" } });
    expect(row).toMatchObject({
      status: "APPLIED",
      name: "Priya Patel",
      socialProfiles: "https://instagram.com/priya",
      audienceSize: 52_000,
      message: "Pay me",
    });
  });
});
