// Secrets the app must keep but never in clear are stored encrypted (AES-256-GCM): Shopify access
// and refresh tokens, and the portal links of emails waiting to be sent. A copy of the database
// alone does not let anyone call a shop's Admin API, mint new tokens or open a portal. The key comes from
// TOKEN_ENCRYPTION_KEY, or is derived from the app's secret, which never sits in the database.
// Rows written before encryption are read as they are and encrypted when next stored.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { Session } from "@shopify/shopify-api";
import type { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { env } from "./env.server";

type SessionStorage = Pick<
  PrismaSessionStorage<never>,
  "storeSession" | "loadSession" | "deleteSession" | "deleteSessions" | "findSessionsByShop"
>;

const PREFIX = "enc:v1:";

export function tokenKey(secret: string, explicitKey?: string): Buffer {
  if (explicitKey) return Buffer.from(explicitKey, "base64");
  return Buffer.from(hkdfSync("sha256", secret, "referral-loop", "shopify-token-encryption", 32));
}

let appKey: Buffer | undefined;
/** The key of this app's environment (TOKEN_ENCRYPTION_KEY, or derived from the secret). */
export function appTokenKey(): Buffer {
  return (appKey ??= tokenKey(env().SHOPIFY_API_SECRET, env().TOKEN_ENCRYPTION_KEY));
}

export function sealToken(key: Buffer, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const sealed = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return PREFIX + [iv, cipher.getAuthTag(), sealed].map((part) => part.toString("base64url")).join(".");
}

/** The token itself; a value stored before encryption comes back unchanged. */
export function openToken(key: Buffer, stored: string): string {
  if (!stored.startsWith(PREFIX)) return stored;
  const [iv, tag, sealed] = stored
    .slice(PREFIX.length)
    .split(".")
    .map((part) => Buffer.from(part, "base64url"));
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed), decipher.final()]).toString("utf8");
}

function mapTokens(session: Session, map: (token: string) => string): Session {
  if (session.accessToken) session.accessToken = map(session.accessToken);
  if (session.refreshToken) session.refreshToken = map(session.refreshToken);
  return session;
}

/** A session storage that keeps the tokens of another storage encrypted. */
export function encryptedSessionStorage(inner: SessionStorage, key: Buffer): SessionStorage {
  const open = (session: Session | undefined) => {
    if (!session) return session;
    try {
      return mapTokens(session, (token) => openToken(key, token));
    } catch {
      // Sealed with another key (the secret was rotated): as if never installed, so the next
      // visit exchanges a new token instead of failing.
      return undefined;
    }
  };
  return {
    storeSession: async (session) => {
      return inner.storeSession(
        mapTokens(new Session(session.toObject()), (token) =>
          token.startsWith(PREFIX) ? token : sealToken(key, token),
        ),
      );
    },
    loadSession: async (id) => open(await inner.loadSession(id)),
    deleteSession: (id) => inner.deleteSession(id),
    deleteSessions: (ids) => inner.deleteSessions(ids),
    findSessionsByShop: async (shop) =>
      (await inner.findSessionsByShop(shop)).map(open).filter((s): s is Session => s !== undefined),
  };
}
