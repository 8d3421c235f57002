// Random order histories for property tests: an order created, then updated, paid, edited (units
// taken off a line), refunded (a unit of a line: refunds/create, then the order's update) and
// cancelled, turned into the deliveries Shopify would send, in the order they happened.
import fc from "fast-check";

export type HistoryOp = { kind: "update" | "paid" | "cancel" } | { kind: "edit" | "refund"; line: number };

export const historyOp: fc.Arbitrary<HistoryOp> = fc.oneof(
  fc.constantFrom<HistoryOp>({ kind: "update" }, { kind: "paid" }, { kind: "cancel" }),
  fc.record({ kind: fc.constantFrom("edit" as const, "refund" as const), line: fc.nat({ max: 2 }) }),
);

export type HistoryLine = { price: number; quantity: number; product?: number };

export const historyLines: fc.Arbitrary<HistoryLine[]> = fc.array(
  fc.record({
    price: fc.integer({ min: 100, max: 20_000 }),
    quantity: fc.integer({ min: 1, max: 3 }),
    product: fc.nat({ max: 3 }),
  }),
  { minLength: 1, maxLength: 3 },
);

export type OrderHistory = {
  orderId: number;
  /** When the order was placed; each step comes a minute after the one before. */
  start: number;
  lines: HistoryLine[];
  ops: HistoryOp[];
  customer: number;
  codes?: string[];
  ref?: string;
  shippingMinor?: number;
};

export type HistoryDelivery = { topic: string; payload: Record<string, unknown> };

const money = (minor: number) => {
  const amount = (minor / 100).toFixed(2);
  return { shop_money: { amount, currency_code: "USD" }, presentment_money: { amount, currency_code: "USD" } };
};

/** The deliveries of one order's history, in the order they happened, and its net sales at the end. */
export function orderHistory(h: OrderHistory): { deliveries: HistoryDelivery[]; expectedNet: number } {
  const at = (minute: number) => new Date(h.start + minute * 60_000).toISOString();
  const lines = h.lines.map((l, i) => ({
    id: h.orderId * 10 + i,
    product: l.product ?? i % 3,
    price: l.price,
    quantity: l.quantity,
    edited: 0,
    refunded: 0,
  }));
  const refunds: Array<Record<string, unknown>> = [];
  const subtotal = lines.reduce((sum, l) => sum + l.price * l.quantity, 0);
  let cancelledAt: string | null = null;
  let financial = "pending";
  const snapshot = (minute: number) => ({
    id: h.orderId,
    name: `#${h.orderId}`,
    test: false,
    created_at: at(0),
    updated_at: at(minute),
    cancelled_at: cancelledAt,
    financial_status: financial,
    email: `buyer${h.customer}@example.com`,
    customer: { id: h.customer, email: `buyer${h.customer}@example.com` },
    discount_codes: (h.codes ?? []).map((code) => ({ code })),
    note_attributes: h.ref ? [{ name: "ref", value: h.ref }] : [],
    landing_site: "/",
    subtotal_price_set: money(subtotal),
    total_discounts_set: money(0),
    total_shipping_price_set: money(h.shippingMinor ?? 0),
    total_tax_set: money(0),
    total_price_set: money(subtotal + (h.shippingMinor ?? 0)),
    line_items: lines.map((l) => ({
      id: l.id,
      product_id: 700 + l.product,
      title: `Product ${l.product}`,
      quantity: l.quantity,
      current_quantity: l.quantity - l.edited - l.refunded,
      price_set: money(l.price),
      discount_allocations: [],
    })),
    refunds: structuredClone(refunds),
  });
  const deliveries: HistoryDelivery[] = [{ topic: "orders/create", payload: snapshot(0) }];
  h.ops.forEach((op, index) => {
    const minute = index + 1;
    if (op.kind === "edit" || op.kind === "refund") {
      const line = lines[op.line % lines.length];
      if (line.quantity - line.edited - line.refunded === 0) return;
      if (op.kind === "edit") line.edited += 1;
      else {
        line.refunded += 1;
        const refund = {
          id: h.orderId * 100 + minute,
          order_id: h.orderId,
          created_at: at(minute),
          refund_line_items: [{ line_item_id: line.id, quantity: 1, subtotal_set: money(line.price) }],
        };
        refunds.push(refund);
        deliveries.push({ topic: "refunds/create", payload: refund });
      }
      deliveries.push({ topic: "orders/updated", payload: snapshot(minute) });
      return;
    }
    if (op.kind === "cancel") {
      if (cancelledAt) return;
      cancelledAt = at(minute);
      financial = "voided";
      deliveries.push({ topic: "orders/cancelled", payload: snapshot(minute) });
      return;
    }
    if (op.kind === "paid") financial = "paid";
    deliveries.push({ topic: op.kind === "paid" ? "orders/paid" : "orders/updated", payload: snapshot(minute) });
  });
  const kept = lines.reduce((sum, l) => sum + l.price * (l.quantity - l.edited), 0);
  const refunded = lines.reduce((sum, l) => sum + l.price * l.refunded, 0);
  return { deliveries, expectedNet: cancelledAt ? 0 : kept - refunded };
}
