// Commissions follow their order: created when an attributed order is settled, recomputed while
// pending if the order's amounts change, voided when it is cancelled, clawed back (a negative
// adjustment per refund) when money goes back to the shopper. Runs inside the orders' transaction,
// for a batch of orders at a time.
import {
  auditDetails,
  commissionOverrides,
  commissionRule,
  commissionTiers,
  productCollections,
} from "../platform/json-columns.server";
import type { Commission, CommissionKind } from "#db-client";
import type { DatabaseKind } from "../platform/database-url";
import type { Db, Tx } from "../platform/db.server";
import type { CommissionRuleTerms } from "../../domain/commission";
import { planCommission, type RuleSnapshot } from "../../domain/commission-settlement";
import { previousShopMonth } from "../../domain/shop-time";
import { bulkInsert, orderedId, type ColumnsOf } from "../platform/bulk-insert.server";
import { countInChunks, readInChunks } from "../platform/chunks.server";

const DAY_MS = 86_400_000;

type RuleRow = {
  kind: CommissionKind;
  percentBps: number;
  fixedMinor: number;
  tiers: string;
  overrides: string;
  newCustomerBonusMinor: number;
};

/** The rule in force for an influencer: their own, else the shop's (with their own rate, if set). */
function termsOf(
  own: RuleRow | undefined,
  shopRule: RuleRow | undefined,
  influencerBps: number | null,
  shopDefaultBps: number,
): CommissionRuleTerms {
  const row = own ?? shopRule;
  const terms: CommissionRuleTerms = row
    ? {
        kind: row.kind,
        percentBps: row.percentBps,
        fixedMinor: row.fixedMinor,
        tiers: commissionTiers.read(row.tiers),
        overrides: commissionOverrides.read(row.overrides),
        newCustomerBonusMinor: row.newCustomerBonusMinor,
      }
    : {
        kind: "PERCENT",
        percentBps: shopDefaultBps,
        fixedMinor: 0,
        tiers: [],
        overrides: [],
        newCustomerBonusMinor: 0,
      };
  if (!own && influencerBps != null) terms.percentBps = influencerBps;
  return terms;
}

type NewCommissionOrder = { shopId: string; influencerId: string; placedAt: Date };

/**
 * The rule in force for each of these orders' influencers, with the influencer's net sales in the
 * shop's month before the order's: read once per batch (rules, rates, one sum per month), not per order.
 */
async function rulesNow(tx: Tx, orders: NewCommissionOrder[]): Promise<(order: NewCommissionOrder) => RuleSnapshot> {
  const shopIds = [...new Set(orders.map((o) => o.shopId))];
  const influencerIds = [...new Set(orders.map((o) => o.influencerId))];
  const [rules, influencers, shops] = await Promise.all([
    tx.commissionRule.findMany({
      where: { OR: [{ influencerId: { in: influencerIds } }, { shopId: { in: shopIds }, influencerId: null }] },
    }),
    tx.influencer.findMany({ where: { id: { in: influencerIds } }, select: { id: true, commissionBps: true } }),
    tx.shop.findMany({
      where: { id: { in: shopIds } },
      select: { id: true, defaultCommissionBps: true, timezone: true },
    }),
  ]);
  const timeZones = new Map(shops.map((s) => [s.id, s.timezone]));
  // Tiers count the shop's calendar month: an order on the 1st at 00:30 in New York is December's.
  // (previousShopMonth works each shop month out once, so asking again per order costs a lookup.)
  const lastMonthOf = (order: NewCommissionOrder) =>
    previousShopMonth(order.placedAt, timeZones.get(order.shopId) ?? "UTC");
  const months = new Map<string, { shopId: string; span: ReturnType<typeof previousShopMonth> }>();
  for (const order of orders) {
    const span = lastMonthOf(order);
    months.set(`${order.shopId}|${span.month}`, { shopId: order.shopId, span });
  }
  const sales = new Map<string, number>();
  for (const { shopId, span } of months.values()) {
    const sums = await tx.order.groupBy({
      by: ["influencerId"],
      where: {
        shopId,
        influencerId: { in: influencerIds },
        selfReferral: false,
        placedAt: { gte: span.start, lt: span.end },
      },
      _sum: { netSalesMinor: true },
    });
    for (const sum of sums) sales.set(`${sum.influencerId}|${span.month}`, sum._sum.netSalesMinor ?? 0);
  }
  const own = new Map(rules.filter((r) => r.influencerId).map((r) => [r.influencerId!, r]));
  const shopRules = new Map(rules.filter((r) => !r.influencerId).map((r) => [r.shopId, r]));
  const rates = new Map(influencers.map((i) => [i.id, i.commissionBps]));
  const defaults = new Map(shops.map((s) => [s.id, s.defaultCommissionBps]));
  return (order) => ({
    terms: termsOf(
      own.get(order.influencerId),
      shopRules.get(order.shopId),
      rates.get(order.influencerId) ?? null,
      defaults.get(order.shopId) ?? 0,
    ),
    lastMonthSalesMinor: sales.get(`${order.influencerId}|${lastMonthOf(order).month}`) ?? 0,
  });
}

const COMMISSION_COLUMNS = {
  id: "text",
  shopId: "text",
  influencerId: "text",
  orderId: "text",
  status: "enum:CommissionStatus",
  amountMinor: "integer",
  currency: "text",
  baseMinor: "integer",
  rule: "text",
  holdUntil: "timestamp",
  createdAt: "timestamp",
  updatedAt: "timestamp",
} satisfies ColumnsOf<Commission, "approvedAt" | "paidAt" | "payoutId">;

