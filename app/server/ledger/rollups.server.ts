// Daily roll-ups (InfluencerDay): one row per influencer and shop-timezone day, recomputed from
// its source rows whenever something of that day changes (an order settled, a click batch
// written, a cost added). Recomputing rather than adding makes duplicated and out-of-order
// deliveries harmless, and the work stays bounded by one influencer's day.
import { productCollections } from "../platform/json-columns.server";
import type { DatabaseKind } from "../platform/database-url";
import type { Tx } from "../platform/db.server";
import { categoryTotals, type CategoryLine } from "../../domain/categories";
import { addDays, dayStart, nextDay, shopDay, weekOf } from "../../domain/shop-time";
import { upsertRacing } from "../platform/db-errors.server";
import { lockKeys } from "../platform/locks.server";

/** What the roll-ups read of an order line: its category, its net after refunds, its product's cost. */
const ROLLUP_LINE = {
  orderId: true,
  productType: true,
  quantity: true,
  refundedQuantity: true,
  netMinor: true,
  refundedMinor: true,
  product: { select: { unitCostMinor: true, collections: true } },
} as const;

export async function refreshInfluencerDay(
  tx: Tx,
  shop: { id: string; timezone: string },
  influencerId: string,
  day: string,
) {
  const from = dayStart(day, shop.timezone);
  const to = dayStart(nextDay(day), shop.timezone);
  const orderWhere = {
    shopId: shop.id,
    influencerId,
    selfReferral: false,
    cancelledAt: null,
    placedAt: { gte: from, lt: to },
  };
  const [orders, clicks, costs, commissions, adjustments, lines] = await Promise.all([
    tx.order.findMany({ where: orderWhere, select: { source: true, isNewCustomer: true, netSalesMinor: true } }),
    tx.click.count({ where: { shopId: shop.id, influencerId, counted: true, occurredAt: { gte: from, lt: to } } }),
    tx.cost.aggregate({
      where: { shopId: shop.id, influencerId, incurredOn: { gte: from, lt: to } },
      _sum: { amountMinor: true },
    }),
    tx.commission.aggregate({
      where: { shopId: shop.id, influencerId, status: { not: "VOID" }, order: { placedAt: { gte: from, lt: to } } },
      _sum: { amountMinor: true },
    }),
    tx.commissionAdjustment.aggregate({
      where: {
        shopId: shop.id,
        influencerId,
        commission: { status: { not: "VOID" }, order: { placedAt: { gte: from, lt: to } } },
      },
      _sum: { amountMinor: true },
    }),
    tx.orderLine.findMany({
      where: { shopId: shop.id, order: orderWhere },
      select: ROLLUP_LINE,
    }),
  ]);
  const costed = lines.filter((l) => l.product?.unitCostMinor != null);
  const data = {
    clicks,
    orders: orders.length,
    codeOrders: orders.filter((o) => o.source === "CODE").length,
    linkOrders: orders.filter((o) => o.source === "LINK").length,
    newCustomerOrders: orders.filter((o) => o.isNewCustomer).length,
    netSalesMinor: orders.reduce((sum, o) => sum + o.netSalesMinor, 0),
    knownCostSalesMinor: costed.reduce((sum, l) => sum + l.netMinor - l.refundedMinor, 0),
    costOfGoodsMinor: costed.reduce(
      (sum, l) => sum + (l.product?.unitCostMinor ?? 0) * (l.quantity - l.refundedQuantity),
      0,
    ),
    commissionMinor: (commissions._sum.amountMinor ?? 0) + (adjustments._sum.amountMinor ?? 0),
    costsMinor: costs._sum.amountMinor ?? 0,
  };
  await upsertRacing(() =>
    tx.influencerDay.upsert({
      where: { influencerId_day: { influencerId, day } },
      create: { shopId: shop.id, influencerId, day, ...data },
      update: data,
    }),
  );
  await tx.influencerCategoryDay.deleteMany({ where: { influencerId, day } });
  const categories = categoryTotals(lines.map(categoryLine));
  if (categories.length) {
    await tx.influencerCategoryDay.createMany({
      data: categories.map((c) => ({ shopId: shop.id, influencerId, day, ...c })),
    });
  }
}

function categoryLine(l: {
  orderId: string;
  productType: string;
  quantity: number;
  refundedQuantity: number;
  netMinor: number;
  refundedMinor: number;
  product: { collections: string } | null;
}): CategoryLine {
  const collections = l.product ? productCollections.read(l.product.collections) : [];
  return {
    orderId: l.orderId,
    productType: l.productType,
    collections,
    units: l.quantity - l.refundedQuantity,
    netMinor: l.netMinor - l.refundedMinor,
  };
}

/**
 * The influencer-days that changed while orders were applied, refreshed once at the end of the
 * transaction: a batch of a hundred orders of one influencer's day refreshes that day once.
 */
export class DaysToRefresh {
  private readonly days = new Map<
    string,
    { shop: { id: string; timezone: string }; influencerId: string; day: string }
  >();

