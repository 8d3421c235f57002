import { describe, expect, it } from "vitest";
import { parseInfluencerInput } from "./influencer-input";

const base = {
  name: "Maya Rivera",
  email: "Maya@Example.com",
  code: "MAYA10",
  discountPercent: "10",
  commissionPercent: "12.5",
};

describe("parseInfluencerInput", () => {
  it("reads the five stable fields", () => {
    const result = parseInfluencerInput(base, "USD");
    expect(result).toMatchObject({
      ok: true,
      input: {
        name: "Maya Rivera",
        email: "maya@example.com",
        code: "MAYA10",
        commissionBps: 1250,
        destinationPath: "/",
        discount: { kind: "PERCENTAGE", percentBps: 1000, amountMinor: null, combinesWithShipping: true },
      },
    });
  });

  it.each([
    [{ name: "" }, "name", "Enter a name"],
    [{ email: "maya" }, "email", "Enter an email address like name@example.com"],
    [{ code: "ab" }, "code", "Use at least 3 characters"],
    [
      { code: "MAYA 10" },
      "code",
      "Use letters, numbers, dashes and underscores only, starting with a letter or number",
    ],
    [{ code: "" }, "code", "Enter a code"],
    [{ discountPercent: "0" }, "discountPercent", "Enter a discount between 1 and 100 percent"],
    [{ discountPercent: "150" }, "discountPercent", "Enter a discount between 1 and 100 percent"],
    [{ discountPercent: "ten" }, "discountPercent", "Enter a discount between 1 and 100 percent"],
    [
      { commissionPercent: "101" },
      "commissionPercent",
      "Enter a commission between 0 and 100 percent, or leave it empty for the shop default",
    ],
    [{ usageLimit: "0" }, "usageLimit", "Enter a whole number of uses, at least 1"],
    [{ minimumSubtotal: "-5" }, "minimumSubtotal", "Enter an amount in USD, like 50.00"],
    [{ startsAt: "2026-12-10", endsAt: "2026-12-01" }, "endsAt", "End after the start date"],
    [
      { destinationPath: "https://evil.example" },
      "destinationPath",
      "Start with / (a page of your store, e.g. /products/serum)",
    ],
    [{ destinationPath: "//evil.example/x" }, "destinationPath", "Use a page of your store, not another site"],
  ])("%j is refused on %s", (override, field, message) => {
    const result = parseInfluencerInput({ ...base, ...override }, "USD");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toBe(message);
  });

  it("takes a fixed amount in the shop's currency", () => {
    const result = parseInfluencerInput({ ...base, discountType: "fixed_amount", discountAmount: "500" }, "JPY");
    expect(result).toMatchObject({
      ok: true,
      input: { discount: { kind: "FIXED_AMOUNT", amountMinor: 500, percentBps: null } },
    });
  });

  it("leaves the commission to the shop default when empty", () => {
    const result = parseInfluencerInput({ ...base, commissionPercent: "" }, "USD");
    expect(result).toMatchObject({ ok: true, input: { commissionBps: null } });
  });

  it("cleans tags", () => {
    const result = parseInfluencerInput({ ...base, tags: "Summer, VIP ,summer" }, "USD");
    expect(result).toMatchObject({ ok: true, input: { tags: "summer,vip" } });
  });
});
