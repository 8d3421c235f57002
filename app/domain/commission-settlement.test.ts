import { describe, expect, it } from "vitest";
import { planCommission, type RuleSnapshot, type SettlingOrder, type StoredCommission } from "./commission-settlement";

const tenPercent: RuleSnapshot = {
  terms: { kind: "PERCENT", percentBps: 1000, fixedMinor: 0, tiers: [], overrides: [], newCustomerBonusMinor: 0 },
  lastMonthSalesMinor: 0,
};

const order = (overrides: Partial<SettlingOrder> = {}): SettlingOrder => ({
  influencerId: "maya",
  selfReferral: false,
  cancelled: false,
  isNewCustomer: false,
  lines: [{ netMinor: 10_000, refundedMinor: 0, productType: "Skincare", collections: [] }],
  ...overrides,
});

const stored = (overrides: Partial<StoredCommission> = {}): StoredCommission => ({
  status: "PENDING",
  amountMinor: 1000,
  baseMinor: 10_000,
  payoutId: null,
  rule: tenPercent,
  adjustments: [],
  ...overrides,
});

describe("planCommission", () => {
  it("creates a pending commission with the rule in force for a new attributed order", () => {
    expect(planCommission(order(), null, tenPercent)).toEqual({
      create: { status: "PENDING", amountMinor: 1000, baseMinor: 10_000, rule: tenPercent },
    });
  });

  it("creates it void, without adjustments, when the order was cancelled before it was first seen", () => {
    expect(planCommission(order({ cancelled: true }), null, tenPercent)).toEqual({
      create: { status: "VOID", amountMinor: 1000, baseMinor: 10_000, rule: tenPercent },
    });
  });

  it("refuses to make a commission without the rule in force", () => {
    expect(() => planCommission(order(), null, undefined)).toThrow(/rule in force/);
  });

  it("makes nothing for an order without influencer or a self-referral, and voids an unpaid one", () => {
    expect(planCommission(order({ influencerId: null }), null, undefined)).toEqual({});
    expect(planCommission(order({ selfReferral: true }), stored(), undefined)).toEqual({ update: { status: "VOID" } });
    expect(planCommission(order({ selfReferral: true }), stored({ status: "PAID" }), undefined)).toEqual({});
  });

  it("keeps the rule it was made with when the order is edited while pending", () => {
    const frozen: RuleSnapshot = { ...tenPercent, terms: { ...tenPercent.terms, percentBps: 500 } };
    const edited = order({ lines: [{ netMinor: 8000, refundedMinor: 0, productType: "Skincare", collections: [] }] });
    expect(planCommission(edited, stored({ rule: frozen }), undefined)).toEqual({
      update: { amountMinor: 400, baseMinor: 8000 },
    });
  });

  it("claws a refund back with one open adjustment, kept up to date and dropped when owed nothing", () => {
    const refunded = order({
      lines: [{ netMinor: 10_000, refundedMinor: 2500, productType: "Skincare", collections: [] }],
    });
    expect(planCommission(refunded, stored(), undefined)).toEqual({
      adjustment: { create: { amountMinor: -250, reason: "Refunded to the shopper", sequence: 1 } },
    });
    const open = { id: "adj-1", amountMinor: -100, payoutId: null };
    expect(planCommission(refunded, stored({ adjustments: [open] }), undefined)).toEqual({
      adjustment: { update: "adj-1", amountMinor: -250 },
    });
    expect(planCommission(order(), stored({ adjustments: [open] }), undefined)).toEqual({
      adjustment: { delete: "adj-1" },
    });
  });

  it("counts adjustments already paid out, numbering the next one after them", () => {
    const refunded = order({
      lines: [{ netMinor: 10_000, refundedMinor: 5000, productType: "Skincare", collections: [] }],
    });
    const paid = { id: "adj-1", amountMinor: -250, payoutId: "payout-1" };
    expect(
      planCommission(refunded, stored({ status: "PAID", payoutId: "payout-1", adjustments: [paid] }), undefined),
    ).toEqual({
      adjustment: { create: { amountMinor: -250, reason: "Refunded to the shopper", sequence: 2 } },
    });
  });

  it("voids a pending commission of a cancelled order and drops its open adjustments", () => {
    expect(
      planCommission(
        order({ cancelled: true }),
        stored({ adjustments: [{ id: "a", amountMinor: -5, payoutId: null }] }),
        undefined,
      ),
    ).toEqual({
      update: { status: "VOID" },
      dropOpenAdjustments: true,
    });
  });

  it("claws back the whole of a paid commission when its order is cancelled afterwards", () => {
    expect(
      planCommission(order({ cancelled: true }), stored({ status: "PAID", payoutId: "payout-1" }), undefined),
    ).toEqual({
      adjustment: {
        create: { amountMinor: -1000, reason: "Order cancelled after the commission was paid", sequence: 1 },
      },
    });
  });
});
