// The path of every webhook delivery: verify (method, HMAC, headers, topic, JSON), then the intake
// stores it in the inbox and processes it (see intake.server.ts). 405 for anything but POST, 401
// for a bad HMAC, 400 for missing headers, a topic that is not the endpoint's or a body that is
// not JSON, 503 when the event could not be stored (Shopify retries), 200 otherwise: processing
// failures are kept for retry. Used by server.mjs before Remix (no Fetch conversion on the hot
// path) and by the Remix routes (the dev server).
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "../platform/env.server";
import { shopperOf } from "./webhook-inbox.server";
import { readNodeBody } from "../platform/request-body.server";
import { webhookIntake } from "./app-intake.server";
import { webhookTopicAt } from "./topics";

export type Delivery = { method: string; header: (name: string) => string | null | undefined; rawBody: Buffer };
export type Answer = { status: number; body?: string; headers?: Record<string, string> };

/** `orders/create` and `ORDERS_CREATE` name the same topic. */
export function topicKey(topic: string): string {
  return topic.trim().toUpperCase().replace(/\//g, "_");
}

const REQUIRED_HEADERS = ["X-Shopify-Webhook-Id", "X-Shopify-Topic", "X-Shopify-Shop-Domain", "X-Shopify-API-Version"];

function hmacIsValid(rawBody: Buffer, given: string | null | undefined): boolean {
  if (!given) return false;
  // Compared as the exact base64 text Shopify sends: decoding first would accept trailing junk.
  const expected = Buffer.from(createHmac("sha256", env().SHOPIFY_API_SECRET).update(rawBody).digest("base64"));
  const received = Buffer.from(given);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

// Compliance topics name their shop in the signed body; the header is not signed, so the two must
// agree, or one shop's signed body could be replayed under another shop's name.
const SHOP_IN_BODY = new Set(["customers/data_request", "customers/redact", "shop/redact"]);

function bodyShopMismatch(topic: string, payload: unknown, headerShop: string): boolean {
  if (!SHOP_IN_BODY.has(topic)) return false;
  const bodyShop = (payload as { shop_domain?: unknown } | null)?.shop_domain;
  return typeof bodyShop !== "string" || bodyShop.toLowerCase() !== headerShop.toLowerCase();
}

export async function answerDelivery(delivery: Delivery, routeTopic: string): Promise<Answer> {
  if (delivery.method !== "POST") return { status: 405, headers: { Allow: "POST" } };
  if (!hmacIsValid(delivery.rawBody, delivery.header("X-Shopify-Hmac-Sha256")))
    return { status: 401, body: "Invalid HMAC" };
  const missing = REQUIRED_HEADERS.filter((name) => !delivery.header(name));
  if (missing.length) return { status: 400, body: `Missing header ${missing.join(", ")}` };
  if (topicKey(delivery.header("X-Shopify-Topic")!) !== topicKey(routeTopic)) {
    return { status: 400, body: `This endpoint takes ${routeTopic}` };
  }
  const payload = delivery.rawBody.toString("utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return { status: 400, body: "Body is not valid JSON" }; // the HMAC was valid, the body was not JSON
  }
  if (bodyShopMismatch(routeTopic, parsed, delivery.header("X-Shopify-Shop-Domain")!)) {
    return { status: 400, body: "shop_domain of the body does not match X-Shopify-Shop-Domain" };
  }
  const outcome = await webhookIntake().intake({
    webhookId: delivery.header("X-Shopify-Webhook-Id")!,
    shopDomain: delivery.header("X-Shopify-Shop-Domain")!,
    topic: routeTopic,
    apiVersion: delivery.header("X-Shopify-API-Version")!,
    payload,
    ...shopperOf(parsed),
  });
  if (outcome === "not-stored") return { status: 503, body: "Could not store the event; retry later" };
  return { status: 200 };
}

/** A Remix route's action or loader for one topic. */
export async function receiveWebhook(request: Request, routeTopic: string): Promise<Response> {
  const rawBody = Buffer.from(await request.arrayBuffer());
  const answer = await answerDelivery(
    { method: request.method, header: (name) => request.headers.get(name), rawBody },
    routeTopic,
  );
  return new Response(answer.body ?? null, { status: answer.status, headers: answer.headers });
}

/** Shopify only POSTs webhooks; any other method is answered 405. */
export function webhookOnlyAcceptsPost() {
  return new Response(null, { status: 405, headers: { Allow: "POST" } });
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * server.mjs: answers every /webhooks/... path straight from Node's request, with its body limit,
 * whatever query or trailing slash it carries; an unknown topic is 404 without reading the body.
 */
export function handleWebhookRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const pathname = (req.url ?? "").split("?")[0].replace(/\/+$/, "");
  if (!pathname.startsWith("/webhooks/")) return false;
  const topic = webhookTopicAt(pathname.slice("/webhooks/".length));
  if (!topic) {
    res
      .writeHead(404, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" })
      .end("No such webhook topic");
    req.destroy();
    return true;
  }
  readNodeBody(req, MAX_BODY_BYTES, (body) => {
    if (!body) return void res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8" }).end("Body too large");
    const header = (name: string) => {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value[0] : value;
    };
    answerDelivery({ method: req.method ?? "GET", header, rawBody: body }, topic)
      .then((answer) =>
        res
          .writeHead(answer.status, { "Content-Type": "text/plain; charset=utf-8", ...answer.headers })
          .end(answer.body ?? ""),
      )
      .catch((error: Error) => {
        console.error(`webhook ${topic} failed: ${error.message}`);
        res.writeHead(503).end("Try again later");
      });
  });
  return true;
}
