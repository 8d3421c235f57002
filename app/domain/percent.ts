// Percentages as merchants type them ("10", "12.5") and as the app keeps them: integer basis points.

/** "12.5" -> 1250 basis points, exactly; null when it is not a number with at most two decimals. */
export function percentToBps(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** 1250 -> "12.5" */
export function bpsToPercent(bps: number): string {
  const whole = Math.floor(bps / 100);
  const fraction = bps % 100;
  if (fraction === 0) return String(whole);
  return `${whole}.${String(fraction).padStart(2, "0").replace(/0$/, "")}`;
}

/** 1250 -> 0.125: Shopify's DiscountCustomerGetsValueInput.percentage takes a fraction. */
export function bpsToFraction(bps: number): number {
  return bps / 10000;
}
