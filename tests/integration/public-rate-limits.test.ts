// The public routes limit what one visitor address can do: referral redirects (a flood is refused,
// people are not), applications and wrong portal tokens (see outreach.test.ts for those two).
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_SHOP } from "../support/constants";
import { seedInfluencerWithLink } from "../support/factories";
import { startApp } from "../support/app-server";
import { useWorld } from "../support/harness";
import { browserFetch } from "../support/shopify";

const world = useWorld({ env: { REDIRECT_RATE_LIMIT: "5", TRUST_PROXY: "1" } });

beforeAll(async () => {
  await seedInfluencerWithLink(world.database.db, TEST_SHOP, { slug: "limited", code: "LIMIT10" });
});

describe("referral redirects under a flood", () => {
  it("refuses a visitor address past its limit with 429, and keeps redirecting everyone else", async () => {
    const visit = (ip: string) =>
      browserFetch(`${world.app.url}/r/limited`, { headers: { "X-Forwarded-For": ip } }).then((r) => r.status);
    const flood = [];
    for (let i = 0; i < 7; i++) flood.push(await visit("203.0.113.50"));
    expect(flood).toEqual([302, 302, 302, 302, 302, 429, 429]);
    expect(await visit("203.0.113.51")).toBe(302);
  });
});

describe("wrong portal tokens", () => {
  const wrongToken = (appUrl: string, forwardedFor: string) =>
    browserFetch(`${appUrl}/portal/${"0".repeat(64)}`, { headers: { "X-Forwarded-For": forwardedFor } }).then(
      (r) => r.status,
    );

  it("are counted per visitor whatever the visitor writes before the load balancer's entry", async () => {
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push(await wrongToken(world.app.url, `10.${i}.0.1, 198.51.100.7`));
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(await wrongToken(world.app.url, "198.51.100.8")).toBe(404);
  });

  it("are counted across servers: a second server sharing the database refuses the same visitor", async () => {
    const second = await startApp({
      databaseUrl: world.database.url,
      adminApiUrl: world.adminApi.url,
      env: { TRUST_PROXY: "1" },
    });
    try {
      for (let i = 0; i < 10; i++) expect(await wrongToken(world.app.url, "198.51.100.9")).toBe(404);
      expect(await wrongToken(second.url, "198.51.100.9")).toBe(429);
    } finally {
      await second.stop();
    }
  });
});
