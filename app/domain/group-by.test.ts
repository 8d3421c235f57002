import { describe, expect, it } from "vitest";
import { groupBy } from "./group-by";

describe("groupBy", () => {
  it("groups rows by their key, each group and the groups in the rows' order", () => {
    const rows = [
      { shop: "b", n: 1 },
      { shop: "a", n: 2 },
      { shop: "b", n: 3 },
    ];
    expect([...groupBy(rows, (r) => r.shop)]).toEqual([
      [
        "b",
        [
          { shop: "b", n: 1 },
          { shop: "b", n: 3 },
        ],
      ],
      ["a", [{ shop: "a", n: 2 }]],
    ]);
    expect(groupBy([], (r: { shop: string }) => r.shop).size).toBe(0);
  });
});
