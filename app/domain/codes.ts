// Discount codes an influencer shares: what a valid one looks like, and suggestions from a name.
import type { DiscountKind } from "#db-client";
import { formatMoney } from "./money";
import { bpsToPercent } from "./percent";

/** Shopify treats codes case-insensitively; the app compares them by this key. */
export function codeKey(code: string): string {
  return code.trim().toUpperCase();
}

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$/;

/** Why a code cannot be used, or null when it can. */
export function codeProblem(code: string): string | null {
  const trimmed = code.trim();
  if (!trimmed) return "Enter a code";
  if (trimmed.length < 3) return "Use at least 3 characters";
  if (trimmed.length > 40) return "Use at most 40 characters";
  if (!CODE_PATTERN.test(trimmed))
    return "Use letters, numbers, dashes and underscores only, starting with a letter or number";
  return null;
}

function lettersOf(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9 ]/g, "")
    .trim()
    .toUpperCase();
}

/** Easy-to-say codes from an influencer's name, skipping those already taken (by key). */
export function suggestCodes(name: string, discountPercent: number | null, taken: Set<string>, count = 4): string[] {
  const words = lettersOf(name).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const first = words[0];
  const joined = words.join("");
  const initials = words.length > 1 ? first + words[words.length - 1][0] : first;
  const number = discountPercent && discountPercent > 0 ? String(Math.round(discountPercent)) : "10";
  const candidates = [
    `${first}${number}`,
    `${joined}${number}`,
    `${initials}${number}`,
    joined,
    `${first}VIP`,
    `${first}LOVES`,
  ];
  for (let i = 2; candidates.length < 30; i++) candidates.push(`${first}${number}${i}`);
  const out: string[] = [];
  for (const candidate of candidates) {
    const code = candidate.slice(0, 40);
    if (codeProblem(code) || taken.has(codeKey(code)) || out.includes(code)) continue;
    out.push(code);
    if (out.length === count) break;
  }
  return out;
}

/** What a code takes off, in the shop's words: "15%" or "$5.00". */
export function discountLabel(
  code: {
    kind: DiscountKind;
    percentBps: number | null;
    amountMinor: number | null;
    currency: string | null;
  },
  shopCurrency: string,
): string {
  return code.kind === "PERCENTAGE"
    ? `${bpsToPercent(code.percentBps ?? 0)}%`
    : formatMoney(code.amountMinor ?? 0, code.currency ?? shopCurrency);
}
