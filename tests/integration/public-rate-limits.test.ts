// The public routes limit what one visitor address can do: referral redirects (a flood is refused,
// people are not), applications and wrong portal tokens (see outreach.test.ts for those two).
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_SHOP } from "../support/constants";
import { seedInfluencerWithLink } from "../support/factories";
import { useWorld } from "../support/harness";
import { browserFetch } from "../support/shopify";

const world = useWorld({ env: { REDIRECT_RATE_LIMIT: "5", TRUST_PROXY: "1" } });

beforeAll(async () => {
  await seedInfluencerWithLink(world.database.db, TEST_SHOP, { slug: "limited", code: "LIMIT10" });
});

describe("referral redirects under a flood", () => {
  it("refuses a visitor address past its limit with 429, and keeps redirecting everyone else", async () => {
    const visit = (ip: string) => browserFetch(`${world.app.url}/r/limited`, { headers: { "X-Forwarded-For": ip } }).then((r) => r.status);
    const flood = [];
    for (let i = 0; i < 7; i++) flood.push(await visit("203.0.113.50"));
    expect(flood).toEqual([302, 302, 302, 302, 302, 429, 429]);
    expect(await visit("203.0.113.51")).toBe(302);
  });
});
