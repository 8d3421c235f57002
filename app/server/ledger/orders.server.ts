// Orders from Shopify's webhooks (and the backfill): each payload read into a ledger change, and
// changes applied a batch at a time under the locks of their orders. The rules of the ledger are
// in OrderBook (order-book.server.ts); commissions and roll-ups follow every order a batch touched.
import { createHash } from "node:crypto";
import type { DatabaseKind } from "../platform/database-url";
import type { Db, Tx } from "../platform/db.server";
import { groupBy } from "../../domain/group-by";
import { orderFacts, refundFactsFromPayload } from "../../domain/order-facts";
import { countInChunks } from "../platform/chunks.server";
import { settleCommissions } from "./commissions.server";
import { lockKeys } from "../platform/locks.server";
import { OrderBook, orderIdOf, type CustomerTouched, type LedgerChange, type LedgerShop } from "./order-book.server";
import { DaysToRefresh } from "./rollups.server";

export type { LedgerChange, LedgerShop } from "./order-book.server";

const TRANSACTION = { maxWait: 15_000, timeout: 30_000 };

/** orders/create, orders/updated, orders/paid, orders/cancelled: the same snapshot rules for all. */
export function orderSnapshotChange(shop: LedgerShop, payload: unknown): LedgerChange | null {
  const facts = orderFacts(payload);
  if (facts.test) return null;
  return { kind: "snapshot", shop, facts, hash: createHash("sha256").update(JSON.stringify(payload)).digest("hex") };
}

/** refunds/create: kept by refund id; the order's amounts follow if the order is known yet. */
export function refundChange(shop: LedgerShop, payload: unknown): LedgerChange {
  return { kind: "refund", shop, refund: refundFactsFromPayload(payload, shop.currency) };
}

/**
 * The first order of a customer (by email, else id) is from a new customer; later ones are not.
 * Email first: past orders read from the Admin API carry the email but no customer id (the app
 * has no read_customers), webhook orders carry both.
 * The customers' orders are read once, and each customer's flags set again in the order their
 * orders changed. Returns the orders whose flag changed: their days' roll-ups count new customers.
 */
async function refreshCustomerFlags(
  tx: Tx,
  touched: CustomerTouched[],
): Promise<Array<{ shopId: string; influencerId: string | null; placedAt: Date }>> {
  const keyOf = (c: { shopId: string; customerId: string | null; email: string | null }) =>
    c.email ? `${c.shopId}|email|${c.email}` : c.customerId ? `${c.shopId}|id|${c.customerId}` : null;
  const last = new Map<string, CustomerTouched>();
  for (const customer of touched) {
    const k = keyOf(customer);
    if (!k) continue;
    last.delete(k); // the last change of a customer decides
    last.set(k, customer);
  }
  if (!last.size) return [];
  const customers = [...last.values()];
  const byShop = new Map<string, { ids: string[]; emails: string[] }>();
  for (const c of customers) {
    const lists = byShop.get(c.shopId) ?? { ids: [], emails: [] };
    if (c.email) lists.emails.push(c.email);
    else lists.ids.push(c.customerId!);
    byShop.set(c.shopId, lists);
  }
  const orders = await tx.order.findMany({
    where: {
      OR: [...byShop].flatMap(([shopId, { ids, emails }]) => [
        ...(ids.length ? [{ shopId, customerShopifyId: { in: ids } }] : []),
        ...(emails.length ? [{ shopId, customerEmailHash: { in: emails } }] : []),
      ]),
    },
    select: {
      id: true,
      shopId: true,
      influencerId: true,
      customerShopifyId: true,
      customerEmailHash: true,
      placedAt: true,
      shopifyOrderId: true,
      isNewCustomer: true,
    },
  });
  const byKey = new Map([
    ...groupBy(
      orders.filter((o) => !o.customerEmailHash && o.customerShopifyId),
      (o) => `${o.shopId}|id|${o.customerShopifyId}`,
    ),
    ...groupBy(
      orders.filter((o) => o.customerEmailHash),
      (o) => `${o.shopId}|email|${o.customerEmailHash}`,
    ),
  ]);
  const flags = new Map(orders.map((o) => [o.id, o.isNewCustomer]));
  for (const k of last.keys()) {
    const group = byKey.get(k) ?? [];
    const first = group.reduce<(typeof orders)[number] | null>(
      (best, o) =>
        !best ||
        o.placedAt < best.placedAt ||
        (o.placedAt.getTime() === best.placedAt.getTime() && o.shopifyOrderId < best.shopifyOrderId)
          ? o
          : best,
      null,
    );
    for (const o of group) flags.set(o.id, o === first);
  }
  const changed = orders.filter((o) => flags.get(o.id) !== o.isNewCustomer);
  for (const value of [true, false]) {
    const ids = changed.filter((o) => flags.get(o.id) === value).map((o) => o.id);
    if (ids.length)
      await countInChunks(ids, (chunk) =>
        tx.order.updateMany({ where: { id: { in: chunk } }, data: { isNewCustomer: value } }),
      );
  }
  return changed;
}

