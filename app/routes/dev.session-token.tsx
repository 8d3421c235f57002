import type { LoaderFunctionArgs } from "@remix-run/node";
import { env } from "~/server/platform/env.server";
import { signSessionToken } from "~/stand-in/session-token.server";

// The demo's stand-in for the Shopify admin handing a session token to the embedded app.
export const loader = ({ request }: LoaderFunctionArgs) => {
  const config = env();
  // Only with both stand-ins on (never in production): a token signed here must never reach a real shop.
  if (!config.APP_BRIDGE_URL || !config.SHOPIFY_ADMIN_API_STAND_IN || config.NODE_ENV === "production") {
    return new Response("Not found", { status: 404 });
  }
  const shop = new URL(request.url).searchParams.get("shop") ?? "";
  if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(shop)) {
    return new Response("shop must be a *.myshopify.com domain", { status: 400 });
  }
  const token = signSessionToken({ shop, apiKey: config.SHOPIFY_API_KEY, secret: config.SHOPIFY_API_SECRET });
  return new Response(token, { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
};
