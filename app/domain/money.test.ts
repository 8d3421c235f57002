import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, currencyDigits, formatMinor, formatMoney, percentOf, toMinor } from "./money";

describe("toMinor", () => {
  it.each([
    ["12.34", "USD", 1234],
    ["12.3", "USD", 1230],
    ["12", "USD", 1200],
    ["0.00", "USD", 0],
    ["-5.10", "EUR", -510],
    ["1500", "JPY", 1500],
    ["1.234", "KWD", 1234],
    ["19.999", "USD", 2000],
  ])("%s %s -> %i", (amount, currency, minor) => {
    expect(toMinor(amount, currency)).toBe(minor);
  });

  it("takes JSON numbers without float drift", () => {
    expect(toMinor(0.1 + 0.2, "USD")).toBe(30);
    expect(toMinor(19.99, "USD")).toBe(1999);
  });

  it.each(["", "abc", "1,000.00", "1e5", "--1"])("rejects %j", (bad) => {
    expect(() => toMinor(bad, "USD")).toThrow(/not an amount/);
  });
});

describe("formatting", () => {
  it("knows each currency's digits", () => {
    expect([currencyDigits("USD"), currencyDigits("JPY"), currencyDigits("KWD")]).toEqual([2, 0, 3]);
  });
  it("writes plain decimals", () => {
    expect(formatMinor(1234, "USD")).toBe("12.34");
    expect(formatMinor(-5, "USD")).toBe("-0.05");
    expect(formatMinor(1500, "JPY")).toBe("1500");
  });
  it("writes money for people", () => {
    expect(formatMoney(123456, "USD")).toBe("$1,234.56");
    expect(formatMoney(1500, "JPY")).toBe("¥1,500");
  });
  it("round-trips", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom("USD", "JPY", "KWD"), (minor, currency) => {
        expect(toMinor(formatMinor(minor, currency), currency)).toBe(minor);
      }),
    );
  });
});

describe("percentOf", () => {
  it("rounds half away from zero", () => {
    expect(percentOf(1005, 1000)).toBe(101); // 100.5 -> 101
    expect(percentOf(1004, 1000)).toBe(100);
    expect(percentOf(-1005, 1000)).toBe(-101);
    expect(percentOf(9999, 10000)).toBe(9999);
  });
});

describe("allocate", () => {
  it("splits with the remainder to the largest fractions", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(5, [0, 0])).toEqual([5, 0]);
  });
  it("always adds up exactly and stays near the proportion", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 20 }),
        (minor, weights) => {
          const parts = allocate(minor, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(minor);
          const total = weights.reduce((a, b) => a + b, 0);
          if (total > 0) {
            parts.forEach((p, i) => expect(Math.abs(p - (minor * weights[i]) / total)).toBeLessThan(1));
          }
        },
      ),
    );
  });
});
