// The app's one referral redirector, and the two ways requests reach it: the Remix route
// (r.$slug.tsx) and the server's fast path for GET /r/:slug (server.mjs), which skips Remix's
// per-request work because every influencer post sends its whole audience through it.
import type { IncomingMessage, ServerResponse } from "node:http";
import db, { dbKind } from "../platform/db.server";
import { env } from "../platform/env.server";
import { RateLimit } from "../platform/rate-limit.server";
import { createReferralRedirector, defaultVisitorSalt, type VisitOutcome } from "./referral-clicks.server";

let redirector: ReturnType<typeof createReferralRedirector> | undefined;

export function referralRedirector() {
  if (!redirector) {
    const config = env();
    redirector = createReferralRedirector({
      db,
      databaseKind: dbKind,
      salt: config.VISITOR_HASH_SALT ?? defaultVisitorSalt(config.SHOPIFY_API_SECRET),
      cacheTtlMs: config.LINK_CACHE_TTL_MS,
      flushMs: config.CLICK_FLUSH_MS,
    });
  }
  return redirector;
}

/** Writes the clicks still buffered; server.mjs calls it before the process exits. */
export async function flushReferralClicks() {
  await redirector?.stop();
}

/**
 * The visitor's address. Behind TRUST_PROXY proxies, each appends the address it was reached
 * from, so the visitor is that many entries from the right; entries further left are whatever the
 * visitor chose to send, and are never trusted. `moreHops`: proxies known in front of those
 * (Shopify's app proxy, which appends the shopper's address).
 */
export function clientAddress(remoteAddress: string | undefined, forwardedFor: string | null, moreHops = 0): string {
  const hops = env().TRUST_PROXY + moreHops;
  if (!hops || !forwardedFor) return remoteAddress ?? "";
  const entries = forwardedFor
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - hops)] ?? remoteAddress ?? "";
}

export function outcomeHeaders(outcome: VisitOutcome): Record<string, string> {
  const headers: Record<string, string> = {
    "Cache-Control": "private, no-store",
    "Referrer-Policy": "no-referrer-when-downgrade",
  };
  if (outcome.status === 302) headers.Location = outcome.location;
  else headers["Content-Type"] = "text/plain; charset=utf-8";
  return headers;
}

export const LINK_NOT_FOUND = "This referral link does not exist (any more).";

/** A visit's answer as a Fetch response (the Remix routes; the fast path writes Node's own). */
export function visitResponse(outcome: VisitOutcome): Response {
  return new Response(outcome.status === 404 ? LINK_NOT_FOUND : null, {
    status: outcome.status,
    headers: outcomeHeaders(outcome),
  });
}

// Per visitor address and minute: far above what a person clicks, so only a flood is refused.
let visitorLimit: RateLimit | null | undefined;
function redirectLimit(): RateLimit | null {
  if (visitorLimit === undefined)
    visitorLimit = env().REDIRECT_RATE_LIMIT > 0 ? new RateLimit(env().REDIRECT_RATE_LIMIT, 60_000) : null;
  return visitorLimit;
}

/** GET /r/:slug straight from Node's HTTP server. */
export async function handleReferralRequest(req: IncomingMessage, res: ServerResponse) {
  const ip = clientAddress(req.socket.remoteAddress, (req.headers["x-forwarded-for"] as string) ?? null);
  if (redirectLimit() && !redirectLimit()!.take(ip)) {
    res.writeHead(429, { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "60" });
    return void res.end("Too many requests. Try again in a minute.");
  }
  // Split by hand: a WHATWG URL per click costs more than the rest of the redirect.
  const raw = req.url ?? "/";
  const queryAt = raw.indexOf("?");
  const pathPart = queryAt === -1 ? raw : raw.slice(0, queryAt);
  let slug: string;
  try {
    slug = decodeURIComponent(pathPart.slice("/r/".length)).replace(/\/$/, "");
  } catch {
    slug = ""; // malformed escapes: no such link
  }
  const search = new URLSearchParams(queryAt === -1 ? "" : raw.slice(queryAt + 1));
  try {
    const outcome = await referralRedirector().visit({
      slug,
      search,
      ip,
      userAgent: req.headers["user-agent"] ?? "",
      referer: req.headers.referer ?? null,
      at: new Date(),
    });
    res.writeHead(outcome.status, outcomeHeaders(outcome));
    res.end(outcome.status === 404 ? LINK_NOT_FOUND : undefined);
  } catch (error) {
    console.error(`referral redirect failed: ${(error as Error).message}`);
    res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5" });
    res.end("Please try again in a moment.");
  }
}
