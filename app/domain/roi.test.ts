import { describe, expect, it } from "vitest";
import { averageOrderValue, change, conversion, grossProfit, roas, roi, shopDay } from "./roi";

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

  it("puts an order on the shop's own calendar day", () => {
    const lateEvening = new Date("2026-11-30T03:30:00Z"); // 22:30 the day before in New York
    expect(shopDay(lateEvening, "America/New_York")).toBe("2026-11-29");
    expect(shopDay(lateEvening, "Europe/Berlin")).toBe("2026-11-30");
    expect(shopDay(new Date("2026-11-29T15:00:00Z"), "Pacific/Kiritimati")).toBe("2026-11-30");
  });
});

describe("shop days", () => {
  it("starts a day at local midnight, also across daylight saving", async () => {
    const { dayStart, nextDay } = await import("./roi");
    expect(dayStart("2026-11-30", "America/New_York").toISOString()).toBe("2026-11-30T05:00:00.000Z");
    expect(dayStart("2026-07-01", "America/New_York").toISOString()).toBe("2026-07-01T04:00:00.000Z");
    expect(dayStart("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(dayStart("2026-11-30", "UTC").toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });
});
