import { describe, expect, it } from "vitest";
import { averageOrderValue, change, conversion, grossProfit, roas, roi } from "./roi";

describe("ROI definitions", () => {
  it("ROAS is net sales per unit spent", () => {
    expect(roas(100_000, { commissionMinor: 10_000, costsMinor: 15_000 })).toBe(4);
    expect(roas(100_000, { commissionMinor: 0, costsMinor: 0 })).toBeNull();
  });

  it("ROI is gross profit less spend, per unit spent", () => {
    // 1,000.00 of sales: 600.00 with known costs of 240.00, the other 400.00 at a 50 % margin.
    const profit = grossProfit(100_000, 24_000, 60_000, 5000);
    expect(profit).toBe(36_000 + 20_000);
    expect(roi(profit, { commissionMinor: 10_000, costsMinor: 15_000 })).toBeCloseTo((56_000 - 25_000) / 25_000, 10);
    expect(roi(profit, { commissionMinor: 0, costsMinor: 0 })).toBeNull();
  });

  it("conversion, AOV and change", () => {
    expect(conversion(5, 200)).toBe(0.025);
    expect(conversion(5, 0)).toBeNull();
    expect(averageOrderValue(10_001, 2)).toBe(5001);
    expect(change(150, 100)).toBe(0.5);
    expect(change(50, 0)).toBeNull();
  });
});
