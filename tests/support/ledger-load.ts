// A load of order and refund deliveries whose resulting ledger is known in advance: orders of
// one influencer's code, a third of them partly refunded, a share of deliveries sent twice, all
// shuffled (refunds may come before their order). Used by the load and the fault tests.
import { rebuildRollups } from "~/server/ledger/rollups.server";
import type { PrismaClient } from "#db-client";
import { shuffled, type Delivery } from "./deliveries";
import { orderPayload, refundPayload } from "./orders";

export type LedgerLoad = {
  deliveries: Delivery[];
  unique: number;
  duplicates: number;
  expected: Map<string, { netSalesMinor: number; commissionMinor: number }>;
};

export function ledgerLoad(options: {
  deliveries: number;
  code: string;
  firstOrderId: number;
  duplicateShare?: number;
}): LedgerLoad {
  const duplicateShare = options.duplicateShare ?? 0.2;
  const unique = Math.round(options.deliveries / (1 + duplicateShare));
  const orders = Math.ceil(unique / 1.34); // a third of the orders get one refund
  const events: Delivery[] = [];
  const expected = new Map<string, { netSalesMinor: number; commissionMinor: number }>();
  for (let i = 0; i < orders && events.length < unique; i++) {
    const id = options.firstOrderId + i;
    const net = 1_000 + (i % 50) * 100; // whole tens of cents: 10 % commission is exact
    events.push({
      topic: "orders/create",
      payload: orderPayload({ id, netMinor: net, daysAgo: i % 20, code: options.code }),
      webhookId: `load-order-${id}`,
    });
    let refunded = 0;
    if (i % 3 === 0 && events.length < unique) {
      refunded = (net * 3) / 10;
      events.push({
        topic: "refunds/create",
        payload: refundPayload({ id: id * 10 + 1, orderId: id, amountMinor: refunded }),
        webhookId: `load-refund-${id}`,
      });
    }
    expected.set(String(id), { netSalesMinor: net - refunded, commissionMinor: (net - refunded) / 10 });
  }
  const copies = Math.round(events.length * duplicateShare);
  const deliveries = shuffled([...events, ...shuffled(events, 7).slice(0, copies)], 11);
  return { deliveries, unique: events.length, duplicates: copies, expected };
}

/** The stored ledger against the expected one: orders missing, wrong or unexpected (the database holds only this load). */
export async function ledgerDifferences(db: PrismaClient, load: LedgerLoad) {
  const orders = await db.order.findMany({
    select: {
      shopifyOrderId: true,
      netSalesMinor: true,
      commission: { select: { amountMinor: true, adjustments: { select: { amountMinor: true } } } },
    },
  });
  const actual = new Map(
    orders.map((o) => [
      o.shopifyOrderId,
      {
        netSalesMinor: o.netSalesMinor,
        commissionMinor:
          (o.commission?.amountMinor ?? 0) + (o.commission?.adjustments ?? []).reduce((s, a) => s + a.amountMinor, 0),
      },
    ]),
  );
  return {
    missing: [...load.expected.keys()].filter((id) => !actual.has(id)).length,
    wrong: [...load.expected]
      .filter(([id, want]) => actual.has(id) && JSON.stringify(actual.get(id)) !== JSON.stringify(want))
      .slice(0, 5),
    unexpected: [...actual.keys()].filter((id) => !load.expected.has(id)).length,
  };
}

/** The shop's roll-ups as kept while webhooks were applied, and as a rebuild from the source rows makes them. */
export async function rollupsKeptAndRebuilt(db: PrismaClient, shopDomain: string) {
  const shop = await db.shop.findUniqueOrThrow({ where: { domain: shopDomain } });
  const read = async () => {
    const [days, weeks, shopDays, categories] = await Promise.all([
      db.influencerDay.findMany({ where: { shopId: shop.id }, omit: { id: true } }),
      db.influencerWeek.findMany({ where: { shopId: shop.id }, omit: { id: true } }),
      db.shopDay.findMany({ where: { shopId: shop.id }, omit: { id: true } }),
      db.influencerCategoryDay.findMany({ where: { shopId: shop.id }, omit: { id: true } }),
    ]);
    const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
    return { days: sorted(days), weeks: sorted(weeks), shopDays: sorted(shopDays), categories: sorted(categories) };
  };
  const kept = await read();
  await rebuildRollups(db, shop.id);
  return { kept, rebuilt: await read() };
}
