import { describe, expect, it } from "vitest";
import { compareTopPerformers, type Performer } from "./what-works";

const p = (
  netSalesMinor: number,
  orders: number,
  linkOrders: number,
  discountBps: number | null,
  topCategory: string | null,
): Performer => ({
  netSalesMinor,
  orders,
  codeOrders: orders - linkOrders,
  linkOrders,
  discountBps,
  topCategory,
});

describe("what works", () => {
  it("compares the top quarter by net sales with the rest", () => {
    const { top, rest } = compareTopPerformers([
      p(100_000, 10, 6, 1500, "Skincare"),
      p(20_000, 4, 0, 1000, "Makeup"),
      p(10_000, 2, 1, 1000, "Skincare"),
      p(8_000, 2, 0, null, null),
      p(0, 0, 0, 2000, "Fragrance"), // no sales: in neither group
    ]);
    expect(top).toEqual({
      influencers: 1,
      averageNetSalesMinor: 100_000,
      averageOrderValueMinor: 10_000,
      linkShare: 0.6,
      averageDiscountBps: 1500,
      topCategories: [{ category: "Skincare", influencers: 1 }],
    });
    expect(rest).toMatchObject({
      influencers: 3,
      averageNetSalesMinor: 12_667,
      averageOrderValueMinor: 4_750,
      linkShare: 0.125,
      averageDiscountBps: 1000,
    });
    expect(rest.topCategories).toEqual([
      { category: "Makeup", influencers: 1 },
      { category: "Skincare", influencers: 1 },
    ]);
  });

  it("has nothing to compare without sales", () => {
    expect(compareTopPerformers([]).top).toMatchObject({
      influencers: 0,
      averageOrderValueMinor: null,
      linkShare: null,
    });
  });
});
