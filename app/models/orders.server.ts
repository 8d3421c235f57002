// Orders from Shopify's webhooks: each event applied under a lock on its order, so that duplicated
// and out-of-order deliveries end in the state one in-order delivery would give:
// - the order snapshot kept is the newest by updated_at (ties broken by a hash of the payload);
// - refunds are kept by id, from refunds/create and from the order's own list, whichever came first;
// - a cancellation is never undone by an older snapshot;
// - amounts, attribution and the new-customer flag are derived again from what is stored.
import { createHash } from "node:crypto";
import type { DatabaseKind } from "../database-url";
import type { Db, Tx } from "../db.server";
import { attributeOrder, type AttributionContext } from "../domain/attribution";
import { codeKey } from "../domain/codes";
import { orderFacts, refundFactsFromPayload, type OrderFacts, type RefundFacts } from "../domain/order-facts";
import { linesAfterEdits, netSales, refundTotals } from "../domain/order-ledger";
import { settleCommission } from "./commissions.server";
import { lockKeys } from "./locks.server";
import { DaysToRefresh } from "./rollups.server";

const TRANSACTION = { maxWait: 15_000, timeout: 30_000 };

type ShopRow = { id: string; currency: string; attributionMode: "CODE_AND_LINK" | "CODE_ONLY"; attributionWindowDays: number };

function snapshotHash(payload: unknown): string {
  return createHash("sha256").update(JSON.stringify(payload)).digest("hex");
}

function isNewer(incoming: { at: Date; hash: string }, stored: { shopifyUpdatedAt: Date | null; snapshotHash: string }): boolean {
  if (!stored.shopifyUpdatedAt) return true;
  const diff = incoming.at.getTime() - stored.shopifyUpdatedAt.getTime();
  return diff > 0 || (diff === 0 && incoming.hash > stored.snapshotHash);
}

async function storeRefunds(tx: Tx, shopId: string, refunds: RefundFacts[]) {
  for (const refund of refunds) {
    const key = { shopId_shopifyRefundId: { shopId, shopifyRefundId: refund.refundId } };
    if (await tx.refund.findUnique({ where: key, select: { id: true } })) continue;
    await tx.refund.create({
      data: {
        shopId,
        shopifyRefundId: refund.refundId,
        shopifyOrderId: refund.orderId,
        amountMinor: refund.amountMinor,
        lines: JSON.stringify(refund.lines),
        refundedAt: refund.refundedAt,
      },
    });
  }
}

async function refundsOf(tx: Tx, shopId: string, shopifyOrderId: string): Promise<RefundFacts[]> {
  const rows = await tx.refund.findMany({ where: { shopId, shopifyOrderId }, orderBy: { shopifyRefundId: "asc" } });
  return rows.map((r) => ({
    refundId: r.shopifyRefundId,
    orderId: r.shopifyOrderId,
    refundedAt: r.refundedAt,
    amountMinor: r.amountMinor,
    lines: JSON.parse(r.lines) as RefundFacts["lines"],
  }));
}

type SettledOrder = { id: string; influencerId: string | null; placedAt: Date };

/** Refunded amounts and net sales of a stored order, from its lines and every refund known. */
async function settleAmounts(tx: Tx, shopId: string, shopifyOrderId: string): Promise<SettledOrder | null> {
  const order = await tx.order.findUnique({
    where: { shopId_shopifyOrderId: { shopId, shopifyOrderId } },
    include: { lines: true },
  });
  if (!order) return null; // the refund came first: it waits for its order
  const refunds = await refundsOf(tx, shopId, shopifyOrderId);
  const totals = refundTotals(
    order.lines.map((l) => ({ lineId: l.shopifyLineId, quantity: l.quantity, netMinor: l.netMinor })),
    refunds,
  );
  for (const line of order.lines) {
    const refunded = totals.lines.get(line.shopifyLineId)!;
    if (refunded.refundedMinor !== line.refundedMinor || refunded.refundedQuantity !== line.refundedQuantity) {
      await tx.orderLine.update({ where: { id: line.id }, data: refunded });
    }
  }
  const gross = order.lines.reduce((sum, l) => sum + l.netMinor, 0);
  const net = netSales(gross, totals.refundedMinor, order.cancelledAt !== null);
  if (order.refundedMinor !== totals.refundedMinor || order.netSalesMinor !== net) {
    await tx.order.update({ where: { id: order.id }, data: { refundedMinor: totals.refundedMinor, netSalesMinor: net } });
  }
  return { id: order.id, influencerId: order.influencerId, placedAt: order.placedAt };
}

