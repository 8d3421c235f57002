import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  dayStart,
  eachDay,
  nextDay,
  previousShopMonth,
  shopDay,
  shopMonthSpan,
  weekOf,
  weeksAndDays,
} from "./shop-time";

describe("shop days", () => {
  it("puts an order on the shop's own calendar day", () => {
    const lateEvening = new Date("2026-11-30T03:30:00Z"); // 22:30 the day before in New York
    expect(shopDay(lateEvening, "America/New_York")).toBe("2026-11-29");
    expect(shopDay(lateEvening, "Europe/Berlin")).toBe("2026-11-30");
    expect(shopDay(new Date("2026-11-29T15:00:00Z"), "Pacific/Kiritimati")).toBe("2026-11-30");
  });

  it("starts a day at local midnight, also across daylight saving", () => {
    expect(dayStart("2026-11-30", "America/New_York").toISOString()).toBe("2026-11-30T05:00:00.000Z");
    expect(dayStart("2026-07-01", "America/New_York").toISOString()).toBe("2026-07-01T04:00:00.000Z");
    expect(dayStart("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(dayStart("2026-11-30", "UTC").toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });

  it("walks a range day by day, both ends included", () => {
    expect(eachDay("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(eachDay("2026-03-02", "2026-03-01")).toEqual([]);
  });
});

describe("shop months", () => {
  it("takes last month from the shop's calendar, not UTC's", () => {
    // 1 December 03:30 UTC is still 30 November in New York: last month there is October.
    const early = new Date("2026-12-01T03:30:00Z");
    expect(previousShopMonth(early, "UTC").month).toBe("2026-11");
    expect(previousShopMonth(early, "America/New_York").month).toBe("2026-10");
  });

  it("spans a month from local midnight to local midnight", () => {
    const november = shopMonthSpan("2026-11", "America/New_York");
    expect(november).toMatchObject({ from: "2026-11-01", to: "2026-11-30", name: "November 2026" });
    expect(november.start.toISOString()).toBe("2026-11-01T04:00:00.000Z"); // still summer time
    expect(november.end.toISOString()).toBe("2026-12-01T05:00:00.000Z");
    expect(shopMonthSpan("2028-02", "UTC").to).toBe("2028-02-29");
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
  });
});

describe("weeks of a range", () => {
  it("names a week by its Monday", () => {
    expect(weekOf("2026-11-30")).toBe("2026-11-30"); // a Monday
    expect(weekOf("2026-11-29")).toBe("2026-11-23"); // a Sunday
    expect(weekOf("2027-01-01")).toBe("2026-12-28"); // across a year's end
  });

  it("splits November 2026 into its four whole weeks and the day at each end", () => {
    expect(weeksAndDays("2026-11-01", "2026-11-30")).toEqual({
      weeks: ["2026-11-02", "2026-11-23"],
      days: [
        ["2026-11-01", "2026-11-01"],
        ["2026-11-30", "2026-11-30"],
      ],
    });
    expect(weeksAndDays("2026-11-03", "2026-11-08")).toEqual({ weeks: null, days: [["2026-11-03", "2026-11-08"]] });
  });

  it("covers every day of any range exactly once, weeks whole", () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays("2025-12-01", n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 120 }), (from, length) => {
        const to = addDays(from, length);
        const { weeks, days } = weeksAndDays(from, to);
        const covered = days.flatMap(([a, b]) => eachDay(a, b));
        if (weeks) {
          for (let monday = weeks[0]; monday <= weeks[1]; monday = addDays(monday, 7)) {
            expect(weekOf(monday)).toBe(monday);
            covered.push(...eachDay(monday, addDays(monday, 6)));
          }
        }
        expect(covered.sort()).toEqual(eachDay(from, to));
        expect(days.reduce((n, [a, b]) => n + eachDay(a, b).length, 0)).toBeLessThanOrEqual(weeks ? 12 : 13);
      }),
    );
  });
});
