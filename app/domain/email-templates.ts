// The emails the app sends, with the shop's own wording: each kind has a default text and a fixed
// set of merge fields ({{first_name}}, ...). A template naming any other field is refused when it
// is saved, so a typo never reaches an influencer's inbox as "{{frist_name}}".
import type { EmailKind } from "#db-client";
import { discountLabel } from "./codes";
import { formatMoney } from "./money";
import { bpsToPercent } from "./percent";
export type { EmailKind };

const COMMON = ["first_name", "shop_name", "commission", "discount"] as const;

export const MERGE_FIELDS: Record<EmailKind, readonly string[]> = {
  PITCH: [...COMMON, "application_link"],
  WELCOME: [...COMMON, "discount_code", "referral_link", "portal_link"],
  MONTHLY: [...COMMON, "month", "clicks", "orders", "net_sales", "earnings", "top_category", "portal_link"],
};

export const EMAIL_KIND_NAMES: Record<EmailKind, string> = {
  PITCH: "Pitch to a prospect",
  WELCOME: "Welcome after approval",
  MONTHLY: "Monthly performance",
};

export const DEFAULT_TEMPLATES: Record<EmailKind, { subject: string; body: string }> = {
  PITCH: {
    subject: "{{shop_name}} would love to partner with you, {{first_name}}",
    body: `Hi {{first_name}},

We have been following your work, and it shows: your audience trusts you because you take the time to show products honestly. That trust is worth more than a flat fee for a post, and we would like to pay you for what it really brings.

Here is what we offer:
- {{commission}} commission on every order you bring, for as long as we work together;
- {{discount}} off for your followers, with your own code and link;
- your own portal with your numbers: clicks, orders, earnings, and which of our product categories sell best to your audience, so you can plan content that works for you.

Paying per result means your earnings grow with your audience, and you keep the data that shows what you are worth.

If that sounds good, tell us about yourself here: {{application_link}}

Thank you for reading,
{{shop_name}}`,
  },
  WELCOME: {
    subject: "Welcome to {{shop_name}}'s partners, {{first_name}}",
    body: `Hi {{first_name}},

Welcome aboard! Everything you need is ready:
- your code for followers: {{discount_code}} ({{discount}} off)
- your link: {{referral_link}}
- your commission: {{commission}} of every order you bring

Your portal shows your clicks, orders and earnings as they happen, and what sells best to your audience:
{{portal_link}}

Keep that link to yourself: it opens your portal without a password.

{{shop_name}}`,
  },
  MONTHLY: {
    subject: "Your {{month}} with {{shop_name}}: {{orders}} orders",
    body: `Hi {{first_name}},

Here is your {{month}}:
- {{clicks}} clicks on your link
- {{orders}} orders, {{net_sales}} in sales
- {{earnings}} earned
- what your audience bought most: {{top_category}}

See the details, your payouts and what top partners do differently in your portal:
{{portal_link}}

Thank you for the work you put in,
{{shop_name}}`,
  },
};

const FIELD = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** The merge fields a text names that its kind does not know. */
export function unknownFields(kind: EmailKind, text: string): string[] {
  const known = new Set(MERGE_FIELDS[kind]);
  return [...new Set([...text.matchAll(FIELD)].map((m) => m[1]).filter((name) => !known.has(name)))];
}

export type TemplateInput = { subject: string; body: string };

/** A template as the merchant typed it: each field's problem, or the template to save. */
export function parseTemplate(kind: EmailKind, fields: Record<string, string | undefined>) {
  const errors: Record<string, string> = {};
  const subject = (fields.subject ?? "").trim();
  const body = (fields.body ?? "").replace(/\r\n/g, "\n").trim();
  if (!subject) errors.subject = "Write a subject";
  else if (subject.length > 200) errors.subject = "Keep the subject under 200 characters";
  if (!body) errors.body = "Write the message";
  else if (body.length > 20_000) errors.body = "Keep the message under 20,000 characters";
  for (const [name, text] of [
    ["subject", subject],
    ["body", body],
  ] as const) {
    const unknown = unknownFields(kind, text);
    if (unknown.length && !errors[name]) {
      errors[name] =
        `Unknown merge field ${unknown.map((u) => `{{${u}}}`).join(", ")}; use ${MERGE_FIELDS[kind].map((f) => `{{${f}}}`).join(", ")}`;
    }
  }
  return Object.keys(errors).length ? { ok: false as const, errors } : { ok: true as const, input: { subject, body } };
}

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

export type RenderedEmail = { subject: string; text: string; html: string };

/**
 * Fills the merge fields. The text part gets the values as they are; the HTML part is built from
 * escaped text (values included), links made clickable, so nothing typed by anyone becomes markup.
 */
export function renderEmail(template: TemplateInput, values: Record<string, string>, footer?: string): RenderedEmail {
  const fill = (text: string) => text.replace(FIELD, (_m, name: string) => values[name] ?? "");
  const subject = fill(template.subject).replace(/[\r\n]+/g, " ");
  const text = fill(template.body) + (footer ? `\n\n--\n${footer}` : "");
  const html = text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${linkify(escapeHtml(paragraph)).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  return { subject, text, html: `<div style="font-family:sans-serif;font-size:15px;line-height:1.5">${html}</div>` };
}

function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

/** "Maya Lopez" -> "Maya". */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? "";
}

/** The merge values every email shares: who it is to, from which shop, and the program's terms. */
export function programValues(p: {
  influencerName: string;
  shopName: string;
  commissionBps: number;
  code: (Parameters<typeof discountLabel>[0] & { code: string }) | null;
  defaultDiscountBps: number;
  currency: string;
}): Record<string, string> {
  return {
    first_name: firstName(p.influencerName),
    shop_name: p.shopName,
    commission: `${bpsToPercent(p.commissionBps)}%`,
    discount: p.code ? discountLabel(p.code, p.currency) : `${bpsToPercent(p.defaultDiscountBps)}%`,
    discount_code: p.code?.code ?? "ALEX10",
  };
}

/** A month's figures as the monthly email words them. */
export function monthlyValues(
  m: {
    month: string;
    clicks: number;
    orders: number;
    netSalesMinor: number;
    earningsMinor: number;
    topCategory: string | null;
  },
  currency: string,
): Record<string, string> {
  return {
    month: m.month,
    clicks: m.clicks.toLocaleString("en-US"),
    orders: String(m.orders),
    net_sales: formatMoney(m.netSalesMinor, currency),
    earnings: formatMoney(m.earningsMinor, currency),
    top_category: m.topCategory || "nothing yet",
  };
}
