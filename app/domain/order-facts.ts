// What the app needs from Shopify's order and refund payloads (webhooks, REST shape), read into
// plain facts with amounts in the shop's currency (`*_set.shop_money`), never the presentment one.
// A payload without what attribution needs is refused with the field that is missing.
import { z } from "zod";
import { toMinor } from "./money";

const id = z.union([z.number(), z.string().regex(/^\d+$/)]).transform(String);
const moneySet = z.object({
  shop_money: z.object({ amount: z.union([z.string(), z.number()]), currency_code: z.string().length(3) }),
});
const optionalMoneySet = moneySet.nullish();
const timestamp = z.string().refine((v) => !Number.isNaN(Date.parse(v)), "is not a date and time");

const lineSchema = z.object({
  id,
  product_id: id.nullish(),
  variant_id: id.nullish(),
  title: z.string().nullish(),
  name: z.string().nullish(),
  quantity: z.number().int().min(0),
  current_quantity: z.number().int().min(0).nullish(),
  price_set: moneySet,
  discount_allocations: z.array(z.object({ amount_set: moneySet })).nullish(),
});

const refundLineSchema = z.object({
  line_item_id: id,
  quantity: z.number().int().min(0),
  subtotal_set: moneySet,
});

const refundSchema = z.object({
  id,
  order_id: id,
  created_at: timestamp,
  processed_at: timestamp.nullish(),
  refund_line_items: z.array(refundLineSchema).default([]),
});

const orderSchema = z.object({
  id,
  name: z.string().nullish(),
  test: z.boolean().default(false),
  created_at: timestamp,
  processed_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
  cancelled_at: timestamp.nullish(),
  financial_status: z.string().nullish(),
  email: z.string().nullish(),
  contact_email: z.string().nullish(),
  customer: z.object({ id: id.nullish(), email: z.string().nullish() }).nullish(),
  discount_codes: z.array(z.object({ code: z.string() })).default([]),
  note_attributes: z
    .array(z.object({ name: z.string(), value: z.union([z.string(), z.number()]).nullish() }))
    .nullish(),
  landing_site: z.string().nullish(),
  checkout_token: z.string().nullish(),
  subtotal_price_set: optionalMoneySet,
  total_discounts_set: optionalMoneySet,
  total_shipping_price_set: optionalMoneySet,
  total_tax_set: optionalMoneySet,
  total_price_set: moneySet,
  line_items: z.array(lineSchema),
  refunds: z.array(refundSchema).nullish(),
});

export type LineFacts = {
  lineId: string;
  productId: string | null;
  variantId: string | null;
  title: string;
  quantity: number;
  currentQuantity: number | null;
  netMinor: number; // price x quantity less its discounts, before edits and refunds
};

export type RefundFacts = {
  refundId: string;
  orderId: string;
  refundedAt: Date;
  lines: Array<{ lineId: string; quantity: number; amountMinor: number }>;
  amountMinor: number;
};

export type OrderFacts = {
  orderId: string;
  name: string;
  test: boolean;
  placedAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
  financialStatus: string;
  currency: string;
  customerId: string | null;
  customerEmail: string | null;
  discountCodes: string[];
  noteRef: string | null;
  noteRefAt: Date | null;
  /** The first link clicked within the window, kept by the theme embed beside the last (`noteRef`). */
  noteFirstRef: string | null;
  noteFirstRefAt: Date | null;
  landingRef: string | null;
  /** Shopify's token of the checkout that made the order: the web pixel reports it. */
  checkoutToken: string | null;
  subtotalMinor: number;
  discountsMinor: number;
  shippingMinor: number;
  taxesMinor: number;
  totalMinor: number;
  lines: LineFacts[];
  refunds: RefundFacts[];
};

