// Daily roll-ups (InfluencerDay): one row per influencer and shop-timezone day, recomputed from
// its source rows whenever something of that day changes (an order settled, a click batch
// written, a cost added). Recomputing rather than adding makes duplicated and out-of-order
// deliveries harmless, and the work stays bounded by one influencer's day.
import type { Tx } from "../db.server";
import { dayStart, nextDay, shopDay } from "../domain/roi";
import { upsertRacing } from "./db-errors.server";

export async function refreshInfluencerDay(tx: Tx, shop: { id: string; timezone: string }, influencerId: string, day: string) {
  const from = dayStart(day, shop.timezone);
  const to = dayStart(nextDay(day), shop.timezone);
  const orderWhere = { shopId: shop.id, influencerId, selfReferral: false, cancelledAt: null, placedAt: { gte: from, lt: to } };
  const [orders, clicks, costs, commissions, adjustments, lines] = await Promise.all([
    tx.order.findMany({ where: orderWhere, select: { source: true, isNewCustomer: true, netSalesMinor: true } }),
    tx.click.count({ where: { shopId: shop.id, influencerId, counted: true, occurredAt: { gte: from, lt: to } } }),
    tx.cost.aggregate({ where: { shopId: shop.id, influencerId, incurredOn: { gte: from, lt: to } }, _sum: { amountMinor: true } }),
    tx.commission.aggregate({
      where: { shopId: shop.id, influencerId, status: { not: "VOID" }, order: { placedAt: { gte: from, lt: to } } },
      _sum: { amountMinor: true },
    }),
    tx.commissionAdjustment.aggregate({
      where: { shopId: shop.id, influencerId, commission: { status: { not: "VOID" }, order: { placedAt: { gte: from, lt: to } } } },
      _sum: { amountMinor: true },
    }),
    tx.orderLine.findMany({
      where: { shopId: shop.id, order: orderWhere, product: { unitCostMinor: { not: null } } },
      select: { quantity: true, refundedQuantity: true, netMinor: true, refundedMinor: true, product: { select: { unitCostMinor: true } } },
    }),
  ]);
  const data = {
    clicks,
    orders: orders.length,
    codeOrders: orders.filter((o) => o.source === "CODE").length,
    linkOrders: orders.filter((o) => o.source === "LINK").length,
    newCustomerOrders: orders.filter((o) => o.isNewCustomer).length,
    netSalesMinor: orders.reduce((sum, o) => sum + o.netSalesMinor, 0),
    knownCostSalesMinor: lines.reduce((sum, l) => sum + l.netMinor - l.refundedMinor, 0),
    costOfGoodsMinor: lines.reduce((sum, l) => sum + (l.product?.unitCostMinor ?? 0) * (l.quantity - l.refundedQuantity), 0),
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
}

/** After an order changed: its day, for its influencer and for one it may have belonged to before. */
export async function refreshOrderDays(tx: Tx, orderId: string, previousInfluencerId: string | null) {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { influencerId: true, placedAt: true, shop: { select: { id: true, timezone: true } } } });
  const day = shopDay(order.placedAt, order.shop.timezone);
  for (const influencerId of new Set([order.influencerId, previousInfluencerId].filter((id): id is string => Boolean(id)))) {
    await refreshInfluencerDay(tx, order.shop, influencerId, day);
  }
}

/** After a click batch: every influencer-day it touched. */
export async function refreshClickDays(tx: Tx, clicks: Array<{ shopId: string; influencerId: string; occurredAt: Date }>) {
  const shops = new Map<string, string>();
  for (const shopId of new Set(clicks.map((c) => c.shopId))) {
    const shop = await tx.shop.findUnique({ where: { id: shopId }, select: { timezone: true } });
    if (shop) shops.set(shopId, shop.timezone);
  }
  const seen = new Set<string>();
  for (const click of clicks) {
    const timezone = shops.get(click.shopId);
    if (!timezone) continue;
    const day = shopDay(click.occurredAt, timezone);
    const key = `${click.influencerId}|${day}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await refreshInfluencerDay(tx, { id: click.shopId, timezone }, click.influencerId, day);
  }
}
