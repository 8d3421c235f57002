// The referral redirect, GET /r/:slug: answer fast, count fairly. Links are read through a short
// cache (a paused link stops within LINK_CACHE_TTL_MS); clicks are buffered and written in
// batches, off the shopper's path, each in one transaction. A batch that cannot be written stays
// buffered for the next try.
// Counted clicks and bots' clicks are stored one by one; a visitor's repeats within a day are
// tallied per link and shop day (ClickTally).
import type { Click } from "#db-client";
import { createHash } from "node:crypto";
import { isbot } from "isbot";
import type { DatabaseKind } from "../platform/database-url";
import type { Db, Tx } from "../platform/db.server";
import { bulkInsert, orderedId, recentCountedClicks, type ColumnsOf } from "../platform/bulk-insert.server";
import { refreshClickDays } from "../ledger/rollups.server";
import { shopDay } from "../../domain/shop-time";
import {
  clickCounts,
  REPEAT_WINDOW_MS,
  referrerHost,
  storeRedirectUrl,
  visitorHash,
} from "../../domain/referral-links";

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
  timeZone: string;
  destinationPath: string;
  slug: string;
  code: string | null;
  live: boolean;
  plainLocation: string; // where a click without UTM parameters goes: computed once per lookup
};

type PendingClick = {
  shopId: string;
  timeZone: string; // the shop's: a visitor's repeats are tallied per shop day
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
const UTM_NAMES = ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"];

// isbot runs a large regular expression; audiences arrive with a handful of user agents.
const botVerdicts = new Map<string, boolean>();
function isBotAgent(userAgent: string): boolean {
  let verdict = botVerdicts.get(userAgent);
  if (verdict === undefined) {
    verdict = isbot(userAgent);
    if (botVerdicts.size > 5000) botVerdicts.clear();
    botVerdicts.set(userAgent, verdict);
  }
  return verdict;
}

const CLICK_COLUMNS = {
  id: "text",
  shopId: "text",
  linkId: "text",
  influencerId: "text",
  occurredAt: "timestamp",
  visitorHash: "text",
  referrerHost: "text",
  utmSource: "text",
  utmMedium: "text",
  utmCampaign: "text",
  utmContent: "text",
  utmTerm: "text",
  isBot: "boolean",
  counted: "boolean",
} satisfies ColumnsOf<Click>;

export function createReferralRedirector(options: {
  db: Db;
  databaseKind: DatabaseKind;
  salt: string;
  cacheTtlMs: number;
  flushMs: number;
}) {
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
        shop: { select: { domain: true, status: true, timezone: true } },
        influencer: { select: { status: true } },
        discountCode: { select: { code: true, status: true } },
      },
    });
    const code = row?.discountCode?.status === "ACTIVE" ? row.discountCode.code : null;
    const link: CachedLink | null = row && {
      id: row.id,
      shopId: row.shopId,
      influencerId: row.influencerId,
      shopDomain: row.shop.domain,
      timeZone: row.shop.timezone,
      destinationPath: row.destinationPath,
      slug: row.slug,
      code,
      live: row.status === "ACTIVE" && row.influencer.status === "ACTIVE" && row.shop.status === "INSTALLED",
      plainLocation: storeRedirectUrl({
        shopDomain: row.shop.domain,
        destinationPath: row.destinationPath,
        code,
        slug: row.slug,
      }),
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
        timeZone: link.timeZone,
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
        isBot: isBotAgent(v.userAgent),
      });
    }
    const hasUtm = UTM_NAMES.some((name) => v.search.has(name));
    const location = hasUtm
      ? storeRedirectUrl({
          shopDomain: link.shopDomain,
          destinationPath: link.destinationPath,
          code: link.code,
          slug: link.slug,
          incoming: v.search,
        })
      : link.plainLocation;
    return { status: 302, location };
  }

  /**
   * Writes the buffered clicks, deciding which count: not bots, not a visitor's repeat within a
   * day. One transaction for the clicks, their tallies and their days' roll-ups: a batch that
   * fails anywhere leaves nothing behind, so its retry decides the same and counts each click once.
   */
  function writeBatch(batch: PendingClick[]) {
    return db.$transaction((tx) => writeBatchIn(tx, batch), { maxWait: 15_000, timeout: 30_000 });
  }

  async function writeBatchIn(tx: Tx, batch: PendingClick[]) {
    const earliest = Math.min(...batch.map((c) => c.occurredAt.getTime()));
    const linkIds = [...new Set(batch.map((c) => c.linkId))];
    const hashes = [...new Set(batch.map((c) => c.visitorHash))];
    const previous = await recentCountedClicks(
      tx,
      options.databaseKind,
      linkIds,
      hashes,
      new Date(earliest - REPEAT_WINDOW_MS),
    );
    const lastCounted = new Map<string, Date>();
    for (const p of previous) {
      const key = `${p.linkId}|${p.visitorHash}`;
      const known = lastCounted.get(key);
      if (!known || p.occurredAt > known) lastCounted.set(key, p.occurredAt);
    }
    const rows: Array<PendingClick & { counted: boolean }> = [];
    const tallies = new Map<
      string,
      { shopId: string; linkId: string; influencerId: string; day: string; repeats: number }
    >();
    for (const click of [...batch].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())) {
      const key = `${click.linkId}|${click.visitorHash}`;
      const counted = clickCounts(click.isBot, lastCounted.get(key) ?? null, click.occurredAt);
      if (counted) lastCounted.set(key, click.occurredAt);
      if (counted || click.isBot) {
        rows.push({ ...click, counted });
        continue;
      }
      const day = shopDay(click.occurredAt, click.timeZone);
      const tally = tallies.get(`${click.linkId}|${day}`) ?? {
        shopId: click.shopId,
        linkId: click.linkId,
        influencerId: click.influencerId,
        day,
        repeats: 0,
      };
      tally.repeats += 1;
      tallies.set(`${click.linkId}|${day}`, tally);
    }
    for (let i = 0; i < rows.length; i += 2000) {
      await bulkInsert(
        tx,
        options.databaseKind,
        "Click",
        CLICK_COLUMNS,
        rows.slice(i, i + 2000).map((r) => ({ ...r, id: orderedId() })),
      );
    }
    const counted = rows.filter((r) => r.counted);
    if (counted.length) await refreshClickDays(tx, options.databaseKind, counted);
    for (const t of tallies.values()) {
      // A native upsert (INSERT ... ON CONFLICT): two servers' batches on one day both count.
      await tx.clickTally.upsert({
        where: { linkId_day: { linkId: t.linkId, day: t.day } },
        create: t,
        update: { repeats: { increment: t.repeats } },
      });
    }
  }

  async function flush(): Promise<void> {
    if (flushing) return flushing;
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    flushing = writeBatch(batch)
      .catch((error: Error) => {
        console.error(`referral clicks not written yet (${batch.length}): ${error.message || error}`);
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
