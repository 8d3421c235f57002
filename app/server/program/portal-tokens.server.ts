// Portal access by link: a long random token (256 bits, base64url) that the influencer keeps.
// Only its SHA-256 is stored, so a copy of the database opens no portal. Several may be valid at
// once (each email with a portal link carries a new one); each expires after PORTAL_LINK_DAYS (the
// monthly email brings a fresh one); revoking ends them all. An email waiting to be sent holds its
// link sealed (outbox), never in its body.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../platform/db.server";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** How long a portal link works: two monthly emails, so one missed month never locks anyone out. */
export const PORTAL_LINK_DAYS = 62;

/**
 * Stands where an email's private link goes until the outbox sends it (outbox.server.ts). Shaped
 * like a link (on a reserved domain) so the email's HTML makes it clickable like any other.
 */
export const PORTAL_LINK_MARKER = "https://sealed-link.invalid/portal";

export async function createPortalToken(
  db: Db,
  shopId: string,
  influencerId: string,
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + PORTAL_LINK_DAYS * 86_400_000);
  await db.portalToken.create({ data: { shopId, influencerId, tokenHash: hashToken(token), expiresAt } });
  return token;
}

export async function revokePortalTokens(db: Db, shopId: string, influencerId: string): Promise<number> {
  const result = await db.portalToken.updateMany({
    where: { shopId, influencerId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return result.count;
}

/** A new link that replaces every earlier one. */
export async function rotatePortalToken(db: Db, shopId: string, influencerId: string): Promise<string> {
  await revokePortalTokens(db, shopId, influencerId);
  return createPortalToken(db, shopId, influencerId);
}

/**
 * A portal link and whose it is; `open` when it still opens the portal. Null for a token that was
 * never one, or whose influencer is archived.
 */
async function portalLink(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{40,64}$/.test(token)) return null;
  const row = await db.portalToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      revokedAt: true,
      expiresAt: true,
      influencer: {
        select: {
          id: true,
          shopId: true,
          name: true,
          email: true,
          status: true,
          shop: { select: { name: true, handle: true, email: true, logoUrl: true } },
        },
      },
    },
  });
  if (!row || row.influencer.status === "ARCHIVED") return null;
  const open = row.revokedAt === null && (row.expiresAt === null || row.expiresAt.getTime() > Date.now());
  return { open, influencer: row.influencer };
}

/** The influencer a token opens, or null (unknown, revoked, expired, or the influencer archived). */
export async function influencerForToken(db: Db, token: string) {
  const link = await portalLink(db, token);
  if (!link?.open) return null;
  const { id, shopId, name, status } = link.influencer;
  return { id, shopId, name, status };
}

/**
 * A link that no longer opens the portal but was a real one (expired, or ended by the shop): its
 * influencer and shop, so the page can name the shop and offer a new link to the address on file.
 */
export async function endedPortalLink(db: Db, token: string) {
  const link = await portalLink(db, token);
  return link && !link.open ? link.influencer : null;
}

export async function activePortalTokens(db: Db, shopId: string, influencerId: string) {
  return db.portalToken.count({
    where: { shopId, influencerId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
  });
}

export const portalUrl = (appUrl: string, token: string) => `${appUrl.replace(/\/$/, "")}/portal/${token}`;
