// The merchant's program settings as typed in the admin, with an error per field.
import type { AttributionMode, CommissionKind, LinkCredit } from "#db-client";
import type { RateOverride, Tier } from "./commission";
import type { FieldErrors } from "./influencer-input";
import { formatMinor, enteredMinor } from "./money";
import { bpsToPercent, percentToBps } from "./percent";

export type ProgramSettings = {
  commissionKind: CommissionKind;
  percentBps: number;
  fixedMinor: number;
  tiers: Tier[];
  overrides: RateOverride[];
  newCustomerBonusMinor: number;
  holdPeriodDays: number;
  payoutThresholdMinor: number;
  attributionWindowDays: number;
  attributionMode: AttributionMode;
  linkCredit: LinkCredit;
};

function money(text: string, currency: string): number | null {
  try {
    const minor = enteredMinor(text.trim(), currency);
    return minor >= 0 ? minor : null;
  } catch {
    return null;
  }
}

function wholeDays(text: string, min: number, max: number): number | null {
  return /^\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max ? Number(text) : null;
}

/** A line with nothing on either side of its "=" (an empty row of the editor) is no line. */
const emptyLine = (line: string) => /^((collection|type)\s*:)?\s*=?\s*$/i.test(line);

/** "500.00 = 15" per line: from that much last month, 15 %. */
export function parseTiers(text: string, currency: string): { tiers: Tier[] } | { error: string } {
  const tiers: Tier[] = [];
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (emptyLine(line)) continue;
    const match = /^([\d.]+)\s*=\s*([\d.]+)\s*%?$/.exec(line);
    const fromMinor = match ? money(match[1], currency) : null;
    const bps = match ? percentToBps(match[2]) : null;
    if (fromMinor === null || bps === null || bps > 10000)
      return { error: `Line ${index + 1}: write "sales from = percent", like 500.00 = 15` };
    tiers.push({ fromMinor, percentBps: bps });
  }
  return { tiers: tiers.sort((a, b) => a.fromMinor - b.fromMinor) };
}

/** "Fragrance = 5" (a product type) or "collection: Gifts = 20" per line. */
export function parseOverrides(text: string): { overrides: RateOverride[] } | { error: string } {
  const overrides: RateOverride[] = [];
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (emptyLine(line)) continue;
    const match = /^(?:(collection|type)\s*:\s*)?(.+?)\s*=\s*([\d.]+)\s*%?$/i.exec(line);
    const bps = match ? percentToBps(match[3]) : null;
    if (!match || bps === null || bps > 10000)
      return { error: `Line ${index + 1}: write "Product type = percent" or "collection: Name = percent"` };
    overrides.push(
      match[1]?.toLowerCase() === "collection"
        ? { collection: match[2], percentBps: bps }
        : { productType: match[2], percentBps: bps },
    );
  }
  return { overrides };
}

export function formatTiers(tiers: Tier[], currency: string): string {
  return tiers.map((t) => `${formatMinor(t.fromMinor, currency)} = ${bpsToPercent(t.percentBps)}`).join("\n");
}

export function formatOverrides(overrides: RateOverride[]): string {
  return overrides
    .map((o) =>
      o.collection
        ? `collection: ${o.collection} = ${bpsToPercent(o.percentBps)}`
        : `${o.productType} = ${bpsToPercent(o.percentBps)}`,
    )
    .join("\n");
}

export function parseProgramSettings(
  raw: Record<string, string>,
  currency: string,
): { ok: true; settings: ProgramSettings } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const kind = raw.commissionKind === "FIXED" ? "FIXED" : "PERCENT";
  if (raw.commissionKind !== "FIXED" && raw.commissionKind !== "PERCENT")
    errors.commissionKind = "commissionKind is PERCENT or FIXED";
  const mode = raw.attributionMode === "CODE_ONLY" ? "CODE_ONLY" : "CODE_AND_LINK";
  const linkCredit = raw.linkCredit === "FIRST_CLICK" ? "FIRST_CLICK" : "LAST_CLICK";
  if (raw.linkCredit !== "FIRST_CLICK" && raw.linkCredit !== "LAST_CLICK")
    errors.linkCredit = "linkCredit is LAST_CLICK or FIRST_CLICK";
  if (raw.attributionMode !== "CODE_ONLY" && raw.attributionMode !== "CODE_AND_LINK")
    errors.attributionMode = "attributionMode is CODE_ONLY or CODE_AND_LINK";
  const percentBps = percentToBps(raw.commissionPercent ?? "");
  if (kind === "PERCENT" && (percentBps === null || percentBps > 10000))
    errors.commissionPercent = "Enter a commission between 0 and 100 percent";
  const fixedMinor = money(raw.fixedAmount ?? "", currency);
  if (kind === "FIXED" && (fixedMinor === null || fixedMinor === 0))
    errors.fixedAmount = `Enter an amount in ${currency}, like 5.00`;
  const bonus = money(raw.newCustomerBonus ?? "", currency);
  if (bonus === null) errors.newCustomerBonus = `Enter an amount in ${currency}, or 0`;
  const tiers = parseTiers(raw.tiers ?? "", currency);
  if ("error" in tiers) errors.tiers = tiers.error;
  const overrides = parseOverrides(raw.overrides ?? "");
  if ("error" in overrides) errors.overrides = overrides.error;
  const hold = wholeDays(raw.holdPeriodDays ?? "", 0, 365);
  if (hold === null) errors.holdPeriodDays = "Enter a number of days from 0 to 365";
  const threshold = money(raw.payoutThreshold ?? "", currency);
  if (threshold === null) errors.payoutThreshold = `Enter an amount in ${currency}, or 0`;
  const window = wholeDays(raw.attributionWindowDays ?? "", 1, 365);
  if (window === null) errors.attributionWindowDays = "Enter a number of days from 1 to 365";
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      commissionKind: kind,
      percentBps: percentBps ?? 0,
      fixedMinor: fixedMinor ?? 0,
      tiers: "tiers" in tiers ? tiers.tiers : [],
      overrides: "overrides" in overrides ? overrides.overrides : [],
      newCustomerBonusMinor: bonus ?? 0,
      holdPeriodDays: hold!,
      payoutThresholdMinor: threshold!,
      attributionWindowDays: window!,
      attributionMode: mode,
      linkCredit,
    },
  };
}
