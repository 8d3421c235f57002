// Reports read the daily roll-ups only, so their cost does not grow with the number of orders.
import type { CategoryKind } from "#db-client";
import { readInChunks } from "../platform/chunks.server";
import type { Db } from "../platform/db.server";
import { toCsv } from "../../domain/csv";
import { formatMinor } from "../../domain/money";
import { averageOrderValue, conversion, grossProfit, roas, roi } from "../../domain/roi";
import { dayStart, eachDay, nextDay, weeksAndDays } from "../../domain/shop-time";
import { DAY_SUMS } from "../ledger/rollups.server";

export type InfluencerFigures = {
  influencerId: string;
  name: string;
  email: string;
  codes: string;
  clicks: number;
  orders: number;
  newCustomerOrders: number;
  netSalesMinor: number;
  commissionMinor: number;
  costsMinor: number;
  roas: number | null;
  roi: number | null;
  conversion: number | null;
  aovMinor: number | null;
};

export async function influencerFigures(
  db: Db,
  shop: { id: string; grossMarginBps: number },
  from: string,
  to: string,
): Promise<InfluencerFigures[]> {
  const sumsOf = await periodSums(db, shop.id, from, to);
  const select = {
    id: true,
    name: true,
    email: true,
    codes: { select: { code: true }, orderBy: { createdAt: "asc" as const } },
  };
  // Every partner, with zeros until their first sale, and anyone else with figures in the period.
  const [partners, others] = await Promise.all([
    db.influencer.findMany({ where: { shopId: shop.id, status: { in: ["ACTIVE", "PAUSED"] } }, select }),
    readInChunks([...sumsOf.keys()], (ids) =>
      db.influencer.findMany({
        where: { shopId: shop.id, id: { in: ids }, status: { notIn: ["ACTIVE", "PAUSED"] } },
        select,
      }),
    ),
  ]);
  return [...partners, ...others]
    .map((i) => {
      const t: Partial<PeriodSums> = sumsOf.get(i.id) ?? {};
      const spend = { commissionMinor: t.commissionMinor ?? 0, costsMinor: t.costsMinor ?? 0 };
      const net = t.netSalesMinor ?? 0;
      return {
        influencerId: i.id,
        name: i.name,
        email: i.email,
        codes: i.codes.map((c) => c.code).join(" "),
        clicks: t.clicks ?? 0,
        orders: t.orders ?? 0,
        newCustomerOrders: t.newCustomerOrders ?? 0,
        netSalesMinor: net,
        commissionMinor: spend.commissionMinor,
        costsMinor: spend.costsMinor,
        roas: roas(net, spend),
        roi: roi(grossProfit(net, t.costOfGoodsMinor ?? 0, t.knownCostSalesMinor ?? 0, shop.grossMarginBps), spend),
        conversion: conversion(t.orders ?? 0, t.clicks ?? 0),
        aovMinor: averageOrderValue(net, t.orders ?? 0),
      };
    })
    .sort((a, b) => b.netSalesMinor - a.netSalesMinor || a.name.localeCompare(b.name));
}

/**
 * The figures a period's leaderboard sums: the columns the period indexes hold, so the database
 * reads the index alone, never the rows.
 */
const { codeOrders: _codeOrders, linkOrders: _linkOrders, ...PERIOD_SUMS } = DAY_SUMS; // the two it never shows
type PeriodSums = Record<keyof typeof PERIOD_SUMS, number>;

/**
 * Each influencer's sums over a period, by influencer: its whole weeks from the weekly roll-up
 * and the days left at either end from the daily one, so a month reads about five rows per
 * influencer instead of thirty.
 */
async function periodSums(db: Db, shopId: string, from: string, to: string): Promise<Map<string, PeriodSums>> {
  const { weeks, days } = weeksAndDays(from, to);
  const parts = await Promise.all([
    ...days.map(([first, last]) =>
      db.influencerDay.groupBy({
        by: ["influencerId"],
        where: { shopId, day: { gte: first, lte: last } },
        _sum: PERIOD_SUMS,
      }),
    ),
    ...(weeks
      ? [
          db.influencerWeek.groupBy({
            by: ["influencerId"],
            where: { shopId, week: { gte: weeks[0], lte: weeks[1] } },
            _sum: PERIOD_SUMS,
          }),
        ]
      : []),
  ]);
  const totals = new Map<string, PeriodSums>();
  for (const { influencerId, _sum } of parts.flat()) {
    const total =
      totals.get(influencerId) ?? (Object.fromEntries(Object.keys(PERIOD_SUMS).map((k) => [k, 0])) as PeriodSums);
    for (const key of Object.keys(PERIOD_SUMS) as Array<keyof PeriodSums>) total[key] += _sum?.[key] ?? 0;
    totals.set(influencerId, total);
  }
  return totals;
}

export const INFLUENCER_CSV_COLUMNS = [
  "influencer_id",
  "name",
  "email",
  "codes",
  "clicks",
  "orders",
  "net_sales",
  "commission",
  "costs",
  "roas",
  "roi",
  "currency",
];

