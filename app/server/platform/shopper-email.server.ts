// Shoppers' emails are never stored: orders and unprocessed webhook events keep a keyed hash of the
// lower-cased address (HMAC-SHA256), which is all attribution needs (a returning customer, a
// self-referral) and which customers/redact finds by hashing the address it is given. The key is
// CUSTOMER_HASH_KEY, or one derived from the app's secret. Read from the process environment (the
// server validated it at start) because the ledger also runs inside tools and tests that have no
// app environment; only outside production does a missing secret fall back to a fixed key.
import { createHmac, hkdfSync } from "node:crypto";

export function shopperKey(secret: string, explicitKey?: string): Buffer {
  if (explicitKey) return Buffer.from(explicitKey, "utf8");
  return Buffer.from(hkdfSync("sha256", secret, "referral-loop", "shopper-email-hash", 32));
}

/** The stored form of a shopper's email: the same for any spelling of case and spaces. */
export function emailHashWith(key: Buffer, email: string): string {
  return createHmac("sha256", key).update(email.trim().toLowerCase()).digest("base64url");
}

let key: Buffer | undefined;
function appKey(): Buffer {
  const secret = process.env.SHOPIFY_API_SECRET;
  if (!secret && process.env.NODE_ENV === "production")
    throw new Error("SHOPIFY_API_SECRET is required to hash shoppers' emails");
  return shopperKey(secret ?? "development-only-shopper-key", process.env.CUSTOMER_HASH_KEY || undefined);
}

export function shopperEmailHash(email: string | null | undefined): string | null {
  if (!email || !email.includes("@")) return null;
  return emailHashWith((key ??= appKey()), email);
}
