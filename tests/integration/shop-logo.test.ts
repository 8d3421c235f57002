// The shop's logo on the pages influencers see: read from the shop's Shopify brand settings through
// the Storefront API without a token (validated against Shopify's published Storefront schema), kept
// on the shop at each authentication, drawn on the portal and the application form; a shop without
// a logo shows its name alone, and a Storefront API that does not answer never fails the install.
import { describe, expect, it } from "vitest";
import { createPortalToken } from "~/server/program/portal-tokens.server";
import { OTHER_SHOP, TEST_SHOP } from "../support/constants";
import { seedInfluencer, shopRow } from "../support/factories";
import { useWorld } from "../support/harness";
import { adminFetch, browserFetch } from "../support/shopify";

const world = useWorld();
const LOGO = "https://cdn.shopify.com/s/files/1/0000/0001/files/logo.png?v=1";

async function authenticateAgain(domain: string) {
  await world.database.db.session.deleteMany({ where: { shop: domain } }); // a new token exchange runs afterAuth
  expect((await adminFetch(world.app.url, "/app", { shop: domain })).status).toBe(200);
  return shopRow(world.database.db, domain);
}

const imageTags = (html: string) =>
  [...html.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));

describe("the shop's logo", () => {
  it("is read without a token at install and drawn on the portal and the application form", async () => {
    world.adminApi.shop(TEST_SHOP).logo = { url: LOGO, altText: "Test shop" };
    const shop = await authenticateAgain(TEST_SHOP);
    expect(shop.logoUrl).toBe(LOGO);
    const brand = world.adminApi
      .callsOf("shop")
      .filter((c) => c.apiVersion.startsWith("storefront/") && c.shop === TEST_SHOP);
    expect(brand.at(-1)?.outcome).toBe("ok");

    const influencer = await seedInfluencer(world.database.db, TEST_SHOP, { name: "Maya Lopez" });
    const token = await createPortalToken(world.database.db, shop.id, influencer.id);
    const portal = await (await browserFetch(`${world.app.url}/portal/${token}`)).text();
    expect(imageTags(portal)).toContain(LOGO);
    const form = await (await browserFetch(`${world.app.url}/apply/${shop.handle}`)).text();
    expect(imageTags(form)).toContain(LOGO);
  });

  it("is gone from the pages once the shop removes it from its brand settings", async () => {
    world.adminApi.shop(TEST_SHOP).logo = null;
    const shop = await authenticateAgain(TEST_SHOP);
    expect(shop.logoUrl).toBeNull();
    const form = await (await browserFetch(`${world.app.url}/apply/${shop.handle}`)).text();
    expect(imageTags(form)).toEqual([]);
    expect(form).toContain(shop.name);
  });

  it("keeps the install working, and the logo it had, when the Storefront API does not answer", async () => {
    world.adminApi.shop(OTHER_SHOP).logo = { url: LOGO, altText: null };
    expect((await authenticateAgain(OTHER_SHOP)).logoUrl).toBe(LOGO);
    world.adminApi.shop(OTHER_SHOP).storefrontDown = true;
    const shop = await authenticateAgain(OTHER_SHOP);
    expect(shop).toMatchObject({ status: "INSTALLED", logoUrl: LOGO });
    world.adminApi.shop(OTHER_SHOP).storefrontDown = false;
  });

  it("is never taken from a URL that is not a web address", async () => {
    world.adminApi.shop(OTHER_SHOP).logo = { url: "javascript:alert(1)", altText: null };
    expect((await authenticateAgain(OTHER_SHOP)).logoUrl).toBeNull();
  });
});