async function attributionContext(tx: Tx, shop: ShopRow, facts: OrderFacts): Promise<AttributionContext> {
  const keys = facts.discountCodes.map(codeKey);
  const slugs = [facts.noteRef, facts.landingRef].filter((s): s is string => Boolean(s));
  const [codes, links] = await Promise.all([
    keys.length ? tx.discountCode.findMany({ where: { shopId: shop.id, codeKey: { in: keys } }, select: { codeKey: true, influencerId: true } }) : [],
    slugs.length ? tx.referralLink.findMany({ where: { shopId: shop.id, slug: { in: slugs } }, select: { id: true, slug: true, influencerId: true } }) : [],
  ]);
  const linkEntries = await Promise.all(
    links.map(async (link) => {
      const last = await tx.click.findFirst({
        where: { linkId: link.id, isBot: false, occurredAt: { lte: facts.placedAt } },
        orderBy: { occurredAt: "desc" },
        select: { occurredAt: true },
      });
      return [link.slug, { influencerId: link.influencerId, lastClickAt: last?.occurredAt ?? null }] as const;
    }),
  );
  const influencerIds = [...new Set([...codes.map((c) => c.influencerId), ...links.map((l) => l.influencerId)])];
  const influencers = influencerIds.length
    ? await tx.influencer.findMany({ where: { id: { in: influencerIds } }, select: { id: true, email: true, shopifyCustomerId: true } })
    : [];
  return {
    mode: shop.attributionMode,
    windowDays: shop.attributionWindowDays,
    codes: new Map(codes.map((c) => [c.codeKey, c.influencerId])),
    links: new Map(linkEntries),
    influencers: new Map(influencers.map((i) => [i.id, { email: i.email, customerId: i.shopifyCustomerId }])),
  };
}

/** The first order of a customer (by id, else email) is from a new customer; later ones are not. */
async function refreshCustomerFlags(tx: Tx, shopId: string, customerId: string | null, email: string | null) {
  const where = customerId ? { shopId, customerShopifyId: customerId } : email ? { shopId, customerEmail: email } : null;
  if (!where) return;
  const first = await tx.order.findFirst({ where, orderBy: [{ placedAt: "asc" }, { shopifyOrderId: "asc" }], select: { id: true } });
  if (!first) return;
  await tx.order.updateMany({ where: { ...where, id: { not: first.id } }, data: { isNewCustomer: false } });
  await tx.order.update({ where: { id: first.id }, data: { isNewCustomer: true } });
}

async function productsByShopifyId(tx: Tx, shopId: string, ids: string[]) {
  if (!ids.length) return new Map<string, { id: string; productType: string }>();
  const rows = await tx.product.findMany({ where: { shopId, shopifyProductId: { in: ids } }, select: { id: true, shopifyProductId: true, productType: true } });
  return new Map(rows.map((p) => [p.shopifyProductId, { id: p.id, productType: p.productType }]));
}

/**
 * One change to a shop's ledger, read from a webhook payload: applied under the lock of its order,
 * in a transaction that may hold other changes (a batch of deliveries). Returns the order's id
 * once the order is known.
 */
export type LedgerChange = {
  lockKey: string;
  apply: (tx: Tx, days: DaysToRefresh) => Promise<string | null>;
};

export type LedgerShop = ShopRow & { timezone: string };

/** orders/create, orders/updated, orders/paid, orders/cancelled: the same snapshot rules for all. */
export function orderSnapshotChange(shop: LedgerShop, payload: unknown): LedgerChange | null {
  const facts = orderFacts(payload);
  if (facts.test) return null;
  const incoming = { at: facts.updatedAt, hash: snapshotHash(payload) };
  return {
    lockKey: `${shop.id}:order:${facts.orderId}`,
    apply: async (tx, days) => {
      await storeRefunds(tx, shop.id, facts.refunds);
      const key = { shopId_shopifyOrderId: { shopId: shop.id, shopifyOrderId: facts.orderId } };
      const stored = await tx.order.findUnique({
        where: key,
        select: { id: true, shopifyUpdatedAt: true, snapshotHash: true, cancelledAt: true, influencerId: true },
      });
      if (!stored || isNewer(incoming, stored)) await storeSnapshot(tx, shop, facts, incoming.hash, stored);
      const order = await settleAmounts(tx, shop.id, facts.orderId);
      if (!order) return null;
      await settleCommission(tx, order.id); // commissions follow their order
      days.addOrder(shop, order.placedAt, [order.influencerId, stored?.influencerId ?? null]); // and so do the reports
      return order.id;
    },
  };
}