const ratio = (value: number | null) => (value === null ? "" : value.toFixed(2));

export function influencerCsv(rows: InfluencerFigures[], currency: string): string {
  return toCsv(
    INFLUENCER_CSV_COLUMNS,
    rows.map((r) => [
      r.influencerId,
      r.name,
      r.email,
      r.codes,
      r.clicks,
      r.orders,
      formatMinor(r.netSalesMinor, currency),
      formatMinor(r.commissionMinor, currency),
      formatMinor(r.costsMinor, currency),
      ratio(r.roas),
      ratio(r.roi),
      currency,
    ]),
  );
}

export type CategoryFigures = {
  category: string;
  orders: number;
  units: number;
  netSalesMinor: number;
  share: number; // of the period's referred net sales in this kind of category
  influencers: Array<{
    influencerId: string;
    name: string;
    netSalesMinor: number;
    orders: number;
    units: number;
    conversion: number | null;
  }>;
};

/** Who sells which categories: per category, its total and the influencers it sells through. */
export async function categoryFigures(
  db: Db,
  shopId: string,
  kind: CategoryKind,
  from: string,
  to: string,
): Promise<CategoryFigures[]> {
  const [byPair, clicks] = await Promise.all([
    db.influencerCategoryDay.groupBy({
      by: ["category", "influencerId"],
      where: { shopId, kind, day: { gte: from, lte: to } },
      _sum: { orders: true, units: true, netSalesMinor: true },
    }),
    db.influencerDay.groupBy({
      by: ["influencerId"],
      where: { shopId, day: { gte: from, lte: to } },
      _sum: { clicks: true },
    }),
  ]);
  const names = new Map(
    (
      await readInChunks([...new Set(byPair.map((p) => p.influencerId))], (ids) =>
        db.influencer.findMany({ where: { shopId, id: { in: ids } }, select: { id: true, name: true } }),
      )
    ).map((i) => [i.id, i.name]),
  );
  const clicksOf = new Map(clicks.map((c) => [c.influencerId, c._sum.clicks ?? 0]));
  const total = byPair.reduce((sum, p) => sum + (p._sum.netSalesMinor ?? 0), 0);
  const categories = new Map<string, CategoryFigures>();
  for (const p of byPair) {
    const entry = categories.get(p.category) ?? {
      category: p.category,
      orders: 0,
      units: 0,
      netSalesMinor: 0,
      share: 0,
      influencers: [],
    };
    entry.orders += p._sum.orders ?? 0;
    entry.units += p._sum.units ?? 0;
    entry.netSalesMinor += p._sum.netSalesMinor ?? 0;
    entry.influencers.push({
      influencerId: p.influencerId,
      name: names.get(p.influencerId) ?? "",
      netSalesMinor: p._sum.netSalesMinor ?? 0,
      orders: p._sum.orders ?? 0,
      units: p._sum.units ?? 0,
      conversion: conversion(p._sum.orders ?? 0, clicksOf.get(p.influencerId) ?? 0),
    });
    categories.set(p.category, entry);
  }
  return [...categories.values()]
    .map((c) => ({
      ...c,
      share: total ? c.netSalesMinor / total : 0,
      influencers: c.influencers.sort((a, b) => b.netSalesMinor - a.netSalesMinor),
    }))
    .sort((a, b) => b.netSalesMinor - a.netSalesMinor || a.category.localeCompare(b.category));
}

export const CATEGORY_CSV_COLUMNS = [
  "group_by",
  "category",
  "influencer_id",
  "influencer",
  "orders",
  "units",
  "net_sales",
  "conversion",
  "currency",
];

/** Who sells which categories: one row per category and influencer, the biggest first. */
export function categoryCsv(kind: CategoryKind, categories: CategoryFigures[], currency: string): string {
  const groupBy = kind === "COLLECTION" ? "collection" : "product_type";
  return toCsv(
    CATEGORY_CSV_COLUMNS,
    categories.flatMap((c) =>
      c.influencers.map((i) => [
        groupBy,
        c.category,
        i.influencerId,
        i.name,
        i.orders,
        i.units,
        formatMinor(i.netSalesMinor, currency),
        ratio(i.conversion),
        currency,
      ]),
    ),
  );
}

