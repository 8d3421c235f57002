// What an order's commission must become after the order changed, as a plan the model writes:
// created when an attributed order is first settled (with the rule in force then), recomputed
// while pending if the order's amounts change, voided when the order is cancelled, and brought in
// line with refunds by one open adjustment (adjustments already paid out stay as they were).
import type { CommissionStatus } from "#db-client";
import { commissionFor, type CommissionRuleTerms } from "./commission";

/** The rule an order's commission was made with, frozen: a later change never rewrites the past. */
export type RuleSnapshot = { terms: CommissionRuleTerms; lastMonthSalesMinor: number };

export type SettlingOrder = {
  influencerId: string | null;
  selfReferral: boolean;
  cancelled: boolean;
  isNewCustomer: boolean;
  lines: Array<{ netMinor: number; refundedMinor: number; productType: string; collections: string[] }>;
};

export type StoredCommission = {
  status: CommissionStatus;
  amountMinor: number;
  baseMinor: number;
  payoutId: string | null;
  rule: RuleSnapshot;
  adjustments: Array<{ id: string; amountMinor: number; payoutId: string | null }>;
};

export type CommissionPlan = {
  create?: {
    status: Extract<CommissionStatus, "PENDING" | "VOID">;
    amountMinor: number;
    baseMinor: number;
    rule: RuleSnapshot;
  };
  update?: { status?: "VOID"; amountMinor?: number; baseMinor?: number };
  /** A void commission owes nothing: its open adjustments go. */
  dropOpenAdjustments?: true;
  adjustment?:
    | { delete: string }
    | { update: string; amountMinor: number }
    | { create: { amountMinor: number; reason: string; sequence: number } };
};

/**
 * The plan for one order. `ruleNow` is the rule in force, needed only when the order has no
 * commission yet (the caller reads it for those orders alone).
 */
export function planCommission(
  order: SettlingOrder,
  existing: StoredCommission | null,
  ruleNow: RuleSnapshot | undefined,
): CommissionPlan {
  const plan: CommissionPlan = {};
  if (!order.influencerId || order.selfReferral) {
    // Attribution moved away (or a self-referral): an unpaid commission goes.
    if (existing && existing.status !== "PAID" && existing.status !== "VOID") plan.update = { status: "VOID" };
    return plan;
  }
  const base = order.lines.reduce((sum, l) => sum + l.netMinor, 0);
  const earnedOn = (rule: RuleSnapshot, afterRefunds: boolean) =>
    commissionFor(
      rule.terms,
      order.lines.map((l) => ({
        netMinor: afterRefunds ? l.netMinor - l.refundedMinor : l.netMinor,
        productType: l.productType,
        collections: l.collections,
      })),
      { lastMonthSalesMinor: rule.lastMonthSalesMinor, isNewCustomer: order.isNewCustomer },
    );

  let commission: Omit<StoredCommission, "rule">;
  let rule: RuleSnapshot;
  if (!existing) {
    if (!ruleNow) throw new Error("a new commission needs the rule in force");
    rule = ruleNow;
    plan.create = {
      status: order.cancelled ? "VOID" : "PENDING",
      amountMinor: earnedOn(rule, false),
      baseMinor: base,
      rule,
    };
    commission = { ...plan.create, payoutId: null, adjustments: [] };
  } else {
    rule = existing.rule;
    commission = existing;
    if ((existing.status === "PENDING" || existing.status === "VOID") && existing.baseMinor !== base) {
      // An order edit before the commission was approved: the same rule on the new amounts.
      commission = { ...existing, amountMinor: earnedOn(rule, false), baseMinor: base };
      plan.update = { amountMinor: commission.amountMinor, baseMinor: base };
    }
  }

  // A cancelled order voids its commission, unless a payout already holds it (then it is clawed back).
  if (
    order.cancelled &&
    commission.payoutId === null &&
    (commission.status === "PENDING" || commission.status === "APPROVED")
  ) {
    commission = { ...commission, status: "VOID" };
    plan.update = { ...plan.update, status: "VOID" };
  }
  if (commission.status === "VOID") {
    if (existing) plan.dropOpenAdjustments = true;
    return plan;
  }

  // What the commission should come to now: nothing if the order was cancelled (after payment),
  // else the same rule on what the order is still worth after refunds and later edits. The
  // difference from the commission is one open adjustment.
  const target = (order.cancelled ? 0 : earnedOn(rule, true)) - commission.amountMinor;
  const paidOut = commission.adjustments.filter((a) => a.payoutId !== null);
  const open = commission.adjustments.find((a) => a.payoutId === null);
  const owed = target - paidOut.reduce((sum, a) => sum + a.amountMinor, 0);
  if (open && owed === 0) plan.adjustment = { delete: open.id };
  else if (open && open.amountMinor !== owed) plan.adjustment = { update: open.id, amountMinor: owed };
  else if (!open && owed !== 0) {
    const reason = order.cancelled
      ? "Order cancelled after the commission was paid"
      : owed < 0
        ? "Refunded to the shopper"
        : "Order changed";
    plan.adjustment = { create: { amountMinor: owed, reason, sequence: paidOut.length + 1 } };
  }
  return plan;
}
