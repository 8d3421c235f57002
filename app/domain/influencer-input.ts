// The shape of an influencer as a merchant enters it (the admin form, a CSV row): one schema for
// both, with errors keyed by field in the merchant's words.
import type { DiscountKind } from "#db-client";
import { z } from "zod";
import { codeProblem } from "./codes";
import { enteredMinor } from "./money";
import { percentToBps } from "./percent";
import { destinationProblem } from "./referral-links";

export type FieldErrors = Record<string, string>;

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters`);
const optionalText = (max: number) => z.preprocess((v) => (v == null ? "" : String(v)), text(max));

/** An email address as people type it (trimmed, lower case), no longer than an address can be. */
export const emailAddress = (message: string) =>
  z.string().trim().toLowerCase().max(254, "Use at most 254 characters").pipe(z.email(message));
const flag = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "yes" || v === "1", z.boolean());
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const profileSchema = z.object({
  name: text(120).min(1, "Enter a name"),
  email: emailAddress("Enter an email address like name@example.com"),
  commissionPercent: optionalText(20),
  tags: optionalText(500),
});

const codeSchema = z.object({
  code: optionalText(255),
  discountType: z
    .enum(["percentage", "fixed_amount"], { error: "discountType is percentage or fixed_amount" })
    .default("percentage"),
  discountPercent: optionalText(20),
  discountAmount: optionalText(20),
  oncePerCustomer: flag.default(false),
  usageLimit: optionalText(20),
  minimumSubtotal: optionalText(20),
  startsAt: optionalText(20),
  endsAt: optionalText(20),
  combinesWithOrder: flag.default(false),
  combinesWithProduct: flag.default(false),
  combinesWithShipping: flag.default(true),
  destinationPath: optionalText(500),
});

export type DiscountTerms = {
  kind: DiscountKind;
  percentBps: number | null;
  amountMinor: number | null;
  oncePerCustomer: boolean;
  usageLimit: number | null;
  minimumSubtotalMinor: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  combinesWithOrder: boolean;
  combinesWithProduct: boolean;
  combinesWithShipping: boolean;
};

export type InfluencerInput = {
  name: string;
  email: string;
  code: string;
  commissionBps: number | null;
  tags: string;
  destinationPath: string;
  discount: DiscountTerms;
};

function money(textValue: string, currency: string): number | null {
  try {
    const minor = enteredMinor(textValue, currency);
    return minor > 0 ? minor : null;
  } catch {
    return null;
  }
}

/** Cleans "Summer, VIP ,summer" into "summer,vip". */
export function normalizeTags(raw: string): string {
  const tags = raw
    .split(",")
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)].join(",");
}

export function issuesToErrors(issues: z.core.$ZodIssue[], errors: FieldErrors) {
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
}

export type ProfileInput = { name: string; email: string; commissionBps: number | null; tags: string };
export type CodeInput = { code: string; discount: DiscountTerms; destinationPath: string };

/** Name, email, commission and tags of an influencer. */
export function parseProfileInput(
  raw: Record<string, unknown>,
): { ok: true; input: ProfileInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) {
    issuesToErrors(parsed.error.issues, errors);
    return { ok: false, errors };
  }
  let commissionBps: number | null = null;
  if (parsed.data.commissionPercent !== "") {
    commissionBps = percentToBps(parsed.data.commissionPercent);
    if (commissionBps === null || commissionBps > 10000) {
      errors.commissionPercent = "Enter a commission between 0 and 100 percent, or leave it empty for the shop default";
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: { name: parsed.data.name, email: parsed.data.email, commissionBps, tags: normalizeTags(parsed.data.tags) },
  };
}

/** A discount code and its terms; `currency` is the shop's, for fixed amounts and minimum subtotals. */
export function parseCodeInput(
  raw: Record<string, unknown>,
  currency: string,
): { ok: true; input: CodeInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const parsed = codeSchema.safeParse(raw);
  if (!parsed.success) {
    issuesToErrors(parsed.error.issues, errors);
    return { ok: false, errors };
  }
  const v = parsed.data;
  const codeIssue = codeProblem(v.code);
  if (codeIssue) errors.code = codeIssue;
  if (
    v.usageLimit !== "" &&
    !(/^\d+$/.test(v.usageLimit) && Number(v.usageLimit) >= 1 && Number(v.usageLimit) <= 99_999_999)
  ) {
    errors.usageLimit = "Enter a whole number of uses, at least 1";
  }
  if (v.startsAt !== "" && !isoDate.test(v.startsAt)) errors.startsAt = "Use a date like 2026-12-01";
  if (v.endsAt !== "" && !isoDate.test(v.endsAt)) errors.endsAt = "Use a date like 2026-12-31";

  let percentBps: number | null = null;
  let amountMinor: number | null = null;
  if (v.discountType === "percentage") {
    percentBps = percentToBps(v.discountPercent);
    if (percentBps === null || percentBps < 100 || percentBps > 10000) {
      errors.discountPercent = "Enter a discount between 1 and 100 percent";
    }
  } else {
    amountMinor = money(v.discountAmount, currency);
    if (amountMinor === null) errors.discountAmount = `Enter an amount in ${currency}, like 5.00`;
  }

  let minimumSubtotalMinor: number | null = null;
  if (v.minimumSubtotal !== "") {
    minimumSubtotalMinor = money(v.minimumSubtotal, currency);
    if (minimumSubtotalMinor === null) errors.minimumSubtotal = `Enter an amount in ${currency}, like 50.00`;
  }

  const startsAt = isoDate.test(v.startsAt) ? new Date(`${v.startsAt}T00:00:00Z`) : null;
  const endsAt = isoDate.test(v.endsAt) ? new Date(`${v.endsAt}T23:59:59Z`) : null;
  if (startsAt && Number.isNaN(startsAt.getTime())) errors.startsAt = "This date does not exist";
  if (endsAt && Number.isNaN(endsAt.getTime())) errors.endsAt = "This date does not exist";
  if (startsAt && endsAt && endsAt <= startsAt) errors.endsAt = "End after the start date";

  const destinationPath = v.destinationPath || "/";
  const pathProblem = destinationProblem(destinationPath);
  if (pathProblem) errors.destinationPath = pathProblem;

  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      code: v.code.trim(),
      destinationPath,
      discount: {
        kind: v.discountType === "percentage" ? "PERCENTAGE" : "FIXED_AMOUNT",
        percentBps,
        amountMinor,
        oncePerCustomer: v.oncePerCustomer,
        usageLimit: v.usageLimit ? Number(v.usageLimit) : null,
        minimumSubtotalMinor,
        startsAt,
        endsAt,
        combinesWithOrder: v.combinesWithOrder,
        combinesWithProduct: v.combinesWithProduct,
        combinesWithShipping: v.combinesWithShipping,
      },
    },
  };
}

/** A new influencer: profile and first code together, with every field's problem at once. */
export function parseInfluencerInput(
  raw: Record<string, unknown>,
  currency: string,
): { ok: true; input: InfluencerInput } | { ok: false; errors: FieldErrors } {
  const profile = parseProfileInput(raw);
  const code = parseCodeInput(raw, currency);
  if (!profile.ok || !code.ok) {
    return { ok: false, errors: { ...(code.ok ? {} : code.errors), ...(profile.ok ? {} : profile.errors) } };
  }
  return { ok: true, input: { ...profile.input, ...code.input } };
}
