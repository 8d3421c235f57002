import type { LoaderFunctionArgs } from "@remix-run/node";
import { clientAddress, referralRedirector, visitResponse } from "~/server/program/referral-redirect.server";

// The same redirect as the server's fast path (server.mjs), for servers that run Remix alone.
export const loader = async ({ request, params, context }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  const outcome = await referralRedirector().visit({
    slug: params.slug ?? "",
    search: url.searchParams,
    ip: clientAddress((context as { clientAddress?: string }).clientAddress, request.headers.get("x-forwarded-for")),
    userAgent: request.headers.get("user-agent") ?? "",
    referer: request.headers.get("referer"),
    at: new Date(),
  });
  return visitResponse(outcome);
};
