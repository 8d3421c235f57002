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
import { dayStart, nextDay, shopDay } from "../../domain/shop-time";
import {
  clickCounts,
  REPEAT_WINDOW_MS,
  referrerHost,
  storeRedirectUrl,
  visitorHash,
} from "../../domain/referral-links";

export type Visit = {
  slug: string;
  /** Through the shop's own domain (the app proxy): only a link of this shop, which Shopify signed for. */
  shopDomain?: string;
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

type Tally = { shopId: string; linkId: string; influencerId: string; day: string; repeats: number };

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
  // A visitor whose counted click this server wrote, clicking again within the window, is a
  // repeat for certain: tallied here, with no row buffered and no lookup at write time (reloads
  // and back-and-forths are most of a post's clicks). Clicks this server has not seen counted go
  // through the batch writer, which asks the database.
  const countedHere = new Map<string, number>(); // `${linkId}|${visitorHash}` -> when counted
  // A visitor clicking again is hashed once: the salted hash is most of a repeat click's own work.
  // Held in memory only, for the last 10,000 visitors; never written.
  const hashes = new Map<string, string>(); // `${ip}\n${userAgent}` -> visitor hash
  function hashOf(ip: string, userAgent: string): string {
    const key = `${ip}\n${userAgent}`;
    let hash = hashes.get(key);
    if (hash === undefined) {
      hash = visitorHash(options.salt, ip, userAgent);
      if (hashes.size >= 10_000) hashes.clear();
      hashes.set(key, hash);
    }
    return hash;
  }
  let repeatsHere = new Map<string, Tally>(); // `${linkId}|${shop day}`
  const today = new Map<string, { day: string; from: number; until: number }>(); // per time zone

  /** The shop day of an instant, worked out once per time zone and day. */
  function shopDayOf(timeZone: string, at: number): string {
    const known = today.get(timeZone);
    if (known && at >= known.from && at < known.until) return known.day;
    const day = shopDay(new Date(at), timeZone);
    today.set(timeZone, {
      day,
      from: dayStart(day, timeZone).getTime(),
      until: dayStart(nextDay(day), timeZone).getTime(),
    });
    return day;
  }

  function tally(into: Map<string, Tally>, t: Omit<Tally, "repeats">, repeats: number) {
    const key = `${t.linkId}|${t.day}`;
    const found = into.get(key);
    if (found) found.repeats += repeats;
    else into.set(key, { ...t, repeats });
  }

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
    if (!link || (v.shopDomain !== undefined && link.shopDomain !== v.shopDomain)) return { status: 404 };
    if (!link.live) return { status: 302, location: `https://${link.shopDomain}/` };
    const hash = hashOf(v.ip, v.userAgent);
    const isBot = isBotAgent(v.userAgent);
    const at = v.at.getTime();
    const countedAt = isBot ? undefined : countedHere.get(`${link.id}|${hash}`);
    if (countedAt !== undefined && at >= countedAt && at - countedAt < REPEAT_WINDOW_MS) {
      const day = shopDayOf(link.timeZone, at);
      tally(repeatsHere, { shopId: link.shopId, linkId: link.id, influencerId: link.influencerId, day }, 1);
    } else if (buffer.length < MAX_BUFFERED) {
      const utm = (name: string) => v.search.get(name)?.slice(0, 200) || null;
      buffer.push({
        shopId: link.shopId,
        timeZone: link.timeZone,
        linkId: link.id,
        influencerId: link.influencerId,
        occurredAt: v.at,
        visitorHash: hash,
        referrerHost: referrerHost(v.referer),
        utmSource: utm("utm_source"),
        utmMedium: utm("utm_medium"),
        utmCampaign: utm("utm_campaign"),
        utmContent: utm("utm_content"),
        utmTerm: utm("utm_term"),
        isBot,
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
  function writeBatch(batch: PendingClick[], repeats: Map<string, Tally>) {
    return db.$transaction((tx) => writeBatchIn(tx, batch, repeats), { maxWait: 15_000, timeout: 30_000 });
  }

  /** Writes the batch with the repeats tallied here; returns when each visitor who repeats was counted. */
  async function writeBatchIn(tx: Tx, batch: PendingClick[], repeats: Map<string, Tally>) {
    const tallies = new Map([...repeats].map(([key, t]) => [key, { ...t }]));
    if (!batch.length) {
      await writeTallies(tx, tallies);
      return [] as Array<readonly [string, number]>;
    }
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
    const repeated = new Set<string>(); // visitors who clicked again in this batch
    for (const click of [...batch].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())) {
      const key = `${click.linkId}|${click.visitorHash}`;
      const counted = clickCounts(click.isBot, lastCounted.get(key) ?? null, click.occurredAt);
      if (counted) lastCounted.set(key, click.occurredAt);
      if (counted || click.isBot) {
        rows.push({ ...click, counted });
        continue;
      }
      const day = shopDayOf(click.timeZone, click.occurredAt.getTime());
      tally(tallies, { shopId: click.shopId, linkId: click.linkId, influencerId: click.influencerId, day }, 1);
      repeated.add(key);
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
    await writeTallies(tx, tallies);
    // Remembered only for visitors who clicked again: most new visitors click once, and
    // remembering every one costs more than it saves.
    return [...repeated].map((key) => [key, lastCounted.get(key)!.getTime()] as const);
  }

  async function writeTallies(tx: Tx, tallies: Map<string, Tally>) {
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
    if (buffer.length === 0 && repeatsHere.size === 0) return;
    const batch = buffer;
    const repeats = repeatsHere;
    buffer = [];
    repeatsHere = new Map();
    flushing = writeBatch(batch, repeats)
      .then((counted) => {
        // Written: this server now knows these visitors' next clicks within the window are repeats.
        if (countedHere.size > 100_000) countedHere.clear();
        for (const [key, at] of counted) countedHere.set(key, at);
      })
      .catch((error: Error) => {
        console.error(`referral clicks not written yet (${batch.length}): ${error.message || error}`);
        buffer = batch.concat(buffer).slice(0, MAX_BUFFERED);
        for (const t of repeats.values()) tally(repeatsHere, t, t.repeats); // counted with the next batch
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
    pending: () => buffer.length + repeatsHere.size,
    stop: async () => {
      clearInterval(timer);
      await flush();
    },
  };
}

export function defaultVisitorSalt(apiSecret: string): string {
  return createHash("sha256").update(`visitor-salt:${apiSecret}`).digest("hex");
}
