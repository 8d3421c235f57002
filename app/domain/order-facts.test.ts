import { describe, expect, it } from "vitest";
import { orderFacts, PayloadError, refundFactsFromPayload } from "./order-facts";
import { linesAfterEdits, netSales, refundTotals } from "./order-ledger";

const money = (shop: string, presentment: string, shopCurrency = "EUR", presentmentCurrency = "USD") => ({
  shop_money: { amount: shop, currency_code: shopCurrency },
  presentment_money: { amount: presentment, currency_code: presentmentCurrency },
});

const payload = {
  id: 5001,
  name: "#5001",
  test: false,
  created_at: "2026-11-20T10:00:00+01:00",
  updated_at: "2026-11-20T10:05:00+01:00",
  cancelled_at: null,
  financial_status: "paid",
  email: "Shopper@Example.com",
  customer: { id: 42, email: "Shopper@Example.com" },
  discount_codes: [{ code: "maya10", amount: "9.00", type: "percentage" }],
  note_attributes: [
    { name: "ref", value: "Maya-Rivera" },
    { name: "ref_at", value: "2026-11-19T08:00:00.000Z" },
  ],
  landing_site: "/products/serum?ref=leo-chen&utm_source=ig",
  subtotal_price_set: money("81.00", "88.00"),
  total_discounts_set: money("9.00", "9.80"),
  total_shipping_price_set: money("5.00", "5.40"),
  total_tax_set: money("16.20", "17.60"),
  total_price_set: money("102.20", "111.00"),
  line_items: [
    {
      id: 1,
      product_id: 900,
      variant_id: 9001,
      title: "Serum",
      quantity: 2,
      current_quantity: 2,
      price_set: money("30.00", "32.50"),
      discount_allocations: [{ amount_set: money("6.00", "6.50") }],
    },
    {
      id: 2,
      product_id: 901,
      variant_id: 9011,
      title: "Cream",
      quantity: 1,
      current_quantity: 1,
      price_set: money("30.00", "32.50"),
      discount_allocations: [{ amount_set: money("3.00", "3.30") }],
    },
  ],
  refunds: [],
};

describe("order facts from Shopify's payload", () => {
  it("reads amounts in the shop's currency, not the shopper's", () => {
    const facts = orderFacts(payload);
    expect(facts).toMatchObject({
      orderId: "5001",
      currency: "EUR",
      subtotalMinor: 8100,
      discountsMinor: 900,
      shippingMinor: 500,
      taxesMinor: 1620,
      totalMinor: 10220,
      customerId: "42",
      customerEmail: "shopper@example.com",
      discountCodes: ["maya10"],
      noteRef: "maya-rivera",
      landingRef: "leo-chen",
    });
    expect(facts.placedAt.toISOString()).toBe("2026-11-20T09:00:00.000Z");
    expect(facts.noteRefAt?.toISOString()).toBe("2026-11-19T08:00:00.000Z");
    expect(facts.lines.map((l) => [l.lineId, l.productId, l.netMinor])).toEqual([
      ["1", "900", 5400],
      ["2", "901", 2700],
    ]);
  });

  it("in yen there are no cents", () => {
    const yen = orderFacts({
      ...payload,
      total_price_set: money("10220", "70", "JPY"),
      line_items: [{ ...payload.line_items[0], price_set: money("3000", "20", "JPY"), discount_allocations: [] }],
    });
    expect(yen.currency).toBe("JPY");
    expect(yen.lines[0].netMinor).toBe(6000);
  });

  it("names the missing field of a bad payload", () => {
    expect(() => orderFacts({ ...payload, line_items: undefined })).toThrow(PayloadError);
    expect(() => orderFacts({ ...payload, line_items: undefined })).toThrow(/line_items/);
    expect(() => orderFacts({ ...payload, id: "abc" })).toThrow(/id/);
    expect(() => refundFactsFromPayload({ id: 1 }, "EUR")).toThrow(/order_id/);
  });
});

describe("the order ledger", () => {
  it("takes edits out before refunds, and never refunds more than a line was worth", () => {
    // Line 1: 3 bought, 1 refunded, 1 removed by an edit -> current_quantity 1.
    const facts = orderFacts({
      ...payload,
      line_items: [
        {
          ...payload.line_items[0],
          quantity: 3,
          current_quantity: 1,
          price_set: money("10.00", "11.00"),
          discount_allocations: [],
        },
      ],
      refunds: [
        {
          id: 70,
          order_id: 5001,
          created_at: "2026-11-21T00:00:00Z",
          refund_line_items: [{ line_item_id: 1, quantity: 1, subtotal_set: money("10.00", "11.00") }],
        },
      ],
    });
    const lines = linesAfterEdits(facts);
    expect(lines.map((l) => [l.keptQuantity, l.effectiveNetMinor])).toEqual([[2, 2000]]);
    const totals = refundTotals(
      lines.map((l) => ({ lineId: l.lineId, quantity: l.keptQuantity, netMinor: l.effectiveNetMinor })),
      [
        ...facts.refunds,
        {
          refundId: "71",
          orderId: "5001",
          refundedAt: new Date(),
          amountMinor: 5000,
          lines: [{ lineId: "1", quantity: 5, amountMinor: 5000 }],
        },
      ],
    );
    expect(totals.refundedMinor).toBe(2000);
    expect(totals.lines.get("1")).toEqual({ refundedQuantity: 2, refundedMinor: 2000 });
  });

  it("counts nothing for a cancelled order", () => {
    expect(netSales(8100, 1000, false)).toBe(7100);
    expect(netSales(8100, 1000, true)).toBe(0);
    expect(netSales(100, 1000, false)).toBe(0);
  });
});