/** One influencer's figures for a period: the funnel, codes against links, categories, spend and ROI. */
export async function influencerPerformance(
  db: Db,
  shop: { id: string; grossMarginBps: number; timezone: string },
  influencerId: string,
  from: string,
  to: string,
) {
  const categoryWhere = (kind: CategoryKind) => ({
    by: ["category" as const],
    where: { shopId: shop.id, influencerId, kind, day: { gte: from, lte: to } },
    _sum: { netSalesMinor: true as const, units: true as const },
    orderBy: { _sum: { netSalesMinor: "desc" as const } },
    take: 5,
  });
  const [days, categories, collections, products] = await Promise.all([
    db.influencerDay.findMany({
      where: { shopId: shop.id, influencerId, day: { gte: from, lte: to } },
      orderBy: { day: "asc" },
    }),
    db.influencerCategoryDay.groupBy(categoryWhere("PRODUCT_TYPE")),
    db.influencerCategoryDay.groupBy(categoryWhere("COLLECTION")),
    topProducts(db, shop, influencerId, from, to),
  ]);
  const sum = (pick: (d: (typeof days)[number]) => number) => days.reduce((s, d) => s + pick(d), 0);
  const spend = { commissionMinor: sum((d) => d.commissionMinor), costsMinor: sum((d) => d.costsMinor) };
  const net = sum((d) => d.netSalesMinor);
  const orders = sum((d) => d.orders);
  const clicks = sum((d) => d.clicks);
  const byDay = new Map(days.map((d) => [d.day, d]));
  const series = eachDay(from, to).map((day) => {
    return { day, netSalesMinor: byDay.get(day)?.netSalesMinor ?? 0, orders: byDay.get(day)?.orders ?? 0 };
  });
  const category = (c: { category: string; _sum: { netSalesMinor: number | null; units: number | null } }) => ({
    category: c.category,
    netSalesMinor: c._sum.netSalesMinor ?? 0,
    units: c._sum.units ?? 0,
  });
  return {
    series,
    topCollections: collections.map(category),
    topProducts: products,
    clicks,
    orders,
    codeOrders: sum((d) => d.codeOrders),
    linkOrders: sum((d) => d.linkOrders),
    newCustomerOrders: sum((d) => d.newCustomerOrders),
    netSalesMinor: net,
    ...spend,
    conversion: conversion(orders, clicks),
    roas: roas(net, spend),
    roi: roi(
      grossProfit(
        net,
        sum((d) => d.costOfGoodsMinor),
        sum((d) => d.knownCostSalesMinor),
        shop.grossMarginBps,
      ),
      spend,
    ),
    topCategories: categories.map(category),
  };
}

/** The products an influencer's orders of the period bought most (net of refunds). */
async function topProducts(
  db: Db,
  shop: { id: string; timezone: string },
  influencerId: string,
  from: string,
  to: string,
) {
  const timezone = shop.timezone;
  const lines = await db.orderLine.groupBy({
    by: ["title"],
    where: {
      shopId: shop.id,
      order: {
        influencerId,
        selfReferral: false,
        cancelledAt: null,
        placedAt: { gte: dayStart(from, timezone), lt: dayStart(nextDay(to), timezone) },
      },
    },
    _sum: { netMinor: true, refundedMinor: true, quantity: true, refundedQuantity: true },
  });
  return lines
    .map((l) => ({
      title: l.title,
      netSalesMinor: (l._sum.netMinor ?? 0) - (l._sum.refundedMinor ?? 0),
      units: (l._sum.quantity ?? 0) - (l._sum.refundedQuantity ?? 0),
    }))
    .filter((p) => p.units > 0 || p.netSalesMinor > 0)
    .sort((a, b) => b.netSalesMinor - a.netSalesMinor || a.title.localeCompare(b.title))
    .slice(0, 5);
}

export const ORDER_CSV_COLUMNS = [
  "order",
  "placed_at",
  "influencer",
  "source",
  "code",
  "link",
  "new_customer",
  "net_sales",
  "refunded",
  "commission",
  "status",
  "currency",
  "credited_by",
];

/**
 * The referred orders of a period as CSV, streamed page by page so that a year of orders never
 * sits in memory. No shopper data: the order name, not the customer.
 */
export function orderCsvStream(
  db: Db,
  shop: { id: string; currency: string; timezone: string },
  from: Date,
  to: Date,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(toCsv(ORDER_CSV_COLUMNS, [])));
        return;
      }
      const page = await db.order.findMany({
        where: { shopId: shop.id, influencerId: { not: null }, placedAt: { gte: from, lt: to } },
        orderBy: { id: "asc" },
        take: 500,
        ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
        include: {
          influencer: { select: { name: true } },
          commission: { include: { adjustments: { select: { amountMinor: true } } } },
        },
      });
      if (!page.length) return controller.close();
      cursor = page[page.length - 1].id;
      const rows = page.map((o) => [
        o.name,
        o.placedAt.toISOString(),
        o.influencer?.name ?? "",
        o.source.toLowerCase(),
        o.attributedCode ?? "",
        o.attributedSlug ?? "",
        o.isNewCustomer ? "yes" : "no",
        formatMinor(o.netSalesMinor, o.currency),
        formatMinor(o.refundedMinor, o.currency),
        o.commission && o.commission.status !== "VOID"
          ? formatMinor(
              o.commission.amountMinor + o.commission.adjustments.reduce((s, a) => s + a.amountMinor, 0),
              o.currency,
            )
          : "0.00",
        o.cancelledAt ? "cancelled" : (o.commission?.status.toLowerCase() ?? (o.selfReferral ? "self-referral" : "")),
        o.currency,
        o.attributionReason,
      ]);
      // Rows only: the header went first.
      controller.enqueue(encoder.encode(toCsv(ORDER_CSV_COLUMNS, rows).split("\r\n").slice(1).join("\r\n")));
    },
  });
}
