// The web pixel's endpoint, POST /pixel: a report from a storefront's checkout, sent from Shopify's
// pixel sandbox on another origin, so it answers CORS and takes the plain-text body the pixel
// sends (a "simple" request, no preflight). Public: bounded, rate-limited per visitor, and read
// strictly; what it stores can only attribute the order of the very checkout it names.
import db, { dbKind } from "../platform/db.server";
import { readPixelReport } from "../../domain/pixel-report";
import { recordPixelReport } from "./pixel-reports.server";
import { RateLimit } from "../platform/rate-limit.server";
import { clientAddress } from "../program/referral-redirect.server";
import { BodyTooLarge, boundedBody, bodyLimitFor } from "../platform/request-body.server";

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "86400",
};

// A shopper completes a checkout now and then; a visitor sending more than this is not shopping.
const perVisitor = new RateLimit(20, 60_000);

const answer = (status: number, error?: string) =>
  new Response(error ?? null, {
    status,
    headers: {
      ...CORS,
      "Cache-Control": "no-store",
      ...(error ? { "Content-Type": "text/plain; charset=utf-8" } : {}),
    },
  });

export async function receivePixelReport(request: Request, remoteAddress: string | undefined): Promise<Response> {
  if (request.method === "OPTIONS") return answer(204);
  if (request.method !== "POST") return answer(405, "Only POST");
  if (!perVisitor.take(clientAddress(remoteAddress, request.headers.get("x-forwarded-for"))))
    return answer(429, "Too many reports");
  let body: Buffer;
  try {
    body = await boundedBody(request, bodyLimitFor("/pixel").limit);
  } catch (error) {
    if (error instanceof BodyTooLarge) return answer(413, "The report is too large");
    throw error;
  }
  const read = readPixelReport(body.toString("utf8"));
  if (!read.ok) return answer(400, read.error);
  const outcome = await recordPixelReport(db, dbKind, read.input);
  if (outcome === "unknown-shop") return answer(404, "shop: not a shop that has the app");
  if (outcome === "unknown-link") return answer(404, "ref: not a link of this shop");
  return answer(204); // stored, or a repeat of a report already kept
}
