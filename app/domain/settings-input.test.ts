import { describe, expect, it } from "vitest";
import { rateRows, rateText, tierRows, tierText } from "./rate-rows";
import { formatOverrides, formatTiers, parseOverrides, parseProgramSettings, parseTiers } from "./settings-input";

const valid = {
  commissionKind: "PERCENT",
  commissionPercent: "12.5",
  fixedAmount: "0",
  tiers: "5000.00 = 15\n1000 = 12",
  overrides: "Fragrance = 5\ncollection: Gifts = 20",
  newCustomerBonus: "2.50",
  holdPeriodDays: "14",
  payoutThreshold: "25.00",
  attributionWindowDays: "7",
  attributionMode: "CODE_ONLY",
  linkCredit: "FIRST_CLICK",
};

describe("program settings", () => {
  it("reads every field", () => {
    expect(parseProgramSettings(valid, "USD")).toEqual({
      ok: true,
      settings: {
        commissionKind: "PERCENT",
        percentBps: 1250,
        fixedMinor: 0,
        tiers: [
          { fromMinor: 100_000, percentBps: 1200 },
          { fromMinor: 500_000, percentBps: 1500 },
        ],
        overrides: [
          { productType: "Fragrance", percentBps: 500 },
          { collection: "Gifts", percentBps: 2000 },
        ],
        newCustomerBonusMinor: 250,
        holdPeriodDays: 14,
        payoutThresholdMinor: 2500,
        attributionWindowDays: 7,
        attributionMode: "CODE_ONLY",
        linkCredit: "FIRST_CLICK",
      },
    });
  });

  it("says what is wrong with each field", () => {
    const result = parseProgramSettings(
      {
        ...valid,
        commissionPercent: "150",
        tiers: "lots = 10",
        holdPeriodDays: "-1",
        attributionWindowDays: "0",
        payoutThreshold: "ten",
      },
      "USD",
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        commissionPercent: "Enter a commission between 0 and 100 percent",
        tiers: 'Line 1: write "sales from = percent", like 500.00 = 15',
        holdPeriodDays: "Enter a number of days from 0 to 365",
        payoutThreshold: "Enter an amount in USD, or 0",
        attributionWindowDays: "Enter a number of days from 1 to 365",
      },
    });
  });

  it("needs an amount for a fixed commission", () => {
    expect(parseProgramSettings({ ...valid, commissionKind: "FIXED", fixedAmount: "" }, "USD")).toMatchObject({
      ok: false,
      errors: { fixedAmount: "Enter an amount in USD, like 5.00" },
    });
  });

  it("writes tiers and overrides back as the merchant typed them", () => {
    const tiers = parseTiers("1000.00 = 12\n5000.00 = 15", "USD");
    const overrides = parseOverrides("Fragrance = 5\ncollection: Gifts = 20");
    expect("tiers" in tiers && formatTiers(tiers.tiers, "USD")).toBe("1000.00 = 12\n5000.00 = 15");
    expect("overrides" in overrides && formatOverrides(overrides.overrides)).toBe(
      "Fragrance = 5\ncollection: Gifts = 20",
    );
  });

  it("reads the rows editor's lines: an empty row is no row, a half-filled one is named", () => {
    const tiers = tierText([
      { from: "1000.00", percent: "12" },
      { from: "", percent: "" },
    ]);
    expect(parseTiers(tiers, "USD")).toEqual({ tiers: [{ fromMinor: 100_000, percentBps: 1200 }] });
    expect(tierRows(tiers)).toEqual([
      { from: "1000.00", percent: "12" },
      { from: "", percent: "" },
    ]);
    expect(parseTiers(tierText([{ from: "1000.00", percent: "" }]), "USD")).toEqual({
      error: 'Line 1: write "sales from = percent", like 500.00 = 15',
    });
    const rates = rateText([
      { kind: "collection", name: "Gifts", percent: "20" },
      { kind: "collection", name: "", percent: "" },
      { kind: "type", name: "Fragrance", percent: "5" },
    ]);
    expect(parseOverrides(rates)).toEqual({
      overrides: [
        { collection: "Gifts", percentBps: 2000 },
        { productType: "Fragrance", percentBps: 500 },
      ],
    });
    expect(rateRows(rates)).toHaveLength(3);
  });
});
