import { describe, expect, it } from "vitest";
import { trendsByInfluencer } from "./trends";

describe("leaderboard sparklines", () => {
  it("gives each influencer one point per day of the range, 0 on days without sales", () => {
    const trends = trendsByInfluencer(
      [
        { influencerId: "a", day: "2026-11-01", netSalesMinor: 500 },
        { influencerId: "a", day: "2026-11-03", netSalesMinor: 700 },
        { influencerId: "b", day: "2026-11-02", netSalesMinor: -200 },
        { influencerId: "b", day: "2026-10-31", netSalesMinor: 999 }, // outside the range: ignored
      ],
      "2026-11-01",
      3,
    );
    expect(Object.fromEntries(trends)).toEqual({ a: [500, 0, 700], b: [0, -200, 0] });
  });
});
