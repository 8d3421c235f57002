// Property: for random histories of one order (create, updates, edits, payment, refunds,
// cancellation), delivering the events shuffled, duplicated and concurrently stores the same
// ledger as delivering each once in order, and that ledger is the one computed from the history.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { OTHER_SHOP, TEST_SHOP } from "../support/constants";
import { seedInfluencerWithLink } from "../support/factories";
import { useWorld } from "../support/harness";
import { adminFetch, sendWebhook } from "../support/shopify";

const world = useWorld();
const IN_ORDER = TEST_SHOP;
const SHUFFLED = OTHER_SHOP;

type Op =
  | { kind: "update" }
  | { kind: "paid" }
  | { kind: "edit"; line: number }
  | { kind: "refund"; line: number }
  | { kind: "cancel" };

type Scenario = {
  lines: Array<{ price: number; quantity: number }>;
  code: "CODE10" | "NONE";
  ops: Op[];
  duplicates: number[];
  seed: number;
};

const scenario: fc.Arbitrary<Scenario> = fc.record({
  lines: fc.array(fc.record({ price: fc.integer({ min: 100, max: 20_000 }), quantity: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 3 }),
  code: fc.constantFrom("CODE10" as const, "NONE" as const),
  ops: fc.array(
    fc.oneof(
      fc.constant<Op>({ kind: "update" }),
      fc.constant<Op>({ kind: "paid" }),
      fc.constant<Op>({ kind: "cancel" }),
      fc.integer({ min: 0, max: 2 }).map<Op>((line) => ({ kind: "edit", line })),
      fc.integer({ min: 0, max: 2 }).map<Op>((line) => ({ kind: "refund", line })),
    ),
    { maxLength: 6 },
  ),
  duplicates: fc.array(fc.nat(), { maxLength: 4 }),
  seed: fc.integer(),
});

type Delivery = { topic: string; payload: unknown; webhookId: string };

const money = (minor: number) => {
  const amount = (minor / 100).toFixed(2);
  return { shop_money: { amount, currency_code: "USD" }, presentment_money: { amount, currency_code: "USD" } };
};

/** Turns a scenario into Shopify's deliveries, in the order they happened, and the expected net sales. */
function history(s: Scenario, orderId: number): { deliveries: Delivery[]; expectedNet: number } {
  const start = Date.UTC(2026, 10, 1, 12);
  const at = (minute: number) => new Date(start + minute * 60_000).toISOString();
  const lines = s.lines.map((l, i) => ({ id: orderId * 10 + i, ...l, edited: 0, refunded: 0 }));
  const refunds: Array<Record<string, unknown>> = [];
  let cancelledAt: string | null = null;
  let financial = "pending";
  const snapshot = (minute: number) => ({
    id: orderId,
    name: `#${orderId}`,
    test: false,
    created_at: at(0),
    updated_at: at(minute),
    cancelled_at: cancelledAt,
    financial_status: financial,
    email: `buyer${orderId}@example.com`,
    customer: { id: orderId, email: `buyer${orderId}@example.com` },
    discount_codes: s.code === "CODE10" ? [{ code: "code10" }] : [],
    note_attributes: [],
    landing_site: "/",
    subtotal_price_set: money(lines.reduce((sum, l) => sum + l.price * l.quantity, 0)),
    total_discounts_set: money(0),
    total_shipping_price_set: money(500),
    total_tax_set: money(0),
    total_price_set: money(lines.reduce((sum, l) => sum + l.price * l.quantity, 0) + 500),
    line_items: lines.map((l) => ({
      id: l.id,
      product_id: 700 + (l.id % 3),
      title: `Product ${l.id % 3}`,
      quantity: l.quantity,
      current_quantity: l.quantity - l.edited - l.refunded,
      price_set: money(l.price),
      discount_allocations: [],
    })),
    refunds: structuredClone(refunds),
  });
  const deliveries: Delivery[] = [{ topic: "orders/create", payload: snapshot(0), webhookId: randomUUID() }];
  s.ops.forEach((op, index) => {
    const minute = index + 1;
    if (op.kind === "edit" || op.kind === "refund") {
      const line = lines[op.line % lines.length];
      if (line.quantity - line.edited - line.refunded === 0) return;
      if (op.kind === "edit") {
        line.edited += 1;
        deliveries.push({ topic: "orders/updated", payload: snapshot(minute), webhookId: randomUUID() });
        return;
      }
      line.refunded += 1;
      const refund = {
        id: orderId * 100 + minute,
        order_id: orderId,
        created_at: at(minute),
        refund_line_items: [{ line_item_id: line.id, quantity: 1, subtotal_set: money(line.price) }],
      };
      refunds.push(refund);
      deliveries.push({ topic: "refunds/create", payload: refund, webhookId: randomUUID() });
      deliveries.push({ topic: "orders/updated", payload: snapshot(minute), webhookId: randomUUID() });
      return;
    }
    if (op.kind === "cancel") {
      if (cancelledAt) return;
      cancelledAt = at(minute);
      financial = "voided";
      deliveries.push({ topic: "orders/cancelled", payload: snapshot(minute), webhookId: randomUUID() });
      return;
    }
    if (op.kind === "paid") financial = "paid";
    deliveries.push({ topic: op.kind === "paid" ? "orders/paid" : "orders/updated", payload: snapshot(minute), webhookId: randomUUID() });
  });
  const kept = lines.reduce((sum, l) => sum + l.price * (l.quantity - l.edited), 0);
  const refunded = lines.reduce((sum, l) => sum + l.price * l.refunded, 0);
  return { deliveries, expectedNet: cancelledAt ? 0 : kept - refunded };
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

async function send(shop: string, delivery: Delivery) {
  const response = await sendWebhook(world.app.url, delivery.topic, delivery.payload, { shop, webhookId: `${shop}:${delivery.webhookId}` });
  expect(response.status).toBe(200);
}

async function ledger(shop: string, orderId: number) {
  const db = world.database.db;
  const order = await db.order.findFirst({
    where: { shop: { domain: shop }, shopifyOrderId: String(orderId) },
    include: {
      lines: { orderBy: { shopifyLineId: "asc" } },
      influencer: { select: { email: true } },
      commission: { include: { adjustments: { orderBy: { sourceKey: "asc" } } } },
    },
  });
  const refunds = await db.refund.findMany({ where: { shop: { domain: shop }, shopifyOrderId: String(orderId) }, orderBy: { shopifyRefundId: "asc" } });
  if (!order) return null;
  const { id, shopId, influencerId, createdAt, updatedAt, lines, influencer, commission, ...fields } = order;
  return {
    ...fields,
    commission: commission && {
      status: commission.status,
      amountMinor: commission.amountMinor,
      baseMinor: commission.baseMinor,
      holdUntil: commission.holdUntil,
      adjustments: commission.adjustments.map((a) => [a.sourceKey.split(":").slice(1).join(":"), a.amountMinor, a.payoutId]),
    },
    influencer: influencer?.email ?? null,
    lines: lines.map(({ id: _i, shopId: _s, orderId: _o, productId: _p, ...line }) => line),
    refunds: refunds.map((r) => [r.shopifyRefundId, r.amountMinor, r.lines]),
  };
}

let nextOrderId = 40_000;

beforeAll(async () => {
  for (const shop of [IN_ORDER, SHUFFLED]) {
    expect((await adminFetch(world.app.url, "/app", { shop })).status).toBe(200);
    await seedInfluencerWithLink(world.database.db, shop, { slug: `ten-${shop.split(".")[0]}`, code: "CODE10", email: "ten@example.com" });
  }
});

describe("order ledger under duplicated, out-of-order, concurrent delivery", () => {
  it("equals the in-order result and the history's own figures", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const orderId = nextOrderId++;
        const { deliveries, expectedNet } = history(s, orderId);
        for (const delivery of deliveries) await send(IN_ORDER, delivery);

        const chaos = shuffled(
          [...deliveries, ...s.duplicates.map((d) => deliveries[d % deliveries.length])],
          s.seed,
        );
        for (let i = 0; i < chaos.length; i += 3) {
          await Promise.all(chaos.slice(i, i + 3).map((delivery) => send(SHUFFLED, delivery)));
        }

        const expected = await ledger(IN_ORDER, orderId);
        expect(expected?.netSalesMinor).toBe(expectedNet);
        expect(expected?.influencer).toBe(s.code === "CODE10" ? "ten@example.com" : null);
        // Commission: 10% of what the order was worth before refunds, each refund taken back.
        if (s.code === "CODE10") {
          const owed = expected!.commission!.amountMinor + expected!.commission!.adjustments.reduce((sum, [, a]) => sum + Number(a), 0);
          expect(expected!.commission!.status).toBe(expected!.cancelledAt ? "VOID" : "PENDING");
          if (!expected!.cancelledAt) expect(owed).toBe(Math.round(expectedNet / 10));
        }
        expect(await ledger(SHUFFLED, orderId)).toEqual(expected);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 30) },
    );
    const failed = await world.database.db.webhookEvent.count({ where: { status: { not: "PROCESSED" } } });
    expect(failed).toBe(0);
  }, 120_000);
});