/**
 * Brings the commissions of these orders in line with the orders, as stored now: the orders,
 * their commissions, products and rules are read a batch at a time, each order's plan made by
 * `planCommission`, new commissions written in one statement.
 */
export async function settleCommissions(tx: Tx, kind: DatabaseKind, orderIds: string[]) {
  if (!orderIds.length) return;
  const orders = await readInChunks(orderIds, (ids) =>
    tx.order.findMany({
      where: { id: { in: ids } },
      include: {
        lines: true,
        commission: { include: { adjustments: true } },
        shop: { select: { holdPeriodDays: true } },
      },
    }),
  );
  const productIds = [
    ...new Set(orders.flatMap((o) => o.lines.map((l) => l.productId).filter((id): id is string => Boolean(id)))),
  ];
  const products = productIds.length
    ? await readInChunks(productIds, (ids) =>
        tx.product.findMany({ where: { id: { in: ids } }, select: { id: true, collections: true } }),
      )
    : [];
  const collections = new Map(products.map((p) => [p.id, productCollections.read(p.collections)]));
  const needRule = orders.filter((o) => o.influencerId && !o.selfReferral && !o.commission) as Array<
    (typeof orders)[number] & { influencerId: string }
  >;
  const ruleOf = needRule.length ? await rulesNow(tx, needRule) : null;

  const now = new Date();
  const created: Array<Record<string, unknown>> = [];
  const adjustments: Array<{
    shopId: string;
    influencerId: string;
    commissionId: string;
    sourceKey: string;
    amountMinor: number;
    currency: string;
    reason: string;
  }> = [];
  const dropOpen: string[] = [];
  for (const order of orders) {
    const stored = order.commission;
    const plan = planCommission(
      {
        influencerId: order.influencerId,
        selfReferral: order.selfReferral,
        cancelled: order.cancelledAt !== null,
        isNewCustomer: order.isNewCustomer === true,
        lines: order.lines.map((l) => ({
          netMinor: l.netMinor,
          refundedMinor: l.refundedMinor,
          productType: l.productType,
          collections: l.productId ? (collections.get(l.productId) ?? []) : [],
        })),
      },
      stored ? { ...stored, rule: commissionRule.read(stored.rule) } : null,
      ruleOf && order.influencerId && !stored
        ? ruleOf({ shopId: order.shopId, influencerId: order.influencerId, placedAt: order.placedAt })
        : undefined,
    );
    let commissionId = stored?.id;
    if (plan.create) {
      commissionId = orderedId();
      created.push({
        id: commissionId,
        shopId: order.shopId,
        influencerId: order.influencerId,
        orderId: order.id,
        status: plan.create.status,
        amountMinor: plan.create.amountMinor,
        currency: order.currency,
        baseMinor: plan.create.baseMinor,
        rule: commissionRule.write(plan.create.rule),
        holdUntil: new Date(order.placedAt.getTime() + order.shop.holdPeriodDays * DAY_MS),
        createdAt: now,
        updatedAt: now,
      });
    }
    if (plan.update && stored) await tx.commission.update({ where: { id: stored.id }, data: plan.update });
    if (plan.dropOpenAdjustments && stored) dropOpen.push(stored.id);
    const adjustment = plan.adjustment;
    if (!adjustment || !commissionId) continue;
    if ("delete" in adjustment) await tx.commissionAdjustment.delete({ where: { id: adjustment.delete } });
    else if ("update" in adjustment)
      await tx.commissionAdjustment.update({
        where: { id: adjustment.update },
        data: { amountMinor: adjustment.amountMinor },
      });
    else {
      adjustments.push({
        shopId: order.shopId,
        influencerId: (stored?.influencerId ?? order.influencerId)!,
        commissionId,
        sourceKey: `${commissionId}:adjustment:${adjustment.create.sequence}`,
        amountMinor: adjustment.create.amountMinor,
        currency: stored?.currency ?? order.currency,
        reason: adjustment.create.reason,
      });
    }
  }
  await bulkInsert(tx, kind, "Commission", COMMISSION_COLUMNS, created);
  if (dropOpen.length)
    await countInChunks(dropOpen, (ids) =>
      tx.commissionAdjustment.deleteMany({ where: { commissionId: { in: ids }, payoutId: null } }),
    );
  if (adjustments.length) await tx.commissionAdjustment.createMany({ data: adjustments });
}

/** The hold period is over: pending commissions of orders that stayed paid become payable. Idempotent. */
export async function approveDueCommissions(db: Db, now: Date, shopId?: string) {
  const due = await db.commission.findMany({
    where: { status: "PENDING", holdUntil: { lte: now }, order: { cancelledAt: null }, ...(shopId ? { shopId } : {}) },
    select: { id: true, shopId: true },
  });
  if (!due.length) return 0;
  const approved = await countInChunks(
    due.map((d) => d.id),
    (ids) =>
      db.commission.updateMany({
        where: { id: { in: ids }, status: "PENDING" },
        data: { status: "APPROVED", approvedAt: now },
      }),
  );
  const byShop = new Map<string, number>();
  for (const d of due) byShop.set(d.shopId, (byShop.get(d.shopId) ?? 0) + 1);
  for (const [shop, count] of byShop) {
    await db.auditEntry.create({
      data: {
        shopId: shop,
        actor: "system",
        action: "commissions.approved",
        subject: shop,
        details: auditDetails.write({ count }),
      },
    });
  }
  return approved;
}
