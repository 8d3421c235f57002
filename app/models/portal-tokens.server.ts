// Portal access by link: a long random token (256 bits, base64url) that the influencer keeps.
// Only its SHA-256 is stored, so a copy of the database opens no portal. Several may be valid at
// once (each email with a portal link carries a new one); revoking ends them all.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db.server";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createPortalToken(db: Db, shopId: string, influencerId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.portalToken.create({ data: { shopId, influencerId, tokenHash: hashToken(token) } });
  return token;
}

export async function revokePortalTokens(db: Db, shopId: string, influencerId: string): Promise<number> {
  const result = await db.portalToken.updateMany({ where: { shopId, influencerId, revokedAt: null }, data: { revokedAt: new Date() } });
  return result.count;
}

/** A new link that replaces every earlier one. */
export async function rotatePortalToken(db: Db, shopId: string, influencerId: string): Promise<string> {
  await revokePortalTokens(db, shopId, influencerId);
  return createPortalToken(db, shopId, influencerId);
}

/** The influencer a token opens, or null (unknown, revoked, or the influencer archived). */
export async function influencerForToken(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{40,64}$/.test(token)) return null;
  const row = await db.portalToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { revokedAt: true, influencer: { select: { id: true, shopId: true, name: true, status: true } } },
  });
  if (!row || row.revokedAt || row.influencer.status === "ARCHIVED") return null;
  return row.influencer;
}

export async function activePortalTokens(db: Db, shopId: string, influencerId: string) {
  return db.portalToken.count({ where: { shopId, influencerId, revokedAt: null } });
}

export const portalUrl = (appUrl: string, token: string) => `${appUrl.replace(/\/$/, "")}/portal/${token}`;