async function storeSnapshot(
  tx: Tx,
  shop: ShopRow,
  facts: OrderFacts,
  hash: string,
  stored: { id: string; cancelledAt: Date | null } | null,
) {
  const attribution = attributeOrder(facts, await attributionContext(tx, shop, facts));
  const lines = linesAfterEdits(facts);
  const products = await productsByShopifyId(tx, shop.id, [...new Set(lines.map((l) => l.productId).filter((p): p is string => Boolean(p)))]);
  const cancelledAt = stored?.cancelledAt ?? facts.cancelledAt; // a cancellation is never undone
  const data = {
    name: facts.name,
    test: false,
    influencerId: attribution.influencerId,
    source: attribution.source,
    attributedCode: attribution.influencerId ? attribution.code : null,
    attributedSlug: attribution.influencerId ? attribution.slug : null,
    selfReferral: attribution.influencerId ? attribution.selfReferral : false,
    customerShopifyId: facts.customerId,
    customerEmail: facts.customerEmail,
    currency: facts.currency,
    subtotalMinor: facts.subtotalMinor,
    discountsMinor: facts.discountsMinor,
    shippingMinor: facts.shippingMinor,
    taxesMinor: facts.taxesMinor,
    totalMinor: facts.totalMinor,
    financialStatus: facts.financialStatus,
    cancelledAt,
    placedAt: facts.placedAt,
    shopifyUpdatedAt: facts.updatedAt,
    snapshotHash: hash,
  };
  const order = stored
    ? await tx.order.update({ where: { id: stored.id }, data, select: { id: true } })
    : await tx.order.create({ data: { shopId: shop.id, shopifyOrderId: facts.orderId, ...data }, select: { id: true } });
  if (stored) await tx.orderLine.deleteMany({ where: { orderId: order.id } });
  await tx.orderLine.createMany({
    data: lines.map((line) => {
      const product = line.productId ? products.get(line.productId) : undefined;
      return {
        shopId: shop.id,
        orderId: order.id,
        shopifyLineId: line.lineId,
        productId: product?.id ?? null,
        shopifyProductId: line.productId,
        shopifyVariantId: line.variantId,
        title: line.title,
        productType: product?.productType ?? "",
        quantity: line.keptQuantity,
        netMinor: line.effectiveNetMinor,
      };
    }),
  });
  await refreshCustomerFlags(tx, shop.id, facts.customerId, facts.customerEmail);
}

/** refunds/create: kept by refund id; the order's amounts follow if the order is known yet. */
export function refundChange(shop: LedgerShop, payload: unknown): LedgerChange {
  const refund = refundFactsFromPayload(payload, shop.currency);
  return {
    lockKey: `${shop.id}:order:${refund.orderId}`,
    apply: async (tx, days) => {
      await storeRefunds(tx, shop.id, [refund]);
      const order = await settleAmounts(tx, shop.id, refund.orderId);
      if (!order) return null;
      await settleCommission(tx, order.id);
      days.addOrder(shop, order.placedAt, [order.influencerId]);
      return order.id;
    },
  };
}

/**
 * Applies changes in one transaction: every order's lock first (in one order, so batches on
 * several servers never deadlock), then each change, then the roll-ups of the days they touched,
 * once per influencer-day. All or nothing.
 */
export async function applyLedgerChanges(db: Db, kind: DatabaseKind, changes: LedgerChange[]): Promise<Array<string | null>> {
  if (!changes.length) return [];
  return db.$transaction((tx) => applyLedgerChangesIn(tx, kind, changes), TRANSACTION);
}

/** The same, inside a transaction the caller holds (the webhook intake stores its events in it too). */
export async function applyLedgerChangesIn(tx: Tx, kind: DatabaseKind, changes: LedgerChange[]): Promise<Array<string | null>> {
  await lockKeys(tx, kind, changes.map((c) => c.lockKey));
  const days = new DaysToRefresh();
  const orderIds: Array<string | null> = [];
  for (const change of changes) orderIds.push(await change.apply(tx, days));
  await days.refresh(tx);
  return orderIds;
}

export async function ledgerShop(db: Tx, shopDomain: string): Promise<LedgerShop | null> {
  return db.shop.findUnique({
    where: { domain: shopDomain },
    select: { id: true, currency: true, timezone: true, attributionMode: true, attributionWindowDays: true },
  });
}

/** One order snapshot on its own (a webhook retried, a backfilled order, a test). */
export async function applyOrderSnapshot(db: Db, kind: DatabaseKind, shopDomain: string, payload: unknown) {
  const shop = await ledgerShop(db, shopDomain);
  if (!shop) return { stored: false as const, reason: "shop not installed" };
  const change = orderSnapshotChange(shop, payload);
  if (!change) return { stored: false as const, reason: "test order" };
  const [orderId] = await applyLedgerChanges(db, kind, [change]);
  return { stored: true as const, orderId };
}

/** One refund on its own. */
export async function applyRefund(db: Db, kind: DatabaseKind, shopDomain: string, payload: unknown) {
  const shop = await ledgerShop(db, shopDomain);
  if (!shop) return { stored: false as const, reason: "shop not installed" };
  const [orderId] = await applyLedgerChanges(db, kind, [refundChange(shop, payload)]);
  return { stored: true as const, orderId };
}