  /** The order's day, for its influencer and for one it may have belonged to before. */
  addOrder(shop: { id: string; timezone: string }, placedAt: Date, influencerIds: Array<string | null>) {
    const day = shopDay(placedAt, shop.timezone);
    for (const influencerId of influencerIds) {
      if (influencerId) this.days.set(`${influencerId}|${day}`, { shop, influencerId, day });
    }
  }

  async refresh(tx: Tx, kind: DatabaseKind) {
    await refreshDays(tx, kind, [...this.days.values()]);
    this.days.clear();
  }
}

type DayKey = { shop: { id: string; timezone: string }; influencerId: string; day: string };

/**
 * Refreshes influencer-days, then the influencer-weeks and shop-days they belong to, each once. On
 * PostgreSQL they are locked first (after any order locks, never before: no cycle of waits), so
 * two transactions refreshing one day or week take turns, and the second reads what the first
 * committed.
 */
export async function refreshDays(tx: Tx, kind: DatabaseKind, days: DayKey[]) {
  if (!days.length) return;
  const weeks = new Map<string, { shopId: string; influencerId: string; week: string }>();
  for (const { shop, influencerId, day } of days) {
    const week = weekOf(day);
    weeks.set(`${influencerId}|${week}`, { shopId: shop.id, influencerId, week });
  }
  await lockKeys(tx, kind, [
    ...days.map((d) => `${d.influencerId}:day:${d.day}`),
    ...[...weeks.values()].map((w) => `${w.influencerId}:week:${w.week}`),
    ...days.map((d) => `${d.shop.id}:shop-day:${d.day}`),
  ]);
  const shopDays = new Map<string, { shopId: string; day: string }>();
  for (const { shop, influencerId, day } of days) {
    await refreshInfluencerDay(tx, shop, influencerId, day);
    shopDays.set(`${shop.id}|${day}`, { shopId: shop.id, day });
  }
  for (const week of weeks.values()) await refreshInfluencerWeek(tx, week);
  for (const { shopId, day } of shopDays.values()) await refreshShopDay(tx, shopId, day);
}

/** An influencer's week is the sum of their seven days. */
async function refreshInfluencerWeek(
  tx: Tx,
  { shopId, influencerId, week }: { shopId: string; influencerId: string; week: string },
) {
  const sum = await tx.influencerDay.aggregate({
    where: { influencerId, day: { gte: week, lte: addDays(week, 6) } },
    _sum: DAY_SUMS,
  });
  const data = sumsOrZero(sum._sum);
  await upsertRacing(() =>
    tx.influencerWeek.upsert({
      where: { influencerId_week: { influencerId, week } },
      create: { shopId, influencerId, week, ...data },
      update: data,
    }),
  );
}

function sumsOrZero(sums: Partial<Record<keyof typeof DAY_SUMS, number | null>>): DayRow {
  return Object.fromEntries(Object.keys(DAY_SUMS).map((k) => [k, sums[k as keyof typeof DAY_SUMS] ?? 0])) as DayRow;
}

/** A shop's day is the sum of its influencers' days. */
async function refreshShopDay(tx: Tx, shopId: string, day: string) {
  const sum = await tx.influencerDay.aggregate({ where: { shopId, day }, _sum: DAY_SUMS });
  const data = sumsOrZero(sum._sum);
  await upsertRacing(() =>
    tx.shopDay.upsert({ where: { shopId_day: { shopId, day } }, create: { shopId, day, ...data }, update: data }),
  );
}

/** Every figure a day row sums: reports add them up over a period. */
export const DAY_SUMS = {
  clicks: true,
  orders: true,
  codeOrders: true,
  linkOrders: true,
  newCustomerOrders: true,
  netSalesMinor: true,
  knownCostSalesMinor: true,
  costOfGoodsMinor: true,
  commissionMinor: true,
  costsMinor: true,
} as const;

/** After a click batch: every influencer-day it touched. */
export async function refreshClickDays(
  tx: Tx,
  kind: DatabaseKind,
  clicks: Array<{ shopId: string; influencerId: string; occurredAt: Date }>,
) {
  const shops = new Map<string, string>();
  for (const shopId of new Set(clicks.map((c) => c.shopId))) {
    const shop = await tx.shop.findUnique({ where: { id: shopId }, select: { timezone: true } });
    if (shop) shops.set(shopId, shop.timezone);
  }
  const days = new Map<string, DayKey>();
  for (const click of clicks) {
    const timezone = shops.get(click.shopId);
    if (!timezone) continue;
    const day = shopDay(click.occurredAt, timezone);
    days.set(`${click.influencerId}|${day}`, {
      shop: { id: click.shopId, timezone },
      influencerId: click.influencerId,
      day,
    });
  }
  await refreshDays(tx, kind, [...days.values()]);
}

type DayRow = {
  clicks: number;
  orders: number;
  codeOrders: number;
  linkOrders: number;
  newCustomerOrders: number;
  netSalesMinor: number;
  knownCostSalesMinor: number;
  costOfGoodsMinor: number;
  commissionMinor: number;
  costsMinor: number;
};

/**
 * Builds every roll-up of a shop again from its source rows, in a few queries: for data loaded in
 * bulk (the demo seed, an import) and as a repair (npm run reports:rebuild). Gives the same rows as
 * refreshing each day one by one.
 */
