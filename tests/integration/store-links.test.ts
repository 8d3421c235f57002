// Referral links on the store's own domain: Shopify's app proxy forwards /apps/ref/:slug to
// /proxy/r/:slug with a signed query. Signed requests redirect and count as /r/:slug does; a bad,
// missing, stale or foreign signature, another shop's link, or a shop without the app, never count.
import { describe, expect, it } from "vitest";
import { TEST_SHOP } from "../support/constants";
import { eventually, seedInfluencerWithLink } from "../support/factories";
import { useWorld } from "../support/harness";
import { adminFetch, appProxyQuery, BROWSER_USER_AGENT } from "../support/shopify";

const world = useWorld({ env: { LINK_CACHE_TTL_MS: "0", CLICK_FLUSH_MS: "20" } });
const OTHER_SHOP = "other-store.myshopify.com";

function proxied(slug: string, query: string, shopperAddress = "203.0.113.7") {
  return fetch(`${world.app.url}/proxy/r/${slug}?${query}`, {
    redirect: "manual",
    // Shopify's proxy sends the shopper's address; the shopper's own headers come through.
    headers: { "User-Agent": BROWSER_USER_AGENT, "X-Forwarded-For": shopperAddress },
  });
}

const clicksOf = (linkId: string) => world.database.db.click.count({ where: { linkId } });

describe("GET /proxy/r/:slug (https://{shop}/apps/ref/:slug)", () => {
  it("redirects a signed request like /r/:slug, with the link's own UTM and not the proxy's parameters, and counts the click once", async () => {
    expect((await adminFetch(world.app.url, "/app")).status).toBe(200); // installed: an offline session
    const { link } = await seedInfluencerWithLink(world.database.db, TEST_SHOP, {
      slug: "nora",
      code: "NORA10",
      destinationPath: "/products/serum",
    });
    const response = await proxied("nora", appProxyQuery({ utm_source: "tiktok" }));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(
      `https://${TEST_SHOP}/discount/NORA10?redirect=${encodeURIComponent("/products/serum?ref=nora&utm_source=tiktok")}`,
    );
    const [click] = await eventually(async () => {
      const rows = await world.database.db.click.findMany({ where: { linkId: link.id } });
      return rows.length ? rows : null;
    });
    expect(click).toMatchObject({ counted: true, utmSource: "tiktok", influencerId: link.influencerId });

    // The same shopper again: a repeat, not a second counted click; another shopper counts.
    expect((await proxied("nora", appProxyQuery({}))).status).toBe(302);
    expect((await proxied("nora", appProxyQuery({}), "198.51.100.9")).status).toBe(302);
    await eventually(
      async () => (await world.database.db.click.count({ where: { linkId: link.id, counted: true } })) === 2,
    );
  });

  it("counts a shopper's five clicks at once as one", async () => {
    const { link } = await seedInfluencerWithLink(world.database.db, TEST_SHOP, { slug: "mila", code: "MILA10" });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => proxied("mila", appProxyQuery({}), "192.0.2.50")),
    );
    expect(answers.map((a) => a.status)).toEqual([302, 302, 302, 302, 302]);
    await new Promise((r) => setTimeout(r, 200)); // several flushes
    expect(await world.database.db.click.count({ where: { linkId: link.id, counted: true } })).toBe(1);
  });

  it("refuses a request whose signature is wrong, missing, stale or made with another secret, and counts nothing", async () => {
    const { link } = await seedInfluencerWithLink(world.database.db, TEST_SHOP, { slug: "ivy", code: "IVY10" });
    const good = appProxyQuery({});
    const tampered = good.replace(`shop=${encodeURIComponent(TEST_SHOP)}`, `shop=${OTHER_SHOP}`);
    const unsigned = good.replace(/&signature=[0-9a-f]+/, "");
    const stale = appProxyQuery({}, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    const foreign = appProxyQuery({}, { secret: "another-apps-secret" });
    for (const query of [tampered, unsigned, stale, foreign, ""]) {
      const response = await proxied("ivy", query);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("location")).toBeNull();
    }
    await new Promise((r) => setTimeout(r, 100)); // longer than a flush
    expect(await clicksOf(link.id)).toBe(0);
  });

  it("answers 404 for another shop's link, signed for this shop, and for a shop without the app", async () => {
    const { link } = await seedInfluencerWithLink(world.database.db, OTHER_SHOP, { slug: "zoe", code: "ZOE10" });
    const wrongShop = await proxied("zoe", appProxyQuery({}, { shop: TEST_SHOP }));
    expect(wrongShop.status).toBe(404);
    // Signed for the link's own shop, but that shop never installed the app (no session).
    const notInstalled = await proxied("zoe", appProxyQuery({}, { shop: OTHER_SHOP }));
    expect(notInstalled.status).toBe(404);
    await new Promise((r) => setTimeout(r, 100));
    expect(await clicksOf(link.id)).toBe(0);
  });
});
