// Order webhook payloads for tests: the fields Shopify sends that the app reads.
import type { StandInOrder } from "./admin-api/state";

/** A Shopify money set in USD, shop and presentment alike, from a decimal string. */
export const moneySet = (amount: string) => ({
  shop_money: { amount, currency_code: "USD" },
  presentment_money: { amount, currency_code: "USD" },
});

/** A past order as the Admin API stand-in holds it, for the backfill: an hour apart by id. */
export function pastOrder(id: number, code: string, refunded = false): StandInOrder {
  const at = new Date(Date.UTC(2026, 5, 1) + id * 3_600_000).toISOString();
  return {
    id,
    name: `#${id}`,
    created_at: at,
    updated_at: at,
    test: false,
    financial_status: "paid",
    customer: { id: id + 1_000, email: `buyer${id}@example.com` },
    discount_codes: [{ code }],
    subtotal_price_set: moneySet("40.00"),
    total_discounts_set: moneySet("4.00"),
    total_shipping_price_set: moneySet("5.00"),
    total_tax_set: moneySet("0.00"),
    total_price_set: moneySet("45.00"),
    line_items: [
      {
        id: id * 10,
        product_id: null,
        title: "Serum",
        quantity: 2,
        current_quantity: refunded ? 1 : 2,
        price_set: moneySet("22.00"),
        discount_allocations: [{ amount_set: moneySet("4.00") }],
      },
    ],
    refunds: refunded
      ? [
          {
            id: id * 100,
            created_at: at,
            refund_line_items: [{ line_item_id: id * 10, quantity: 1, subtotal_set: moneySet("20.00") }],
          },
        ]
      : [],
  };
}

const money = (minor: number) => moneySet((minor / 100).toFixed(2));

export function orderPayload(options: {
  id: number;
  netMinor: number;
  daysAgo?: number;
  code?: string;
  customerId?: number;
  productType?: string;
  cancelled?: boolean;
  lineId?: number;
}) {
  const at = new Date(Date.now() - (options.daysAgo ?? 0) * 86_400_000).toISOString();
  return {
    id: options.id,
    name: `#${options.id}`,
    test: false,
    created_at: at,
    updated_at: options.cancelled ? new Date().toISOString() : at,
    cancelled_at: options.cancelled ? new Date().toISOString() : null,
    financial_status: options.cancelled ? "voided" : "paid",
    customer: { id: options.customerId ?? options.id, email: `buyer${options.customerId ?? options.id}@example.com` },
    discount_codes: options.code ? [{ code: options.code }] : [],
    subtotal_price_set: money(options.netMinor),
    total_shipping_price_set: money(500),
    total_price_set: money(options.netMinor + 500),
    line_items: [
      {
        id: options.lineId ?? options.id * 10,
        product_id: null as number | null,
        title: "Serum",
        quantity: 1,
        current_quantity: 1,
        price_set: money(options.netMinor),
        discount_allocations: [],
      },
    ],
    refunds: [],
  };
}

export function refundPayload(options: { id: number; orderId: number; lineId?: number; amountMinor: number }) {
  return {
    id: options.id,
    order_id: options.orderId,
    created_at: new Date().toISOString(),
    refund_line_items: [
      { line_item_id: options.lineId ?? options.orderId * 10, quantity: 1, subtotal_set: money(options.amountMinor) },
    ],
  };
}
