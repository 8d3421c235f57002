// Property: the ledger does not depend on how changes are grouped into batches. For random
// histories of several orders (customers shared between them, codes of two influencers, a link,
// products with categories, edits, refunds, cancellations), applying every change alone and in
// order stores the same orders, lines, refunds, new-customer flags, commissions, adjustments and
// roll-ups as applying them shuffled and duplicated, in one batch or in random batches.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildRollups } from "~/server/ledger/rollups.server";
import {
  applyLedgerChanges,
  ledgerShop,
  orderSnapshotChange,
  refundChange,
  type LedgerChange,
} from "~/server/ledger/orders.server";
import { freshDatabase, type TestDatabase } from "../support/databases";
import { shuffled } from "../support/deliveries";
import { rollupsKeptAndRebuilt } from "../support/ledger-load";
import { historyLines, historyOp, orderHistory, type HistoryLine, type HistoryOp } from "../support/order-history";

type OrderScenario = {
  customer: number;
  by: "CODE_A" | "CODE_B" | "LINK_B" | "NONE";
  minute: number;
  lines: HistoryLine[];
  ops: HistoryOp[];
};

type Scenario = { orders: OrderScenario[]; duplicates: number[]; seed: number; chunks: number[] };

const scenario: fc.Arbitrary<Scenario> = fc.record({
  orders: fc.array(
    fc.record({
      customer: fc.nat({ max: 2 }),
      by: fc.constantFrom("CODE_A" as const, "CODE_B" as const, "LINK_B" as const, "NONE" as const),
      minute: fc.nat({ max: 2 * 24 * 60 }),
      lines: historyLines,
      ops: fc.array(historyOp, { maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  duplicates: fc.array(fc.nat(), { maxLength: 5 }),
  seed: fc.integer(),
  chunks: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 6 }),
});

const MONTH_START = Date.UTC(2026, 9, 1, 6); // placed in October; last month's sales (September) pick the tier

let database: TestDatabase;
let run = 0;

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => database?.drop());

/** A shop with two influencers (codes ALPHA10 and BETA, a link for Beta), rules and products. */
async function seedShop(name: string) {
  const db = database.db;
  const domain = `${name}.myshopify.com`;
  const shop = await db.shop.create({ data: { domain, handle: name, timezone: "America/New_York" } });
  const alpha = await db.influencer.create({
    data: { shopId: shop.id, name: "Alpha", email: `alpha-${name}@example.com`, commissionBps: 1200 },
  });
  const beta = await db.influencer.create({
    data: { shopId: shop.id, name: "Beta", email: `beta-${name}@example.com`, shopifyCustomerId: "902" },
  });
  await db.discountCode.create({
    data: { shopId: shop.id, influencerId: alpha.id, code: "ALPHA10", codeKey: "ALPHA10", status: "ACTIVE" },
  });
  await db.discountCode.create({
    data: { shopId: shop.id, influencerId: beta.id, code: "BETA", codeKey: "BETA", status: "ACTIVE" },
  });
  const link = await db.referralLink.create({ data: { shopId: shop.id, influencerId: beta.id, slug: `beta-${name}` } });
  await db.click.create({
    data: {
      shopId: shop.id,
      linkId: link.id,
      influencerId: beta.id,
      visitorHash: "v",
      occurredAt: new Date(MONTH_START - 86_400_000),
    },
  });
  await db.commissionRule.create({
    data: {
      shopId: shop.id,
      influencerId: beta.id,
      percentBps: 800,
      tiers: JSON.stringify([{ fromMinor: 10_000, percentBps: 1500 }]),
      overrides: JSON.stringify([{ collection: "Summer", percentBps: 2000 }]),
    },
  });
  for (const [index, type, collections] of [
    [0, "Skincare", []],
    [1, "Haircare", ["Summer"]],
    [2, "Skincare", ["Summer"]],
  ] as const) {
    await db.product.create({
      data: {
        shopId: shop.id,
        shopifyProductId: String(700 + index),
        title: `Product ${index}`,
        productType: type,
        collections: JSON.stringify(collections),
      },
    });
  }
  // Beta sold in September: October's orders earn the upper tier.
  await db.order.create({
    data: {
      shopId: shop.id,
      shopifyOrderId: "1",
      currency: "USD",
      influencerId: beta.id,
      source: "CODE",
      netSalesMinor: 12_000,
      placedAt: new Date(MONTH_START - 5 * 86_400_000),
    },
  });
  return { domain, slug: `beta-${name}`, shop: (await ledgerShop(db, domain))! };
}

async function changesFor(s: Scenario, seeded: Awaited<ReturnType<typeof seedShop>>): Promise<LedgerChange[]> {
  return s.orders.flatMap((order, i) => {
    const { deliveries } = orderHistory({
      orderId: 5000 + i,
      start: MONTH_START + order.minute * 60_000,
      lines: order.lines,
      ops: order.ops,
      customer: 900 + order.customer,
      codes: order.by === "CODE_A" ? ["alpha10"] : order.by === "CODE_B" ? ["BETA"] : [],
      ref: order.by === "LINK_B" ? seeded.slug : undefined,
    });
    return deliveries.map((d) =>
      d.topic === "refunds/create"
        ? refundChange(seeded.shop, d.payload)
        : orderSnapshotChange(seeded.shop, d.payload)!,
    );
  });
}

/** Everything the ledger holds for a shop, without ids, in a stable order. */
async function ledgerOf(domain: string) {
  const db = database.db;
  const shop = await db.shop.findUniqueOrThrow({ where: { domain } });
  const names = new Map((await db.influencer.findMany({ where: { shopId: shop.id } })).map((i) => [i.id, i.name]));
  const who = (id: string | null) => (id ? names.get(id) : null);
  const orders = await db.order.findMany({
    where: { shopId: shop.id },
    orderBy: { shopifyOrderId: "asc" },
    include: {
      lines: { orderBy: { shopifyLineId: "asc" } },
      commission: { include: { adjustments: { orderBy: { sourceKey: "asc" } } } },
    },
  });
  const days = await db.influencerDay.findMany({
    where: { shopId: shop.id },
    orderBy: [{ day: "asc" }, { influencerId: "asc" }],
  });
  const categories = await db.influencerCategoryDay.findMany({ where: { shopId: shop.id } });
  const shopDays = await db.shopDay.findMany({ where: { shopId: shop.id }, orderBy: { day: "asc" } });
  const refunds = await db.refund.findMany({ where: { shopId: shop.id }, orderBy: { shopifyRefundId: "asc" } });
  const strip = <T extends Record<string, unknown>>(row: T) =>
    Object.fromEntries(
      Object.entries(row).filter(
        ([k]) =>
          ![
            "id",
            "shopId",
            "orderId",
            "influencerId",
            "productId",
            "commissionId",
            "createdAt",
            "updatedAt",
            "sourceKey",
          ].includes(k),
      ),
    );
  return {
    // Each shop has its own slug, so its payloads (and their hashes) differ by that name alone.
    orders: orders.map(({ lines, commission, snapshotHash: _, ...o }) => ({
      ...strip(o),
      attributedSlug: o.attributedSlug && "the link",
      attributionReason: o.attributedSlug
        ? o.attributionReason.replace(o.attributedSlug, "the link")
        : o.attributionReason,
      influencer: who(o.influencerId),
      lines: lines.map((l) => ({ ...strip(l), hasProduct: l.productId !== null })),
      commission: commission && {
        ...strip({ ...commission, adjustments: undefined }),
        influencer: who(commission.influencerId),
        adjustments: commission.adjustments.map((a) => strip(a)),
      },
    })),
    refunds: refunds.map((r) => strip(r)),
    days: days.map((d) => ({ ...strip(d), influencer: who(d.influencerId) })),
    categories: categories
      .map((c) => ({ ...strip(c), influencer: who(c.influencerId) }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    shopDays: shopDays.map((d) => strip(d)),
  };
}

describe("ledger batches", () => {
  it("store the same ledger whether changes come alone and in order, in one batch or in random batches", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        run += 1;
        const [inOrder, oneBatch, batches] = await Promise.all(
          ["alone", "one", "many"].map((kind) => seedShop(`batches-${run}-${kind}`)),
        );
        const { db, kind } = database;

        for (const change of await changesFor(s, inOrder)) await applyLedgerChanges(db, kind, [change]);

        const mixed = (changes: LedgerChange[]) =>
          shuffled([...changes, ...s.duplicates.map((d) => changes[d % changes.length])], s.seed);
        await applyLedgerChanges(db, kind, mixed(await changesFor(s, oneBatch)));

        const rest = mixed(await changesFor(s, batches));
        for (let i = 0; rest.length; i++)
          await applyLedgerChanges(db, kind, rest.splice(0, s.chunks[i % s.chunks.length]));

        const expected = await ledgerOf(inOrder.domain);
        expect(expected.orders.length).toBe(s.orders.length + 1);
        expect(await ledgerOf(oneBatch.domain)).toEqual(expected);
        expect(await ledgerOf(batches.domain)).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  }, 240_000);

  it("keep a day's roll-up and a customer's first order right when batches on it run at once", async () => {
    const { db, kind } = database;
    const seeded = await seedShop(`batches-concurrent-${++run}`);
    await rebuildRollups(db, seeded.shop.id); // the seeded September order and click
    const start = MONTH_START + 60 * 60_000;
    // Twelve batches of five new orders, all Alpha's, on one day, sent at once: first with
    // customers of their own (only the day's lock makes the batches take turns at its roll-up),
    // then with three customers shared by all (their locks make the batches take turns at flags).
    const sendAtOnce = (firstOrder: number, customerOf: (orderId: number) => number) =>
      Promise.all(
        Array.from({ length: 12 }, (_, b) =>
          applyLedgerChanges(
            db,
            kind,
            Array.from({ length: 5 }, (_, i) => {
              const orderId = firstOrder + b * 5 + i;
              const { deliveries } = orderHistory({
                orderId,
                start: start + i * 1000,
                lines: [{ price: 2500, quantity: 1 }],
                ops: [],
                customer: customerOf(orderId),
                codes: ["ALPHA10"],
              });
              return orderSnapshotChange(seeded.shop, deliveries[0].payload)!;
            }),
          ),
        ),
      );

    await sendAtOnce(7000, (orderId) => orderId);
    const { kept, rebuilt } = await rollupsKeptAndRebuilt(db, seeded.domain);
    expect(kept.days.find((d) => d.includes('"orders":60'))).toBeDefined();
    expect(kept).toEqual(rebuilt);

    await sendAtOnce(8000, (orderId) => 900 + (orderId % 3));
    const shared = await db.order.findMany({
      where: { shop: { domain: seeded.domain }, customerShopifyId: { in: ["900", "901", "902"] }, isNewCustomer: true },
    });
    expect(shared.map((o) => o.customerShopifyId).sort()).toEqual(["900", "901", "902"]);
  });
});
