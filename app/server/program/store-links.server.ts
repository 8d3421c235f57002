// Referral links on the store's own domain (https://{shop}/apps/ref/{slug}): Shopify's app proxy
// forwards the shopper's request here with the shop, a timestamp and a signature of both. Only a
// request Shopify signed, within its clock tolerance, for a shop with the app installed, is
// counted, and only for that shop's own links; then it is the same visit as /r/:slug.
import { authenticate } from "../../shopify.server";
import { clientAddress, LINK_NOT_FOUND, referralRedirector, visitResponse } from "./referral-redirect.server";

// What the proxy adds to the shopper's query: read here, never passed on to the store.
const PROXY_PARAMS = ["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"];

export async function storeLinkVisit(request: Request, slug: string, remoteAddress: string | undefined) {
  const { session } = await authenticate.public.appProxy(request); // a bad signature is answered 400 here
  const url = new URL(request.url);
  const shopDomain = url.searchParams.get("shop") ?? "";
  if (!session) return new Response(LINK_NOT_FOUND, { status: 404, headers: { "Content-Type": "text/plain" } });
  const search = new URLSearchParams(url.searchParams);
  for (const name of PROXY_PARAMS) search.delete(name);
  const outcome = await referralRedirector().visit({
    slug,
    shopDomain,
    search,
    // Shopify's proxy appends the shopper's address: one hop more than the app's own proxies.
    ip: clientAddress(remoteAddress, request.headers.get("x-forwarded-for"), 1),
    userAgent: request.headers.get("user-agent") ?? "",
    referer: request.headers.get("referer"),
    at: new Date(),
  });
  return visitResponse(outcome);
}