export class PayloadError extends Error {}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "payload"} ${issue.message}`)
    .join("; ");
}

function minorOf(set: z.infer<typeof moneySet> | null | undefined, currency: string): number {
  if (!set) return 0;
  return toMinor(typeof set.shop_money.amount === "number" ? set.shop_money.amount : set.shop_money.amount, currency);
}

function refundFacts(refund: z.infer<typeof refundSchema>, currency: string): RefundFacts {
  const lines = refund.refund_line_items.map((line) => ({
    lineId: line.line_item_id,
    quantity: line.quantity,
    amountMinor: minorOf(line.subtotal_set, currency),
  }));
  return {
    refundId: refund.id,
    orderId: refund.order_id,
    refundedAt: new Date(refund.processed_at ?? refund.created_at),
    lines,
    amountMinor: lines.reduce((sum, l) => sum + l.amountMinor, 0),
  };
}

/** The `ref` of a landing URL like `/products/x?ref=maya&utm_source=ig`. */
export function refFromLandingSite(landingSite: string | null | undefined): string | null {
  if (!landingSite) return null;
  try {
    return new URL(landingSite, "https://shop.example").searchParams.get("ref")?.toLowerCase() || null;
  } catch {
    return null;
  }
}

export function orderFacts(payload: unknown): OrderFacts {
  const parsed = orderSchema.safeParse(payload);
  if (!parsed.success) throw new PayloadError(`Order payload: ${describe(parsed.error)}`);
  const o = parsed.data;
  const currency = o.total_price_set.shop_money.currency_code;
  const attribute = (names: string[]) => {
    const found = o.note_attributes?.find((a) => names.includes(a.name.trim().toLowerCase()));
    return found?.value == null ? null : String(found.value).trim();
  };
  const refAt = attribute(["ref_at", "_ref_at"]);
  const firstRefAt = attribute(["first_ref_at", "_first_ref_at"]);
  const email = o.customer?.email ?? o.email ?? o.contact_email ?? null;
  return {
    orderId: o.id,
    name: o.name ?? "",
    test: o.test,
    placedAt: new Date(o.processed_at ?? o.created_at),
    updatedAt: new Date(o.updated_at ?? o.created_at),
    cancelledAt: o.cancelled_at ? new Date(o.cancelled_at) : null,
    financialStatus: o.financial_status ?? "",
    currency,
    customerId: o.customer?.id ?? null,
    customerEmail: email ? email.trim().toLowerCase() : null,
    discountCodes: o.discount_codes.map((d) => d.code.trim()).filter(Boolean),
    noteRef: attribute(["ref", "_ref"])?.toLowerCase() || null,
    noteRefAt: refAt && !Number.isNaN(Date.parse(refAt)) ? new Date(refAt) : null,
    noteFirstRef: attribute(["first_ref", "_first_ref"])?.toLowerCase() || null,
    noteFirstRefAt: firstRefAt && !Number.isNaN(Date.parse(firstRefAt)) ? new Date(firstRefAt) : null,
    landingRef: refFromLandingSite(o.landing_site),
    checkoutToken: o.checkout_token || null,
    subtotalMinor: minorOf(o.subtotal_price_set, currency),
    discountsMinor: minorOf(o.total_discounts_set, currency),
    shippingMinor: minorOf(o.total_shipping_price_set, currency),
    taxesMinor: minorOf(o.total_tax_set, currency),
    totalMinor: minorOf(o.total_price_set, currency),
    lines: o.line_items.map((line) => {
      const gross = minorOf(line.price_set, currency) * line.quantity;
      const discounts = (line.discount_allocations ?? []).reduce((sum, a) => sum + minorOf(a.amount_set, currency), 0);
      return {
        lineId: line.id,
        productId: line.product_id ?? null,
        variantId: line.variant_id ?? null,
        title: line.title ?? line.name ?? "",
        quantity: line.quantity,
        currentQuantity: line.current_quantity ?? null,
        netMinor: gross - discounts,
      };
    }),
    refunds: (o.refunds ?? []).map((r) => refundFacts(r, currency)),
  };
}

export function refundFactsFromPayload(payload: unknown, shopCurrency: string): RefundFacts {
  const parsed = refundSchema.safeParse(payload);
  if (!parsed.success) throw new PayloadError(`Refund payload: ${describe(parsed.error)}`);
  const currency = parsed.data.refund_line_items[0]?.subtotal_set.shop_money.currency_code ?? shopCurrency;
  return refundFacts(parsed.data, currency);
}
