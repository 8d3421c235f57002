// Commission: what an influencer earns on an order they brought, by the rule in force when the
// order was placed. Percentages apply to net sales (after discounts; shipping and taxes excluded),
// grouped by rate so rounding happens once per rate, half away from zero, in minor units.
import type { CommissionKind, CommissionStatus } from "#db-client";
import { percentOf } from "./money";

export type Tier = { fromMinor: number; percentBps: number };
export type RateOverride = { productType?: string; collection?: string; percentBps: number };

export type CommissionRuleTerms = {
  kind: CommissionKind;
  percentBps: number;
  fixedMinor: number;
  tiers: Tier[];
  overrides: RateOverride[];
  newCustomerBonusMinor: number;
};

export type CommissionLine = { netMinor: number; productType: string; collections: string[] };

export type CommissionContext = {
  /** The influencer's net sales in the previous calendar month: picks the tier. */
  lastMonthSalesMinor: number;
  isNewCustomer: boolean;
};

/** The base rate: the highest tier reached by last month's sales, else the rule's own rate. */
export function baseRate(rule: CommissionRuleTerms, lastMonthSalesMinor: number): number {
  const reached = rule.tiers
    .filter((t) => lastMonthSalesMinor >= t.fromMinor)
    .sort((a, b) => b.fromMinor - a.fromMinor)[0];
  return reached ? reached.percentBps : rule.percentBps;
}

/** The rate of one line: a product-type or collection override first, else the base rate. */
export function lineRate(
  rule: CommissionRuleTerms,
  line: Pick<CommissionLine, "productType" | "collections">,
  base: number,
): number {
  const override = rule.overrides.find(
    (o) =>
      (o.productType && o.productType.toLowerCase() === line.productType.toLowerCase()) ||
      (o.collection && line.collections.some((c) => c.toLowerCase() === o.collection!.toLowerCase())),
  );
  return override ? override.percentBps : base;
}

/** Sum of each rate applied once to the amounts at that rate. */
function byRate(amounts: Array<{ amountMinor: number; rate: number }>): number {
  const totals = new Map<number, number>();
  for (const a of amounts) totals.set(a.rate, (totals.get(a.rate) ?? 0) + a.amountMinor);
  let sum = 0;
  for (const [rate, amount] of totals) sum += percentOf(amount, rate);
  return sum;
}

export function commissionFor(rule: CommissionRuleTerms, lines: CommissionLine[], context: CommissionContext): number {
  const bonus = context.isNewCustomer ? rule.newCustomerBonusMinor : 0;
  if (rule.kind === "FIXED") return rule.fixedMinor + bonus;
  const base = baseRate(rule, context.lastMonthSalesMinor);
  return byRate(lines.map((l) => ({ amountMinor: l.netMinor, rate: lineRate(rule, l, base) }))) + bonus;
}

export type CommissionState = CommissionStatus;

/** Where each cent stands: the ledger identity commissions + adjustments = paid + payable + pending + in a payout. */
export function ledgerTotals(
  commissions: Array<{ amountMinor: number; status: CommissionState; payoutPaid: boolean; inOpenPayout?: boolean }>,
  adjustments: Array<{
    amountMinor: number;
    commissionStatus: CommissionState;
    payoutPaid: boolean;
    inOpenPayout?: boolean;
  }>,
) {
  let earned = 0;
  let paid = 0;
  let payable = 0;
  let pending = 0;
  let inPayout = 0; // approved and already in a payout not yet paid: not payable again
  for (const c of commissions) {
    if (c.status === "VOID") continue;
    earned += c.amountMinor;
    if (c.status === "PAID" || c.payoutPaid) paid += c.amountMinor;
    else if (c.status === "APPROVED" && c.inOpenPayout) inPayout += c.amountMinor;
    else if (c.status === "APPROVED") payable += c.amountMinor;
    else pending += c.amountMinor;
  }
  for (const a of adjustments) {
    if (a.commissionStatus === "VOID" && !a.payoutPaid) continue; // a voided commission owes nothing more
    earned += a.amountMinor;
    if (a.payoutPaid) paid += a.amountMinor;
    else if (a.commissionStatus === "PENDING") pending += a.amountMinor;
    else if (a.inOpenPayout) inPayout += a.amountMinor;
    else payable += a.amountMinor;
  }
  return { earned, paid, payable, pending, inPayout };
}
