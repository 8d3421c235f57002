// The shop's logo, for the pages influencers see (portal, application form). The Admin API has no
// field for a shop's brand; the Storefront API's `shop.brand` has, and it needs no token (Shopify's
// tokenless access), so no storefront token is created, stored or leaked.
import { abstractFetch } from "@shopify/shopify-api/runtime";
import { API_VERSION } from "../../api-version";

const SHOP_BRAND = `#graphql
  # Storefront API
  query ShopBrand {
    shop { brand { logo { image { url(transform: { maxWidth: 240, maxHeight: 96 }) altText } } } }
  }`;

type ShopBrand = {
  data?: { shop: { brand: { logo: { image: { url: string; altText: string | null } | null } | null } | null } };
  errors?: unknown;
};

/** The logo's URL on Shopify's CDN, null when the shop has none; throws when Shopify did not answer. */
export async function shopLogoUrl(domain: string): Promise<string | null> {
  const response = await abstractFetch(`https://${domain}/api/${API_VERSION}/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ query: SHOP_BRAND }),
  });
  if (!response.ok) throw new Error(`Storefront API answered ${response.status}`);
  const body = (await response.json()) as ShopBrand;
  if (!body.data) throw new Error(`Storefront API refused the brand query: ${JSON.stringify(body.errors)}`);
  const url = body.data.shop.brand?.logo?.image?.url ?? null;
  return url && /^https?:\/\//.test(url) ? url : null;
}
