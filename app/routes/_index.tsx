import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

// Shopify opens the app at its URL with ?shop=...; everything the merchant sees lives under /app.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  return new Response(
    "Referral Loop: pay influencers for results. Install it from the Shopify App Store and open it in your Shopify admin.",
    { headers: { "Content-Type": "text/plain; charset=utf-8" } },
  );
};
