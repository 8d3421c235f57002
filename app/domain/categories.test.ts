import { describe, expect, it } from "vitest";
import { categoryTotals, NO_TYPE } from "./categories";

describe("category totals", () => {
  it("groups lines by product type and by each collection, counting orders once", () => {
    expect(
      categoryTotals([
        { orderId: "1", productType: "Skincare", collections: ["Bestsellers", "Skincare"], units: 2, netMinor: 5000 },
        { orderId: "1", productType: "Skincare", collections: ["Skincare"], units: 1, netMinor: 2000 },
        { orderId: "2", productType: "", collections: [], units: 1, netMinor: 900 },
        { orderId: "3", productType: "Makeup", collections: [], units: 0, netMinor: 0 }, // refunded in full
      ]),
    ).toEqual([
      { kind: "COLLECTION", category: "Bestsellers", orders: 1, units: 2, netSalesMinor: 5000 },
      { kind: "COLLECTION", category: "Skincare", orders: 1, units: 3, netSalesMinor: 7000 },
      { kind: "PRODUCT_TYPE", category: NO_TYPE, orders: 1, units: 1, netSalesMinor: 900 },
      { kind: "PRODUCT_TYPE", category: "Skincare", orders: 1, units: 3, netSalesMinor: 7000 },
    ]);
  });
});
