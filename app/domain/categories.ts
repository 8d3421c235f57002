// Which categories sell through an influencer: an order's lines, after refunds, grouped by
// product type and by collection (a product in two collections counts in both).
import type { CategoryKind } from "#db-client";
export type CategoryLine = {
  orderId: string;
  productType: string;
  collections: string[];
  units: number;
  netMinor: number;
};
export type CategoryTotal = {
  kind: CategoryKind;
  category: string;
  orders: number;
  units: number;
  netSalesMinor: number;
};

export const NO_TYPE = "No product type";

export function categoryTotals(lines: CategoryLine[]): CategoryTotal[] {
  const totals = new Map<string, CategoryTotal & { orderIds: Set<string> }>();
  const add = (kind: CategoryTotal["kind"], category: string, line: CategoryLine) => {
    const key = `${kind}|${category}`;
    const total = totals.get(key) ?? {
      kind,
      category,
      orders: 0,
      units: 0,
      netSalesMinor: 0,
      orderIds: new Set<string>(),
    };
    total.orderIds.add(line.orderId);
    total.units += line.units;
    total.netSalesMinor += line.netMinor;
    totals.set(key, total);
  };
  for (const line of lines) {
    if (line.units <= 0 && line.netMinor <= 0) continue; // refunded in full
    add("PRODUCT_TYPE", line.productType.trim() || NO_TYPE, line);
    for (const collection of new Set(line.collections)) add("COLLECTION", collection, line);
  }
  return [...totals.values()]
    .map(({ orderIds, ...total }) => ({ ...total, orders: orderIds.size }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.category.localeCompare(b.category));
}
