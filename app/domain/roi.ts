// The figures that tell a merchant whom to call: written once here, shown everywhere.
//   ROAS = net sales / (commission + costs)
//   ROI  = (net sales x gross margin - commission - costs) / (commission + costs)
// Gross margin comes from product unit costs where Shopify has them, else the shop's setting.
// A ratio with nothing spent is null (shown as "-"), never infinity.

export type Spend = { commissionMinor: number; costsMinor: number };

export function roas(netSalesMinor: number, spend: Spend): number | null {
  const spent = spend.commissionMinor + spend.costsMinor;
  return spent > 0 ? netSalesMinor / spent : null;
}

/** Gross profit of the sales: their cost of goods where known, the shop's margin on the rest. */
export function grossProfit(
  netSalesMinor: number,
  knownCostOfGoodsMinor: number,
  salesWithKnownCostMinor: number,
  fallbackMarginBps: number,
): number {
  const unknown = Math.max(0, netSalesMinor - salesWithKnownCostMinor);
  return salesWithKnownCostMinor - knownCostOfGoodsMinor + Math.round((unknown * fallbackMarginBps) / 10000);
}

export function roi(grossProfitMinor: number, spend: Spend): number | null {
  const spent = spend.commissionMinor + spend.costsMinor;
  return spent > 0 ? (grossProfitMinor - spent) / spent : null;
}

export function conversion(orders: number, clicks: number): number | null {
  return clicks > 0 ? orders / clicks : null;
}

export function averageOrderValue(netSalesMinor: number, orders: number): number | null {
  return orders > 0 ? Math.round(netSalesMinor / orders) : null;
}

/** Change against the previous period, as a fraction; null when there was nothing before. */
export function change(current: number, previous: number): number | null {
  return previous !== 0 ? (current - previous) / Math.abs(previous) : null;
}
