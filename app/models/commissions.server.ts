// Commissions follow their order: created when an attributed order is settled, recomputed while
// pending if the order's amounts change, voided when it is cancelled, clawed back (a negative
// adjustment per refund) when money goes back to the shopper. Runs inside the order's transaction.
import { countInChunks } from "./chunks.server";
import type { Db, Tx } from "../db.server";
import { commissionFor, type CommissionRuleTerms } from "../domain/commission";
import { isUniqueViolation } from "./db-errors.server";

type RuleSnapshot = { terms: CommissionRuleTerms; lastMonthSalesMinor: number };

const DAY_MS = 86_400_000;

function parseList<T>(json: string): T[] {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

/** The rule in force for an influencer: their own, else the shop's (with their own rate, if set). */
export async function ruleFor(tx: Tx, shopId: string, influencerId: string): Promise<CommissionRuleTerms> {
  const [own, shopRule, influencer, shop] = await Promise.all([
    tx.commissionRule.findUnique({ where: { influencerId } }),
    tx.commissionRule.findFirst({ where: { shopId, influencerId: null } }),
    tx.influencer.findUniqueOrThrow({ where: { id: influencerId }, select: { commissionBps: true } }),
    tx.shop.findUniqueOrThrow({ where: { id: shopId }, select: { defaultCommissionBps: true } }),
  ]);
  const row = own ?? shopRule;
  const terms: CommissionRuleTerms = row
    ? {
        kind: row.kind,
        percentBps: row.percentBps,
        fixedMinor: row.fixedMinor,
        tiers: parseList(row.tiers),
        overrides: parseList(row.overrides),
        newCustomerBonusMinor: row.newCustomerBonusMinor,
      }
    : { kind: "PERCENT", percentBps: shop.defaultCommissionBps, fixedMinor: 0, tiers: [], overrides: [], newCustomerBonusMinor: 0 };
  if (!own && influencer.commissionBps != null) terms.percentBps = influencer.commissionBps;
  return terms;
}

/** The influencer's net sales in the calendar month (UTC) before the one the order was placed in. */
async function lastMonthSales(tx: Tx, shopId: string, influencerId: string, placedAt: Date): Promise<number> {
  const start = new Date(Date.UTC(placedAt.getUTCFullYear(), placedAt.getUTCMonth() - 1, 1));
  const end = new Date(Date.UTC(placedAt.getUTCFullYear(), placedAt.getUTCMonth(), 1));
  const sum = await tx.order.aggregate({
    where: { shopId, influencerId, selfReferral: false, placedAt: { gte: start, lt: end } },
    _sum: { netSalesMinor: true },
  });
  return sum._sum.netSalesMinor ?? 0;
}

async function collectionsOf(tx: Tx, productIds: string[]): Promise<Map<string, string[]>> {
  if (!productIds.length) return new Map();
  const products = await tx.product.findMany({ where: { id: { in: productIds } }, select: { id: true, collections: true } });
  return new Map(products.map((p) => [p.id, parseList<string>(p.collections)]));
}

async function addAdjustment(
  tx: Tx,
  commission: { id: string; shopId: string; influencerId: string; currency: string },
  sourceKey: string,
  amountMinor: number,
  reason: string,
) {
  if (amountMinor === 0) return;
  try {
    await tx.commissionAdjustment.create({
      data: { shopId: commission.shopId, influencerId: commission.influencerId, commissionId: commission.id, sourceKey, amountMinor, currency: commission.currency, reason },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error; // already recorded for this source
  }
}

/** Brings the order's commission in line with the order, as stored now. */
export async function settleCommission(tx: Tx, orderId: string) {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    include: { lines: true, commission: { include: { adjustments: true } }, shop: { select: { holdPeriodDays: true } } },
  });
  const existing = order.commission;
  if (!order.influencerId || order.selfReferral) {
    // Attribution moved away (or a self-referral): an unpaid commission goes.
    if (existing && existing.status !== "PAID" && existing.status !== "VOID") {
      await tx.commission.update({ where: { id: existing.id }, data: { status: "VOID" } });
    }
    return;
  }
  const collections = await collectionsOf(tx, order.lines.map((l) => l.productId).filter((id): id is string => Boolean(id)));
  const lineTerms = (productId: string | null, productType: string) => ({
    productType,
    collections: productId ? (collections.get(productId) ?? []) : [],
  });
  const base = order.lines.reduce((sum, l) => sum + l.netMinor, 0);

  const context = (snapshot: RuleSnapshot) => ({ lastMonthSalesMinor: snapshot.lastMonthSalesMinor, isNewCustomer: order.isNewCustomer === true });
  const earnedOn = (snapshot: RuleSnapshot, afterRefunds: boolean) =>
    commissionFor(
      snapshot.terms,
      order.lines.map((l) => ({ netMinor: afterRefunds ? l.netMinor - l.refundedMinor : l.netMinor, ...lineTerms(l.productId, l.productType) })),
      context(snapshot),
    );

  let commission = existing;
  let snapshot: RuleSnapshot;
  if (!commission) {
    snapshot = {
      terms: await ruleFor(tx, order.shopId, order.influencerId),
      lastMonthSalesMinor: await lastMonthSales(tx, order.shopId, order.influencerId, order.placedAt),
    };
    commission = await tx.commission.create({
      data: {
        shopId: order.shopId,
        influencerId: order.influencerId,
        orderId: order.id,
        status: order.cancelledAt ? "VOID" : "PENDING",
        amountMinor: earnedOn(snapshot, false),
        baseMinor: base,
        currency: order.currency,
        rule: JSON.stringify(snapshot),
        holdUntil: new Date(order.placedAt.getTime() + order.shop.holdPeriodDays * DAY_MS),
      },
      include: { adjustments: true },
    });
  } else {
    snapshot = JSON.parse(commission.rule) as RuleSnapshot;
    if ((commission.status === "PENDING" || commission.status === "VOID") && commission.baseMinor !== base) {
      // An order edit before the commission was approved: the same rule on the new amounts.
      commission = await tx.commission.update({
        where: { id: commission.id },
        data: { amountMinor: earnedOn(snapshot, false), baseMinor: base },
        include: { adjustments: true },
      });
    }
  }

  // A cancelled order voids its commission, unless a payout already holds it (then it is clawed back).
  if (order.cancelledAt && commission.payoutId === null && (commission.status === "PENDING" || commission.status === "APPROVED")) {
    commission = await tx.commission.update({ where: { id: commission.id }, data: { status: "VOID" }, include: { adjustments: true } });
  }
  if (commission.status === "VOID") {
    // Nothing is owed on a void commission: its open adjustments go too.
    await tx.commissionAdjustment.deleteMany({ where: { commissionId: commission.id, payoutId: null } });
    return;
  }

  // What the commission should come to now: nothing if the order was cancelled (after payment),
  // else the same rule on what the order is still worth after refunds and later edits. The
  // difference from the commission is one open adjustment; adjustments paid out stay as they were.
  const target = (order.cancelledAt ? 0 : earnedOn(snapshot, true)) - commission.amountMinor;
  const paidOut = commission.adjustments.filter((a) => a.payoutId !== null);
  const open = commission.adjustments.find((a) => a.payoutId === null);
  const owed = target - paidOut.reduce((sum, a) => sum + a.amountMinor, 0);
  if (open && owed === 0) await tx.commissionAdjustment.delete({ where: { id: open.id } });
  else if (open && open.amountMinor !== owed) await tx.commissionAdjustment.update({ where: { id: open.id }, data: { amountMinor: owed } });
  else if (!open && owed !== 0) {
    const reason = order.cancelledAt ? "Order cancelled after the commission was paid" : owed < 0 ? "Refunded to the shopper" : "Order changed";
    await addAdjustment(tx, commission, `${commission.id}:adjustment:${paidOut.length + 1}`, owed, reason);
  }
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
    (ids) => db.commission.updateMany({ where: { id: { in: ids }, status: "PENDING" }, data: { status: "APPROVED", approvedAt: now } }),
  );
  const byShop = new Map<string, number>();
  for (const d of due) byShop.set(d.shopId, (byShop.get(d.shopId) ?? 0) + 1);
  for (const [shop, count] of byShop) {
    await db.auditEntry.create({ data: { shopId: shop, actor: "system", action: "commissions.approved", subject: shop, details: JSON.stringify({ count }) } });
  }
  return approved;
}
