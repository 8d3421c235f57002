// Expiring offline tokens, as Shopify requires of public apps from 2027-01-01: installed with a
// refresh token, renewed by background work before and when they expire, a token that cannot be
// renewed is a recorded error (not a crash), and a legacy non-expiring token is migrated.
import { describe, expect, it, vi } from "vitest";
import { startAdminApiStandIn } from "../support/admin-api/server";
import { TEST_API_KEY, TEST_API_SECRET, TEST_SHOP } from "../support/constants";
import { databaseUnderTest } from "../support/databases";
import { openToken, tokenKey } from "~/server/platform/token-vault.server";
import { eventually, seedInfluencerWithLink } from "../support/factories";
import { useWorld } from "../support/harness";
import { orderPayload, pastOrder } from "../support/orders";
import { adminFetch, sendWebhook } from "../support/shopify";

const world = useWorld();
const HOUR = 3_600_000;

/** The stored offline session with its tokens opened (they are stored encrypted). */
async function storedSession() {
  const row = await world.database.db.session.findUniqueOrThrow({ where: { id: `offline_${TEST_SHOP}` } });
  expect(row.accessToken).toMatch(/^enc:v1:/);
  const key = tokenKey(TEST_API_SECRET);
  return {
    ...row,
    accessToken: openToken(key, row.accessToken),
    refreshToken: row.refreshToken && openToken(key, row.refreshToken),
  };
}
const refreshes = () => world.adminApi.tokenRequests.filter((r) => r.grant === "refresh");

async function runBackfill() {
  const before = await world.database.db.backfillRun.count({ where: { status: { in: ["DONE", "FAILED"] } } });
  const started = await adminFetch(world.app.url, "/app/backfill", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "",
  });
  expect(started.status).toBe(200);
  await eventually(
    async () => (await world.database.db.backfillRun.count({ where: { status: { in: ["DONE", "FAILED"] } } })) > before,
    15_000,
  );
  return world.database.db.backfillRun.findFirstOrThrow({ orderBy: { startedAt: "desc" } });
}

