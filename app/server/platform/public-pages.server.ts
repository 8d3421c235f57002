// Headers of the public pages: never framed, never indexed; the portal's URL is its key, so it is
// never sent on as a referrer nor kept in a shared cache.
import db from "./db.server";
import { env } from "./env.server";
import { clientAddress } from "../program/referral-redirect.server";

export const PUBLIC_PATHS = ["/apply/", "/portal/", "/unsubscribe/"];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((prefix) => pathname.startsWith(prefix));
}

export function setPublicHeaders(headers: Headers) {
  headers.set("Content-Security-Policy", "frame-ancestors 'none'");
  headers.set("X-Frame-Options", "DENY");
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "no-referrer");
  headers.set("X-Robots-Tag", "noindex, nofollow");
  headers.set("Cache-Control", "no-store");
}

/** The visitor's address for rate limits (X-Forwarded-For only behind a trusted proxy). */
export function visitorOf(request: Request, context: unknown): string {
  return clientAddress(
    (context as { clientAddress?: string } | undefined)?.clientAddress,
    request.headers.get("x-forwarded-for"),
  );
}

/**
 * What a public page (application form, portal, opt-out) hands to the modules it calls, as an
 * admin page gets it from requireShop: routes never import the database.
 */
export function publicContext() {
  return { db, appUrl: env().SHOPIFY_APP_URL, now: () => new Date() };
}
