// The home dashboard: the period's totals against the previous period, sales per day, and the
// leaderboard, all from the daily roll-ups.
import type { Db } from "../platform/db.server";
import { change, conversion, grossProfit, roas, roi } from "../../domain/roi";
import { addDays, daysIn, eachDay } from "../../domain/shop-time";
import { trendsByInfluencer } from "../../domain/trends";
import { influencerFigures } from "./reports.server";
import { DAY_SUMS } from "../ledger/rollups.server";

async function totals(db: Db, shop: { id: string; grossMarginBps: number }, from: string, to: string) {
  const sum = await db.shopDay.aggregate({
    where: { shopId: shop.id, day: { gte: from, lte: to } },
    _sum: DAY_SUMS,
  });
  const t = sum._sum;
  const spend = { commissionMinor: t.commissionMinor ?? 0, costsMinor: t.costsMinor ?? 0 };
  const net = t.netSalesMinor ?? 0;
  return {
    netSalesMinor: net,
    orders: t.orders ?? 0,
    clicks: t.clicks ?? 0,
    newCustomerOrders: t.newCustomerOrders ?? 0,
    commissionMinor: spend.commissionMinor,
    costsMinor: spend.costsMinor,
    conversion: conversion(t.orders ?? 0, t.clicks ?? 0),
    roas: roas(net, spend),
    roi: roi(grossProfit(net, t.costOfGoodsMinor ?? 0, t.knownCostSalesMinor ?? 0, shop.grossMarginBps), spend),
  };
}

export async function dashboard(db: Db, shop: { id: string; grossMarginBps: number }, from: string, to: string) {
  const previousTo = addDays(from, -1);
  const previousFrom = addDays(from, -daysIn(from, to));
  const [current, previous, perDay, leaderboard, paid] = await Promise.all([
    totals(db, shop, from, to),
    totals(db, shop, previousFrom, previousTo),
    db.shopDay.findMany({
      where: { shopId: shop.id, day: { gte: from, lte: to } },
      select: { day: true, netSalesMinor: true, orders: true },
    }),
    influencerFigures(db, shop, from, to),
    db.payout.aggregate({ where: { shopId: shop.id, status: "PAID" }, _sum: { amountMinor: true } }),
  ]);
  // Sparklines for the leaderboard's first page; the page asks for others as they are shown.
  const trends = await influencerTrends(
    db,
    shop.id,
    leaderboard.slice(0, TRENDS_UP_FRONT).map((r) => r.influencerId),
    from,
    to,
  );
  const byDay = new Map(perDay.map((d) => [d.day, d]));
  const series = eachDay(from, to).map((day) => {
    const found = byDay.get(day);
    return { day, netSalesMinor: found?.netSalesMinor ?? 0, orders: found?.orders ?? 0 };
  });
  const changes = {
    netSales: change(current.netSalesMinor, previous.netSalesMinor),
    orders: change(current.orders, previous.orders),
    clicks: change(current.clicks, previous.clicks),
    commission: change(current.commissionMinor, previous.commissionMinor),
    costs: change(current.costsMinor, previous.costsMinor),
  };
  return {
    current,
    previous,
    changes,
    series,
    leaderboard,
    trends,
    paidAllTimeMinor: paid._sum.amountMinor ?? 0,
    previousFrom,
    previousTo,
  };
}

const TRENDS_UP_FRONT = 25;

/** Net sales per day of the range for some of the shop's influencers (at most 100), 0 on days without sales. */
export async function influencerTrends(
  db: Db,
  shopId: string,
  influencerIds: string[],
  from: string,
  to: string,
): Promise<Record<string, number[]>> {
  // The shop's own influencers first, then their days by the (influencer, day) key: a filter on
  // the shop there would make the database walk all the shop's days of the period.
  const owned = influencerIds.length
    ? await db.influencer.findMany({ where: { shopId, id: { in: influencerIds.slice(0, 100) } }, select: { id: true } })
    : [];
  const ids = owned.map((i) => i.id);
  const rows = ids.length
    ? await db.influencerDay.findMany({
        where: { influencerId: { in: ids }, day: { gte: from, lte: to } },
        select: { influencerId: true, day: true, netSalesMinor: true },
      })
    : [];
  const length = daysIn(from, to);
  const trends = trendsByInfluencer(rows, from, length);
  return Object.fromEntries(ids.map((id) => [id, trends.get(id) ?? new Array<number>(length).fill(0)]));
}
