import { describe, expect, it } from "vitest";
import { commissionFor, type CommissionRuleTerms } from "./commission";

const rule = (overrides: Partial<CommissionRuleTerms> = {}): CommissionRuleTerms => ({
  kind: "PERCENT",
  percentBps: 1000,
  fixedMinor: 0,
  tiers: [],
  overrides: [],
  newCustomerBonusMinor: 0,
  ...overrides,
});
const line = (netMinor: number, productType = "Skincare", collections: string[] = []) => ({
  netMinor,
  productType,
  collections,
});
const returning = { lastMonthSalesMinor: 0, isNewCustomer: false };

describe("commission rules", () => {
  it.each<[string, CommissionRuleTerms, ReturnType<typeof line>[], typeof returning, number]>([
    ["percent of net sales", rule(), [line(8100)], returning, 810],
    [
      "rounding once per rate, half away from zero",
      rule({ percentBps: 1250 }),
      [line(1004), line(1000)],
      returning,
      251,
    ],
    [
      "fixed amount per order, whatever the sales",
      rule({ kind: "FIXED", fixedMinor: 500 }),
      [line(100_000)],
      returning,
      500,
    ],
    [
      "a new customer's bonus",
      rule({ newCustomerBonusMinor: 300 }),
      [line(1000)],
      { lastMonthSalesMinor: 0, isNewCustomer: true },
      400,
    ],
    [
      "a tier reached by last month's sales",
      rule({
        tiers: [
          { fromMinor: 100_000, percentBps: 1500 },
          { fromMinor: 500_000, percentBps: 2000 },
        ],
      }),
      [line(1000)],
      { lastMonthSalesMinor: 250_000, isNewCustomer: false },
      150,
    ],
    [
      "the highest tier reached",
      rule({
        tiers: [
          { fromMinor: 100_000, percentBps: 1500 },
          { fromMinor: 500_000, percentBps: 2000 },
        ],
      }),
      [line(1000)],
      { lastMonthSalesMinor: 500_000, isNewCustomer: false },
      200,
    ],
    [
      "below every tier: the base rate",
      rule({ tiers: [{ fromMinor: 100_000, percentBps: 1500 }] }),
      [line(1000)],
      returning,
      100,
    ],
    [
      "an override by product type",
      rule({ overrides: [{ productType: "fragrance", percentBps: 500 }] }),
      [line(1000, "Fragrance"), line(1000)],
      returning,
      150,
    ],
    [
      "an override by collection",
      rule({ overrides: [{ collection: "Gifts", percentBps: 2000 }] }),
      [line(1000, "Wellness", ["Gifts"]), line(1000)],
      returning,
      300,
    ],
  ])("%s", (_name, terms, lines, context, expected) => {
    expect(commissionFor(terms, lines, context)).toBe(expected);
  });

  it("rounds each rate once, so the rule on a refunded order is exact to the cent", () => {
    const terms = rule({ overrides: [{ productType: "Fragrance", percentBps: 500 }] });
    expect(commissionFor(terms, [line(3000, "Fragrance"), line(11266)], returning)).toBe(150 + 1127);
    expect(commissionFor(terms, [line(2000, "Fragrance"), line(5633)], returning)).toBe(100 + 563);
  });
});
