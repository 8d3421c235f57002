// What Shopify sends the app: HMAC-signed webhooks and signed session tokens.
import { createHmac, randomUUID } from "node:crypto";
import { signSessionToken } from "~/stand-in/session-token.server";
import { TEST_API_KEY, TEST_API_SECRET, TEST_SHOP } from "./constants";

export { WEBHOOK_API_VERSION } from "~/api-version";
import { WEBHOOK_API_VERSION } from "~/api-version";

export function webhookHmac(body: string, secret = TEST_API_SECRET): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("base64");
}

export type WebhookOptions = {
  shop?: string;
  webhookId?: string;
  hmac?: string;
  apiVersion?: string;
  topicHeader?: string;
  omitHeaders?: string[];
};

/** POSTs a webhook the way Shopify does: JSON body, HMAC of the raw body, the X-Shopify-* headers. */
export async function sendWebhook(appUrl: string, topic: string, payload: unknown, options: WebhookOptions = {}) {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "X-Shopify-Topic": options.topicHeader ?? topic,
    "X-Shopify-Shop-Domain": options.shop ?? TEST_SHOP,
    "X-Shopify-API-Version": options.apiVersion ?? WEBHOOK_API_VERSION,
    "X-Shopify-Webhook-Id": options.webhookId ?? randomUUID(),
    "X-Shopify-Hmac-Sha256": options.hmac ?? webhookHmac(body),
    "X-Shopify-Triggered-At": new Date().toISOString(),
    "X-Shopify-Event-Id": randomUUID(),
  };
  for (const name of options.omitHeaders ?? []) delete headers[name];
  return fetch(`${appUrl}/webhooks/${topic}`, { method: "POST", headers, body });
}

/** A browser request with no session token. */
export function browserFetch(url: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("User-Agent", BROWSER_USER_AGENT);
  return fetch(url, { redirect: "manual", ...init, headers });
}

export function sessionToken(shop = TEST_SHOP, overrides: { secret?: string; now?: Date; userId?: string } = {}) {
  return signSessionToken({
    shop,
    apiKey: TEST_API_KEY,
    secret: overrides.secret ?? TEST_API_SECRET,
    now: overrides.now,
    userId: overrides.userId,
  });
}

// The admin loads the app in a browser; Shopify's library answers 410 to requests from bots.
export const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

/** A request from the embedded app in the admin: the session token as a bearer header. */
export function adminFetch(
  appUrl: string,
  pathname: string,
  init: RequestInit & { shop?: string; userId?: string } = {},
) {
  const headers = new Headers(init.headers);
  headers.set("User-Agent", BROWSER_USER_AGENT);
  headers.set("Authorization", `Bearer ${sessionToken(init.shop ?? TEST_SHOP, { userId: init.userId })}`);
  return fetch(`${appUrl}${pathname}`, { ...init, headers, redirect: "manual" });
}

/** An admin form post with a session token, as the embedded app sends it. */
export function adminPost(appUrl: string, pathname: string, fields: Record<string, string>, shop = TEST_SHOP) {
  return adminFetch(appUrl, pathname, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    shop,
  });
}

/**
 * The query Shopify's app proxy adds to a shopper's request, signed as Shopify signs it: every
 * parameter but `signature`, sorted, as `key=value` (a repeated key's values joined by commas),
 * concatenated, HMAC-SHA256 in hex with the app's secret.
 */
export function appProxyQuery(
  params: Record<string, string>,
  options: { shop?: string; timestamp?: number; secret?: string; customerId?: string } = {},
): string {
  const query: Record<string, string> = {
    ...params,
    shop: options.shop ?? TEST_SHOP,
    logged_in_customer_id: options.customerId ?? "",
    path_prefix: "/apps/ref",
    timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)),
  };
  const message = Object.keys(query)
    .sort()
    .map((key) => `${key}=${query[key]}`)
    .join("");
  const signature = createHmac("sha256", options.secret ?? TEST_API_SECRET)
    .update(message)
    .digest("hex");
  return new URLSearchParams({ ...query, signature }).toString();
}
