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

// Making an Intl.DateTimeFormat costs far more than using one (every order's day is computed
// when a batch of webhooks is applied): one formatter per timezone and shape, made once.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let found = formatters.get(key);
  if (!found) {
    found = withTime
      ? new Intl.DateTimeFormat("en-US", {
          timeZone,
          hourCycle: "h23",
          year: "numeric",
          month: "2-digit",
          day: "2-digit",
          hour: "2-digit",
          minute: "2-digit",
          second: "2-digit",
        })
      : new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(key, found);
  }
  return found;
}

/** The calendar day of an instant in the shop's timezone, as YYYY-MM-DD. */
export function shopDay(at: Date, timeZone: string): string {
  const parts = formatter(timeZone, false).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The instant a shop-timezone day starts (local midnight), as a UTC Date. */
export function dayStart(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  let guess = Date.UTC(y, m - 1, d);
  // Two passes settle the offset even across a daylight-saving change.
  for (let i = 0; i < 2; i++) {
    const local = formatter(timeZone, true).formatToParts(new Date(guess));
    const get = (type: string) => Number(local.find((p) => p.type === type)?.value);
    const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
    guess -= asUtc - Date.UTC(y, m - 1, d);
  }
  return new Date(guess);
}

/** The next calendar day, YYYY-MM-DD. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
