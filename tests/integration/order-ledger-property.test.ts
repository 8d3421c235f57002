// Property: for random histories of one order (create, updates, edits, payment, refunds,
// cancellation), delivering the events shuffled, duplicated and concurrently stores the same
// ledger as delivering each once in order, and that ledger is the one computed from the history.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { OTHER_SHOP, TEST_SHOP } from "../support/constants";
import { seedInfluencerWithLink } from "../support/factories";
import { shuffled } from "../support/deliveries";
import { historyLines, historyOp, orderHistory, type HistoryLine, type HistoryOp } from "../support/order-history";
import { useWorld } from "../support/harness";
import { adminFetch, sendWebhook } from "../support/shopify";

const world = useWorld();
const IN_ORDER = TEST_SHOP;
const SHUFFLED = OTHER_SHOP;

type Scenario = {
  lines: HistoryLine[];
  code: "CODE10" | "NONE";
  ops: HistoryOp[];
  duplicates: number[];
  seed: number;
};

const scenario: fc.Arbitrary<Scenario> = fc.record({
  lines: historyLines,
  code: fc.constantFrom("CODE10" as const, "NONE" as const),
  ops: fc.array(historyOp, { maxLength: 6 }),
  duplicates: fc.array(fc.nat(), { maxLength: 4 }),
  seed: fc.integer(),
});

type Delivery = { topic: string; payload: unknown; webhookId: string };

/** Turns a scenario into Shopify's deliveries, in the order they happened, and the expected net sales. */
function history(s: Scenario, orderId: number): { deliveries: Delivery[]; expectedNet: number } {
  const { deliveries, expectedNet } = orderHistory({
    orderId,
    start: Date.UTC(2026, 10, 1, 12),
    lines: s.lines,
    ops: s.ops,
    customer: orderId,
    codes: s.code === "CODE10" ? ["code10"] : [],
    shippingMinor: 500,
  });
  return { deliveries: deliveries.map((d) => ({ ...d, webhookId: randomUUID() })), expectedNet };
}

async function send(shop: string, delivery: Delivery) {
  const response = await sendWebhook(world.app.url, delivery.topic, delivery.payload, {
    shop,
    webhookId: `${shop}:${delivery.webhookId}`,
  });
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
  const refunds = await db.refund.findMany({
    where: { shop: { domain: shop }, shopifyOrderId: String(orderId) },
    orderBy: { shopifyRefundId: "asc" },
  });
  if (!order) return null;
  const { id, shopId, influencerId, createdAt, updatedAt, lines, influencer, commission, ...fields } = order;
  return {
    ...fields,
    commission: commission && {
      status: commission.status,
      amountMinor: commission.amountMinor,
      baseMinor: commission.baseMinor,
      holdUntil: commission.holdUntil,
      adjustments: commission.adjustments.map((a) => [
        a.sourceKey.split(":").slice(1).join(":"),
        a.amountMinor,
        a.payoutId,
      ]),
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
    await seedInfluencerWithLink(world.database.db, shop, {
      slug: `ten-${shop.split(".")[0]}`,
      code: "CODE10",
      email: "ten@example.com",
    });
  }
});

describe("order ledger under duplicated, out-of-order, concurrent delivery", () => {
  it("equals the in-order result and the history's own figures", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const orderId = nextOrderId++;
        const { deliveries, expectedNet } = history(s, orderId);
        for (const delivery of deliveries) await send(IN_ORDER, delivery);

        const chaos = shuffled([...deliveries, ...s.duplicates.map((d) => deliveries[d % deliveries.length])], s.seed);
        for (let i = 0; i < chaos.length; i += 3) {
          await Promise.all(chaos.slice(i, i + 3).map((delivery) => send(SHUFFLED, delivery)));
        }

        const expected = await ledger(IN_ORDER, orderId);
        expect(expected?.netSalesMinor).toBe(expectedNet);
        expect(expected?.influencer).toBe(s.code === "CODE10" ? "ten@example.com" : null);
        // Commission: 10% of what the order was worth before refunds, each refund taken back.
        if (s.code === "CODE10") {
          const owed =
            expected!.commission!.amountMinor +
            expected!.commission!.adjustments.reduce((sum, [, a]) => sum + Number(a), 0);
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
