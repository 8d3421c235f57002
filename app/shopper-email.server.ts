// Shoppers' emails are never stored: orders and unprocessed webhook events keep a keyed hash of the
// lower-cased address (HMAC-SHA256), which is all attribution needs (a returning customer, a
// self-referral) and which customers/redact finds by hashing the address it is given. The key is
// CUSTOMER_HASH_KEY, or one derived from the app's secret.
import { createHmac, hkdfSync } from "node:crypto";
import { env } from "./env.server";

export function shopperKey(secret: string, explicitKey?: string): Buffer {
  if (explicitKey) return Buffer.from(explicitKey, "utf8");
  return Buffer.from(hkdfSync("sha256", secret, "referral-loop", "shopper-email-hash", 32));
}

/** The stored form of a shopper's email: the same for any spelling of case and spaces. */
export function emailHashWith(key: Buffer, email: string): string {
  return createHmac("sha256", key).update(email.trim().toLowerCase()).digest("base64url");
}

let key: Buffer | undefined;
export function shopperEmailHash(email: string | null | undefined): string | null {
  if (!email || !email.includes("@")) return null;
  return emailHashWith((key ??= shopperKey(env().SHOPIFY_API_SECRET, env().CUSTOMER_HASH_KEY)), email);
}