describe("expiring offline access tokens", () => {
  it("installs with an expiring token, its refresh token and both expiry dates", async () => {
    expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
    const session = await storedSession();
    expect(session.accessToken).toMatch(/^shpat_standin_/);
    expect(session.refreshToken).toMatch(/^shprt_standin_/);
    expect(session.expires!.getTime() - Date.now()).toBeGreaterThan(0.9 * HOUR);
    expect(session.expires!.getTime() - Date.now()).toBeLessThanOrEqual(HOUR);
    expect(session.refreshTokenExpires!.getTime() - Date.now()).toBeGreaterThan(89 * 24 * HOUR);
    await seedInfluencerWithLink(world.database.db, TEST_SHOP, { slug: "nova", code: "NOVA10" });
    const orders = world.adminApi.shop(TEST_SHOP).orders;
    for (let i = 1; i <= 70; i++) orders.push(pastOrder(81_000 + i, "NOVA10"));
  });

  it("runs the backfill across an expiry: Shopify refuses the token mid-job, the job renews it and goes on", async () => {
    const before = await storedSession();
    world.adminApi.inject("pass"); // the bulk query starts
    world.adminApi.inject("expire-token"); // an hour has passed when the job asks how it goes
    const run = await runBackfill();
    expect(run).toMatchObject({ status: "DONE", imported: 70, lastError: null });
    expect(await world.database.db.order.count()).toBe(70);

    const jobCalls = world.adminApi.calls
      .filter((c) => c.operation === "bulkOperationRunQuery" || c.operation === "node")
      .map((c) => `${c.operation} ${c.outcome}`);
    expect(jobCalls.slice(0, 3)).toEqual(["bulkOperationRunQuery ok", "node unauthorized", "node ok"]);
    expect(refreshes()).toEqual([{ shop: TEST_SHOP, grant: "refresh", outcome: "ok" }]);
    const after = await storedSession();
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.expires!.getTime()).toBeGreaterThan(Date.now() + 0.9 * HOUR);
    // The replaced refresh token is retired once the new access token was used.
    expect(world.adminApi.shop(TEST_SHOP).refreshTokens.has(before.refreshToken!)).toBe(false);
  });

  it("renews a token it knows has expired before calling, when a webhook needs a product", async () => {
    const db = world.database.db;
    await db.session.update({
      where: { id: `offline_${TEST_SHOP}` },
      data: { expires: new Date(Date.now() - 60_000) },
    });
    world.adminApi.expireAccessTokens(TEST_SHOP);
    world.adminApi.shop(TEST_SHOP).products.set(4242, {
      id: 4242,
      title: "Glow Oil",
      handle: "glow-oil",
      productType: "Skincare",
      vendor: "Demo",
      collections: ["Skincare"],
      price: "30.00",
      unitCost: "9.00",
    });
    const order = orderPayload({ id: 82_001, netMinor: 3000, code: "NOVA10" });
    order.line_items[0].product_id = 4242;
    const refreshesBefore = refreshes().length;
    expect((await sendWebhook(world.app.url, "orders/create", order)).status).toBe(200);

    const product = await eventually(() => db.product.findFirst({ where: { shopifyProductId: "4242" } }), 10_000);
    expect(product.productType).toBe("Skincare");
    expect(refreshes().length).toBe(refreshesBefore + 1);
    const productCalls = world.adminApi.calls.filter((c) => c.operation === "product");
    expect(productCalls.map((c) => c.outcome)).not.toContain("unauthorized");
  });

  it("renews once when five jobs of this server, and of a second server, need the token at the same moment", async () => {
    // Two app servers in this process: the same module loaded twice, each with its own memory,
    // sharing the database (on PostgreSQL a lock makes them take turns; SQLite runs one server).
    Object.assign(process.env, {
      NODE_ENV: "test",
      SHOPIFY_API_KEY: TEST_API_KEY,
      SHOPIFY_API_SECRET: TEST_API_SECRET,
      SHOPIFY_APP_URL: "https://referral-loop.test",
      DATABASE_URL: world.database.url,
      SHOPIFY_ADMIN_API_STAND_IN: world.adminApi.url,
    });
    const first = await import("~/server/platform/shopify-access.server");
    vi.resetModules();
    const second = await import("~/server/platform/shopify-access.server");
    expect(second.freshOfflineSession).not.toBe(first.freshOfflineSession);

    const db = world.database.db;
    await db.session.update({
      where: { id: `offline_${TEST_SHOP}` },
      data: { expires: new Date(Date.now() - 60_000) },
    });
    world.adminApi.expireAccessTokens(TEST_SHOP);
    const refreshesBefore = refreshes().length;
    const servers = databaseUnderTest() === "postgresql" ? [first, second] : [first];
    const sessions = await Promise.all(
      servers.flatMap((server) => [1, 2, 3, 4, 5].map(() => server.freshOfflineSession(TEST_SHOP))),
    );
    expect(refreshes().slice(refreshesBefore)).toEqual([{ shop: TEST_SHOP, grant: "refresh", outcome: "ok" }]);
    const stored = await storedSession();
    expect(new Set(sessions.map((s) => s.accessToken))).toEqual(new Set([stored.accessToken]));
    expect(stored.expires!.getTime()).toBeGreaterThan(Date.now() + 0.9 * HOUR);
  });

  it("records a token that cannot be renewed as a clear error on the shop, keeps the order, and recovers when the merchant opens the app", async () => {
    const db = world.database.db;
    await db.session.update({
      where: { id: `offline_${TEST_SHOP}` },
      data: { expires: new Date(Date.now() - 60_000) },
    });
    world.adminApi.expireAccessTokens(TEST_SHOP);
    world.adminApi.voidRefreshTokens(TEST_SHOP);
    world.adminApi.shop(TEST_SHOP).products.set(4343, {
      id: 4343,
      title: "Lip Balm",
      handle: "lip-balm",
      productType: "Makeup",
      vendor: "Demo",
      collections: [],
      price: "12.00",
      unitCost: null,
    });
    const order = orderPayload({ id: 82_002, netMinor: 1200, code: "NOVA10" });
    order.line_items[0].product_id = 4343;
    expect((await sendWebhook(world.app.url, "orders/create", order)).status).toBe(200);

    // No merchant is there to renew it: the order is kept, the product waits, the shop says why.
    const shop = await eventually(
      () => db.shop.findFirst({ where: { domain: TEST_SHOP, NOT: { adminAccessError: null } } }),
      10_000,
    );
    expect(shop.adminAccessError).toMatch(
      /^Shopify refused to renew the access token of test-shop\.myshopify\.com \(400: .*invalid_grant/,
    );
    expect(shop.adminAccessErrorAt).not.toBeNull();
    expect(await db.order.count({ where: { shopifyOrderId: "82002" } })).toBe(1);
    expect(await db.product.count({ where: { shopifyProductId: "4343" } })).toBe(0);
    expect(refreshes().at(-1)).toEqual({ shop: TEST_SHOP, grant: "refresh", outcome: "refused" });

    // The merchant opens the app: the library exchanges the session token for a new pair.
    expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
    const renewed = await storedSession();
    expect(renewed.expires!.getTime()).toBeGreaterThan(Date.now() + 0.9 * HOUR);
    expect((await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).adminAccessError).toBeNull();
    expect((await runBackfill()).status).toBe("DONE");
  });

  it("swaps a non-expiring token for an expiring pair on the merchant's next visit", async () => {
    const db = world.database.db;
    const legacy = world.adminApi.grantLegacyToken(TEST_SHOP);
    await db.session.update({
      where: { id: `offline_${TEST_SHOP}` },
      data: { accessToken: legacy, expires: null, refreshToken: null, refreshTokenExpires: null },
    });
    expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
    const migrated = await storedSession();
    expect(migrated.accessToken).not.toBe(legacy);
    expect(migrated.expires).not.toBeNull();
    expect(migrated.refreshToken).toMatch(/^shprt_standin_/);
    expect(world.adminApi.tokenRequests.filter((r) => r.grant === "migrate")).toEqual([
      { shop: TEST_SHOP, grant: "migrate", outcome: "ok" },
    ]);
    // The legacy token stops working once migrated, as Shopify's does.
    expect(world.adminApi.shop(TEST_SHOP).accessTokens.has(legacy)).toBe(false);
  });
});

describe("the Admin API stand-in's tokens", () => {
  it("refuses non-expiring tokens from 2027-01-01 and keeps taking expiring ones", async () => {
    let now = Date.UTC(2026, 11, 31, 23, 0);
    const standIn = await startAdminApiStandIn({ apiKey: TEST_API_KEY, apiSecret: TEST_API_SECRET, clock: () => now });
    try {
      const legacy = standIn.grantLegacyToken(TEST_SHOP);
      const call = async (token: string) => {
        const response = await fetch(`${standIn.url}/admin/api/2026-10/graphql.json`, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "X-Stand-In-Shop": TEST_SHOP,
            "X-Shopify-Access-Token": token,
          },
          body: JSON.stringify({ query: "{ shop { name } }" }),
        });
        return response.status;
      };
      expect(await call(legacy)).toBe(200);
      now = Date.UTC(2027, 0, 1, 0, 0, 1);
      const { accessToken } = standIn.grantToken(TEST_SHOP);
      expect(await call(legacy)).toBe(401);
      expect(await call(accessToken)).toBe(200);
      now += 61 * 60_000;
      expect(await call(accessToken)).toBe(401);
    } finally {
      await standIn.close();
    }
  });
});
