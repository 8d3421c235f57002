// Money is an integer count of minor units plus an ISO 4217 currency. Never a float: amounts from
// Shopify arrive as decimal strings and are parsed exactly; splitting uses a remainder rule.

export type Money = { minor: number; currency: string };

const digitsCache = new Map<string, number>();

/** Minor-unit digits of a currency: 2 for USD and EUR, 0 for JPY, 3 for KWD. */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** "12.34" (or 12.34 from JSON) in a currency -> 1234 minor units, exactly. */
export function toMinor(amount: string | number, currency: string): number {
  const text = typeof amount === "number" ? amount.toFixed(currencyDigits(currency) + 2) : amount.trim();
  const match = /^(-)?(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) throw new Error(`"${amount}" is not an amount of money`);
  const [, minus, whole, fraction = ""] = match;
  const digits = currencyDigits(currency);
  const kept = fraction.slice(0, digits).padEnd(digits, "0");
  let minor = Number(whole) * 10 ** digits + Number(kept || "0");
  // Shopify sends no more digits than the currency has; if it ever does, round half away from zero.
  if (fraction.length > digits && Number(fraction[digits]) >= 5) minor += 1;
  if (!Number.isSafeInteger(minor)) throw new Error(`"${amount}" is too large`);
  return minus && minor !== 0 ? -minor : minor;
}

/**
 * The most a merchant may type as one amount, in minor units: far above any fee, payout or
 * threshold, and far below what an integer column holds (2,147,483,647), so sums stay in range.
 */
export const MAX_ENTERED_MINOR = 1_000_000_000;

/** An amount a merchant typed: as toMinor, and refused past MAX_ENTERED_MINOR either way. */
export function enteredMinor(amount: string, currency: string): number {
  const minor = toMinor(amount, currency);
  if (Math.abs(minor) > MAX_ENTERED_MINOR) throw new Error(`"${amount}" is more than an amount here can be`);
  return minor;
}

/** 1234 USD -> "12.34"; 1234 JPY -> "1234": the plain decimal for files and inputs. */
export function formatMinor(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10 ** digits;
  return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, "0")}`;
}

/** 1234 USD -> "$12.34" for people to read. */
export function formatMoney(minor: number, currency: string, locale = "en-US"): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(Number(formatMinor(minor, currency)));
}

/** `bps` basis points of an amount, rounded half away from zero to a whole minor unit. */
export function percentOf(minor: number, bps: number): number {
  const exact = minor * bps;
  const rounded = Math.floor((Math.abs(exact) + 5000) / 10000);
  return exact < 0 ? -rounded : rounded;
}

/**
 * Splits `minor` in proportion to `weights` so the parts add up to it exactly: each part is
 * floored, and the remainder goes one unit at a time to the largest fractional parts
 * (ties to the earlier part).
 */
export function allocate(minor: number, weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (total <= 0) return weights.map((_, i) => (i === 0 ? minor : 0));
  const sign = minor < 0 ? -1 : 1;
  const abs = Math.abs(minor);
  const exact = weights.map((w) => (abs * w) / total);
  const parts = exact.map(Math.floor);
  let remainder = abs - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, fraction: value - Math.floor(value) }))
    .sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { index } of order) {
    if (remainder <= 0) break;
    parts[index] += 1;
    remainder -= 1;
  }
  return parts.map((p) => p * sign);
}
