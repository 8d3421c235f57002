import { describe, expect, it } from "vitest";
import { openToken, tokenKey } from "~/server/platform/token-vault.server";
import { OTHER_SHOP, TEST_API_KEY, TEST_API_SECRET, TEST_SHOP } from "../support/constants";
import { useWorld } from "../support/harness";
import { adminFetch, browserFetch, sessionToken } from "../support/shopify";

const world = useWorld();

describe("admin routes and session tokens", () => {
  it("refuses a request without a session token", async () => {
    const response = await browserFetch(`${world.app.url}/app`);
    expect(response.status).not.toBe(200);
    expect([302, 401]).toContain(response.status);
  });

  it("refuses a token signed with another secret", async () => {
    const token = sessionToken(TEST_SHOP, { secret: "not-the-app-secret" });
    const response = await browserFetch(`${world.app.url}/app`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
  });

  it("refuses an expired token", async () => {
    const token = sessionToken(TEST_SHOP, { now: new Date(Date.now() - 3600_000) });
    const response = await browserFetch(`${world.app.url}/app`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
  });

  it("installs the shop on the first valid token: token exchange, then the shop's details", async () => {
    const response = await adminFetch(world.app.url, "/app");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Referral Loop");
    const session = await world.database.db.session.findFirst({ where: { shop: TEST_SHOP } });
    // Stored encrypted: the row alone does not give the token.
    expect(session?.accessToken).toMatch(/^enc:v1:/);
    expect(session?.accessToken).not.toContain("shpat_");
    const token = openToken(tokenKey(TEST_API_SECRET), session!.accessToken);
    expect(token).toMatch(/^shpat_standin_/);
    expect(world.adminApi.shop(TEST_SHOP).accessTokens.has(token)).toBe(true);
    const shop = await world.database.db.shop.findUnique({ where: { domain: TEST_SHOP } });
    expect(shop).toMatchObject({
      currency: "USD",
      timezone: "America/New_York",
      status: "INSTALLED",
      handle: "test-shop",
    });
    expect(world.adminApi.callsOf("shop").length).toBeGreaterThan(0);
  });

  it("answers 200 with a valid token and sends the embedded-app security headers", async () => {
    const response = await adminFetch(world.app.url, "/app?shop=" + TEST_SHOP);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain(`frame-ancestors https://${TEST_SHOP}`);
  });

  it("keeps each shop to itself: a token of another shop installs that shop only", async () => {
    const response = await adminFetch(world.app.url, "/app", { shop: OTHER_SHOP });
    expect(response.status).toBe(200);
    const shops = await world.database.db.shop.findMany({ orderBy: { domain: "asc" } });
    expect(shops.map((s) => s.domain)).toEqual([OTHER_SHOP, TEST_SHOP]);
  });

  it("keeps the demo's session-token endpoint closed unless the App Bridge stand-in is on", async () => {
    const response = await fetch(`${world.app.url}/dev/session-token?shop=${TEST_SHOP}`);
    expect(response.status).toBe(404);
    expect(TEST_API_KEY).toBeTruthy();
  });
});