export async function rebuildRollups(db: Tx, shopId: string) {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { id: true, timezone: true } });
  const rows = new Map<string, DayRow & { influencerId: string; day: string }>();
  const row = (influencerId: string, at: Date) => {
    const day = shopDay(at, shop.timezone);
    const key = `${influencerId}|${day}`;
    let found = rows.get(key);
    if (!found) {
      found = {
        influencerId,
        day,
        clicks: 0,
        orders: 0,
        codeOrders: 0,
        linkOrders: 0,
        newCustomerOrders: 0,
        netSalesMinor: 0,
        knownCostSalesMinor: 0,
        costOfGoodsMinor: 0,
        commissionMinor: 0,
        costsMinor: 0,
      };
      rows.set(key, found);
    }
    return found;
  };
  const [orders, clicks, costs, commissions] = await Promise.all([
    db.order.findMany({
      where: { shopId, influencerId: { not: null }, selfReferral: false, cancelledAt: null },
      select: {
        influencerId: true,
        placedAt: true,
        source: true,
        isNewCustomer: true,
        netSalesMinor: true,
        lines: {
          select: ROLLUP_LINE,
        },
      },
    }),
    db.click.findMany({ where: { shopId, counted: true }, select: { influencerId: true, occurredAt: true } }),
    db.cost.findMany({ where: { shopId }, select: { influencerId: true, incurredOn: true, amountMinor: true } }),
    db.commission.findMany({
      where: { shopId, status: { not: "VOID" } },
      select: {
        influencerId: true,
        amountMinor: true,
        order: { select: { placedAt: true } },
        adjustments: { select: { amountMinor: true } },
      },
    }),
  ]);
  const categoryLines = new Map<string, { influencerId: string; day: string; lines: CategoryLine[] }>();
  for (const o of orders) {
    const r = row(o.influencerId!, o.placedAt);
    const group = categoryLines.get(`${r.influencerId}|${r.day}`) ?? {
      influencerId: r.influencerId,
      day: r.day,
      lines: [],
    };
    group.lines.push(...o.lines.map(categoryLine));
    categoryLines.set(`${r.influencerId}|${r.day}`, group);
    r.orders += 1;
    if (o.source === "CODE") r.codeOrders += 1;
    if (o.source === "LINK") r.linkOrders += 1;
    if (o.isNewCustomer) r.newCustomerOrders += 1;
    r.netSalesMinor += o.netSalesMinor;
    for (const l of o.lines) {
      if (l.product?.unitCostMinor == null) continue;
      r.knownCostSalesMinor += l.netMinor - l.refundedMinor;
      r.costOfGoodsMinor += l.product.unitCostMinor * (l.quantity - l.refundedQuantity);
    }
  }
  for (const c of clicks) row(c.influencerId, c.occurredAt).clicks += 1;
  for (const c of costs) row(c.influencerId, c.incurredOn).costsMinor += c.amountMinor;
  for (const c of commissions) {
    row(c.influencerId, c.order.placedAt).commissionMinor +=
      c.amountMinor + c.adjustments.reduce((sum, a) => sum + a.amountMinor, 0);
  }
  await db.influencerDay.deleteMany({ where: { shopId } });
  const data = [...rows.values()].map((r) => ({ shopId, ...r }));
  for (let i = 0; i < data.length; i += 500) await db.influencerDay.createMany({ data: data.slice(i, i + 500) });
  const byWeek = new Map<string, DayRow & { shopId: string; influencerId: string; week: string }>();
  const byDay = new Map<string, DayRow & { shopId: string; day: string }>();
  for (const { influencerId, day, ...sums } of data) {
    const week = weekOf(day);
    addTo(byWeek, `${influencerId}|${week}`, { ...sums, influencerId, week });
    addTo(byDay, day, { ...sums, day });
  }
  await db.influencerWeek.deleteMany({ where: { shopId } });
  const weeks = [...byWeek.values()];
  for (let i = 0; i < weeks.length; i += 500) await db.influencerWeek.createMany({ data: weeks.slice(i, i + 500) });
  await db.shopDay.deleteMany({ where: { shopId } });
  const shopDays = [...byDay.values()];
  for (let i = 0; i < shopDays.length; i += 500) await db.shopDay.createMany({ data: shopDays.slice(i, i + 500) });
  await db.influencerCategoryDay.deleteMany({ where: { shopId } });
  const categoryRows = [...categoryLines.values()].flatMap((g) =>
    categoryTotals(g.lines).map((c) => ({ shopId, influencerId: g.influencerId, day: g.day, ...c })),
  );
  for (let i = 0; i < categoryRows.length; i += 500)
    await db.influencerCategoryDay.createMany({ data: categoryRows.slice(i, i + 500) });
  return data.length;
}

/** Adds a row's sums to the total kept under a key (the row itself the first time). */
function addTo<T extends DayRow>(totals: Map<string, T>, key: string, row: T) {
  const total = totals.get(key);
  if (!total) totals.set(key, row);
  else for (const k of Object.keys(DAY_SUMS) as Array<keyof DayRow>) total[k] += row[k];
}
