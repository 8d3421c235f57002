import { describe, expect, it } from "vitest";
import { embedStatus, setupSummary } from "./setup-guide";

const theme = (status: string) => [
  {
    handle: "referral-capture",
    type: "theme_app_extension",
    activations: [{ handle: "referral-capture", target: "head", status }],
  },
];

describe("the setup guide", () => {
  it("reads the embed's status from App Bridge's report of the app's extensions", () => {
    expect(embedStatus(theme("active"))).toBe("on");
    expect(embedStatus(theme("available"))).toBe("off");
    expect(embedStatus(theme("unavailable"))).toBe("off");
    expect(embedStatus([])).toBe("off"); // the extension is not deployed to this shop
    expect(
      embedStatus([
        {
          handle: "other",
          type: "theme_app_extension",
          activations: [{ handle: "referral-capture", status: "active" }],
        },
      ]),
    ).toBe("off");
    expect(embedStatus(null)).toBe("unknown");
  });

  it("counts the steps done and is complete only with all five", () => {
    expect(setupSummary({ embed: false, commission: true, influencer: true, form: false, pastOrders: false })).toEqual({
      count: 2,
      total: 5,
      complete: false,
    });
    expect(setupSummary({ embed: true, commission: true, influencer: true, form: true, pastOrders: true })).toEqual({
      count: 5,
      total: 5,
      complete: true,
    });
  });
});
