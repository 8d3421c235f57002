// Referral links: where a click goes, who it is, and whether it counts.
import { createHash } from "node:crypto";

/** "Maya Rivera" -> "maya-rivera": the readable part of /r/:slug. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
}

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;

/**
 * Why a destination path cannot be used, or null. Only paths inside the shop: a full URL or `//host`
 * would make the link an open redirect to anywhere.
 */
export function destinationProblem(path: string): string | null {
  if (!path.startsWith("/")) return "Start with / (a page of your store, e.g. /products/serum)";
  if (path.startsWith("//") || path.includes("\\")) return "Use a page of your store, not another site";
  if (path.length > 500) return "Use at most 500 characters";
  try {
    const url = new URL(path, "https://shop.example");
    // Judged as normalised: "/a/..//evil.example" becomes "//evil.example", another site.
    if (url.host !== "shop.example" || url.pathname.startsWith("//"))
      return "Use a page of your store, not another site";
  } catch {
    return "This is not a valid path";
  }
  return null;
}

const PASSED_ON = ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"];

/**
 * Where a click on a referral link goes: through Shopify's /discount/{CODE} (which applies the code
 * and then redirects) to the destination, with `ref` (and UTM parameters) on the landing URL so the
 * theme extension can keep it in the cart attributes.
 */
export function storeRedirectUrl(options: {
  shopDomain: string;
  destinationPath: string;
  code: string | null;
  slug: string | null;
  incoming?: URLSearchParams;
}): string {
  const landing = new URL(options.destinationPath || "/", `https://${options.shopDomain}`);
  if (options.slug) landing.searchParams.set("ref", options.slug);
  for (const name of PASSED_ON) {
    const value = options.incoming?.get(name);
    if (value) landing.searchParams.set(name, value.slice(0, 200));
  }
  // One leading slash, whatever was stored: "//host" would leave the store through /discount's redirect.
  const landingPath = landing.pathname.replace(/^\/+/, "/") + landing.search;
  if (!options.code) return `https://${options.shopDomain}${landingPath}`;
  return `https://${options.shopDomain}/discount/${encodeURIComponent(options.code)}?redirect=${encodeURIComponent(landingPath)}`;
}

/**
 * Where Shopify serves the app's proxy on every store (shopify.app.toml, [app_proxy]): a link on
 * the store's own domain is `https://{shop}/apps/ref/{slug}`, forwarded to the app's /proxy/r.
 */
export const STORE_LINK_PATH = "/apps/ref";

/** A referral link on the store's own domain, through the app proxy. */
export function storeReferralUrl(shopDomain: string, slug: string): string {
  return `https://${shopDomain}${STORE_LINK_PATH}/${encodeURIComponent(slug)}`;
}

/** A visitor, recognisable for a day without storing who they are: a salted hash, never the IP. */
export function visitorHash(salt: string, ip: string, userAgent: string): string {
  return createHash("sha256").update(`${salt}\n${ip}\n${userAgent}`).digest("base64url").slice(0, 32);
}

export function referrerHost(referer: string | null | undefined): string | null {
  if (!referer) return null;
  try {
    return new URL(referer).hostname.slice(0, 255) || null;
  } catch {
    return null;
  }
}

export const REPEAT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** A click counts unless it is a bot's or the same visitor clicked the same link within a day. */
export function clickCounts(isBot: boolean, previousCountedClickAt: Date | null, at: Date): boolean {
  if (isBot) return false;
  return !previousCountedClickAt || at.getTime() - previousCountedClickAt.getTime() >= REPEAT_WINDOW_MS;
}

/** Opens the shop's theme editor on the app embeds with ours ready to switch on. */
export function themeEmbedDeepLink(shopDomain: string, apiKey: string): string {
  return `https://${shopDomain}/admin/themes/current/editor?context=apps&activateAppId=${encodeURIComponent(apiKey)}/referral-capture`;
}
