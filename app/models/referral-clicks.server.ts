// The referral redirect, GET /r/:slug: answer fast, count fairly. Links are read through a short
// cache (a paused link stops within LINK_CACHE_TTL_MS); clicks are buffered and written in
// batches, off the shopper's path. A batch that cannot be written stays buffered for the next try.
import { createHash } from "node:crypto";
import { isbot } from "isbot";
import type { Db } from "../db.server";
import {
  clickCounts,
  REPEAT_WINDOW_MS,
  referrerHost,
  storeRedirectUrl,
  visitorHash,
} from "../domain/referral-links";

export type Visit = {
  slug: string;
  search: URLSearchParams;
  ip: string;
  userAgent: string;
  referer: string | null;
  at: Date;
};

export type VisitOutcome = { status: 302; location: string } | { status: 404 };

type CachedLink = {
  id: string;
  shopId: string;
  influencerId: string;
  shopDomain: string;
  destinationPath: string;
  slug: string;
  code: string | null;
  live: boolean;
};

type PendingClick = {
  shopId: string;
  linkId: string;
  influencerId: string;
  occurredAt: Date;
  visitorHash: string;
  referrerHost: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmContent: string | null;
  utmTerm: string | null;
  isBot: boolean;
};

const MAX_BUFFERED = 50_000;

export function createReferralRedirector(options: { db: Db; salt: string; cacheTtlMs: number; flushMs: number }) {
  const { db } = options;
  const cache = new Map<string, { at: number; link: CachedLink | null }>();
  let buffer: PendingClick[] = [];
  let flushing: Promise<void> | null = null;

  async function linkFor(slug: string, now: number): Promise<CachedLink | null> {
    const cached = cache.get(slug);
    if (cached && now - cached.at < options.cacheTtlMs) return cached.link;
    const row = await db.referralLink.findUnique({
      where: { slug },
      include: {
        shop: { select: { domain: true, status: true } },
        influencer: { select: { status: true } },
        discountCode: { select: { code: true, status: true } },
      },
    });
    const link: CachedLink | null = row && {
      id: row.id,
      shopId: row.shopId,
      influencerId: row.influencerId,
      shopDomain: row.shop.domain,
      destinationPath: row.destinationPath,
      slug: row.slug,
      code: row.discountCode?.status === "ACTIVE" ? row.discountCode.code : null,
      live: row.status === "ACTIVE" && row.influencer.status === "ACTIVE" && row.shop.status === "INSTALLED",
    };
    if (cache.size > 10_000) cache.clear();
    cache.set(slug, { at: now, link });
    return link;
  }

  async function visit(v: Visit): Promise<VisitOutcome> {
    const link = await linkFor(v.slug.toLowerCase(), v.at.getTime());
    if (!link) return { status: 404 };
    if (!link.live) return { status: 302, location: `https://${link.shopDomain}/` };
    if (buffer.length < MAX_BUFFERED) {
      const utm = (name: string) => v.search.get(name)?.slice(0, 200) || null;
      buffer.push({
        shopId: link.shopId,
        linkId: link.id,
        influencerId: link.influencerId,
        occurredAt: v.at,
        visitorHash: visitorHash(options.salt, v.ip, v.userAgent),
        referrerHost: referrerHost(v.referer),
        utmSource: utm("utm_source"),
        utmMedium: utm("utm_medium"),
        utmCampaign: utm("utm_campaign"),
        utmContent: utm("utm_content"),
        utmTerm: utm("utm_term"),
        isBot: isbot(v.userAgent),
      });
    }
    return {
      status: 302,
      location: storeRedirectUrl({
        shopDomain: link.shopDomain,
        destinationPath: link.destinationPath,
        code: link.code,
        slug: link.slug,
        incoming: v.search,
      }),
    };
  }

  /** Writes the buffered clicks, deciding which count: not bots, not a visitor's repeat within a day. */
  async function writeBatch(batch: PendingClick[]) {
    const earliest = Math.min(...batch.map((c) => c.occurredAt.getTime()));
    const previous = await db.click.findMany({
      where: {
        linkId: { in: [...new Set(batch.map((c) => c.linkId))] },
        visitorHash: { in: [...new Set(batch.map((c) => c.visitorHash))] },
        counted: true,
        occurredAt: { gte: new Date(earliest - REPEAT_WINDOW_MS) },
      },
      select: { linkId: true, visitorHash: true, occurredAt: true },
    });
    const lastCounted = new Map<string, Date>();
    for (const p of previous) {
      const key = `${p.linkId}|${p.visitorHash}`;
      const known = lastCounted.get(key);
      if (!known || p.occurredAt > known) lastCounted.set(key, p.occurredAt);
    }
    const rows = [...batch]
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
      .map((click) => {
        const key = `${click.linkId}|${click.visitorHash}`;
        const counted = clickCounts(click.isBot, lastCounted.get(key) ?? null, click.occurredAt);
        if (counted) lastCounted.set(key, click.occurredAt);
        return { ...click, counted };
      });
    for (let i = 0; i < rows.length; i += 500) await db.click.createMany({ data: rows.slice(i, i + 500) });
  }

  async function flush(): Promise<void> {
    if (flushing) return flushing;
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    flushing = writeBatch(batch)
      .catch((error: Error) => {
        console.error(`referral clicks not written yet (${batch.length}): ${error.message}`);
        buffer = batch.concat(buffer).slice(0, MAX_BUFFERED);
      })
      .finally(() => {
        flushing = null;
      });
    return flushing;
  }

  const timer = setInterval(() => void flush(), options.flushMs);
  timer.unref();

  return {
    visit,
    flush,
    pending: () => buffer.length,
    stop: async () => {
      clearInterval(timer);
      await flush();
    },
  };
}

export function defaultVisitorSalt(apiSecret: string): string {
  return createHash("sha256").update(`visitor-salt:${apiSecret}`).digest("hex");
}