/** An order's lock, and its customer's: two batches with orders of one customer take turns at their flags. */
function lockKeysOf(change: LedgerChange): string[] {
  const keys = [`${change.shop.id}:order:${orderIdOf(change)}`];
  if (change.kind === "snapshot") {
    const { customerId, customerEmail } = change.facts;
    if (customerId) keys.push(`${change.shop.id}:customer:${customerId}`);
    else if (customerEmail) keys.push(`${change.shop.id}:customer-email:${customerEmail}`);
  }
  return keys;
}

/**
 * Applies changes in one transaction: every order's (and customer's) lock first (in one order, so batches on
 * several servers never deadlock), then the changes in delivery order, then the customers'
 * flags, the commissions and the roll-ups of the days they touched, once each. All or nothing.
 * Returns, for each change, its order's id once the order is known.
 * With `laterDays`, the days touched are added to it for the caller to refresh later (a backlog
 * refreshes each day once for many batches) instead of in this transaction.
 */
export async function applyLedgerChanges(
  db: Db,
  kind: DatabaseKind,
  changes: LedgerChange[],
  laterDays?: DaysToRefresh,
): Promise<Array<string | null>> {
  if (!changes.length) return [];
  return db.$transaction((tx) => applyLedgerChangesIn(tx, kind, changes, laterDays), TRANSACTION);
}

/** The same, inside a transaction the caller holds (the webhook intake stores its events in it too). */
export async function applyLedgerChangesIn(
  tx: Tx,
  kind: DatabaseKind,
  changes: LedgerChange[],
  laterDays?: DaysToRefresh,
): Promise<Array<string | null>> {
  if (!changes.length) return [];
  await lockKeys(tx, kind, changes.flatMap(lockKeysOf));
  const book = await OrderBook.read(tx, changes);
  const days = laterDays ?? new DaysToRefresh();
  for (const change of changes) await book.apply(change, days);
  await book.save(kind);
  const shops = new Map(changes.map((c) => [c.shop.id, c.shop]));
  for (const order of await refreshCustomerFlags(tx, book.customers)) {
    days.addOrder(shops.get(order.shopId)!, order.placedAt, [order.influencerId]); // another order of the customer may change its day
  }
  await settleCommissions(tx, kind, book.orderIds());
  if (!laterDays) await days.refresh(tx, kind);
  return changes.map((change) => book.orderIdFor(change));
}

export async function ledgerShop(db: Tx, shopDomain: string): Promise<LedgerShop | null> {
  return db.shop.findUnique({
    where: { domain: shopDomain },
    select: {
      id: true,
      currency: true,
      timezone: true,
      attributionMode: true,
      attributionWindowDays: true,
      linkCredit: true,
    },
  });
}

/** One order snapshot on its own, by shop domain (for scripts and tests: webhooks and the backfill apply batches). */
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
