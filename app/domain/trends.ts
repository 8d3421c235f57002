// Sparkline series: a value per day of a report range, for each influencer.
import { daysIn } from "./shop-time";

/** Each influencer's net sales per day of the range (days without sales are 0), for sparklines. */
export function trendsByInfluencer(
  rows: Array<{ influencerId: string; day: string; netSalesMinor: number }>,
  from: string,
  length: number,
) {
  const trends = new Map<string, number[]>();
  for (const row of rows) {
    let trend = trends.get(row.influencerId);
    if (!trend) trends.set(row.influencerId, (trend = new Array<number>(length).fill(0)));
    const index = daysIn(from, row.day) - 1;
    if (index >= 0 && index < length) trend[index] += row.netSalesMinor;
  }
  return trends;
}
