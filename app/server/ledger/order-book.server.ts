// The orders a batch of ledger changes touches, read in a few queries, changed in memory in
// delivery order by the rules below, and written back in a few statements. One change costs the
// same rules whether it comes alone (a retry, a backfilled order) or with two hundred others.
// The rules, so that duplicated and out-of-order deliveries end in the state one in-order
// delivery would give:
// - the order snapshot kept is the newest by updated_at (ties broken by a hash of the payload);
// - refunds are kept by id, from refunds/create and from the order's own list, whichever came first;
// - a cancellation is never undone by an older snapshot;
// - amounts and attribution are derived again from what is stored;
// - a web pixel report attributes its order (when the order's checkout token matches) if nothing
//   else did, whichever of the two arrives first.
import { refundLines } from "../platform/json-columns.server";
import type { AttributionMode, AttributionSource, LinkCredit, Order, OrderLine, Refund } from "#db-client";
import type { DatabaseKind } from "../platform/database-url";
import type { Tx } from "../platform/db.server";
import {
  attributeOrder,
  type Attribution,
  type AttributionContext,
  type AttributionInput,
} from "../../domain/attribution";
import { shopperEmailHash } from "../platform/shopper-email.server";
import { codeKey } from "../../domain/codes";
import { groupBy } from "../../domain/group-by";
import type { OrderFacts, RefundFacts } from "../../domain/order-facts";
import { linesAfterEdits, netSales, refundTotals } from "../../domain/order-ledger";
import { bulkInsert, bulkUpdate, orderedId, type ColumnsOf } from "../platform/bulk-insert.server";
import { countInChunks } from "../platform/chunks.server";
import type { DaysToRefresh } from "./rollups.server";

export type LedgerShop = {
  id: string;
  currency: string;
  timezone: string;
  attributionMode: AttributionMode;
  attributionWindowDays: number;
  linkCredit: LinkCredit;
};

/** One change to a shop's ledger, read from a webhook payload (or a backfilled order). */
export type LedgerChange =
  | { kind: "snapshot"; shop: LedgerShop; facts: OrderFacts; hash: string }
  | { kind: "refund"; shop: LedgerShop; refund: RefundFacts }
  /** A web pixel report was stored for this order: attribute it by the report if nothing else did. */
  | { kind: "pixel"; shop: LedgerShop; orderId: string };

export function orderIdOf(change: LedgerChange): string {
  return change.kind === "snapshot"
    ? change.facts.orderId
    : change.kind === "refund"
      ? change.refund.orderId
      : change.orderId;
}

/** The columns an order snapshot sets. */
type Snapshot = {
  name: string;
  test: boolean;
  influencerId: string | null;
  source: AttributionSource;
  attributedCode: string | null;
  attributedSlug: string | null;
  attributionReason: string;
  selfReferral: boolean;
  customerShopifyId: string | null;
  customerEmailHash: string | null;
  checkoutToken: string | null;
  currency: string;
  subtotalMinor: number;
  discountsMinor: number;
  shippingMinor: number;
  taxesMinor: number;
  totalMinor: number;
  financialStatus: string;
  cancelledAt: Date | null;
  placedAt: Date;
  shopifyUpdatedAt: Date | null;
  snapshotHash: string;
};

type Line = {
  id: string;
  shopifyLineId: string;
  productId: string | null;
  shopifyProductId: string | null;
  shopifyVariantId: string | null;
  title: string;
  productType: string;
  quantity: number;
  netMinor: number;
  refundedQuantity: number;
  refundedMinor: number;
  /** The refunded figures as stored, for a line that was already in the database. */
  stored?: { refundedQuantity: number; refundedMinor: number };
};

type BookOrder = {
  id: string;
  shopId: string;
  shopifyOrderId: string;
  snapshot: Snapshot;
  lines: Line[];
  refundedMinor: number;
  netSalesMinor: number;
  /** What the database holds, for an order that was there before the batch. */
  stored?: { refundedMinor: number; netSalesMinor: number };
  /** A newer snapshot replaced the stored one (columns and lines). */
  replaced: boolean;
  /** Only its attribution changed (a web pixel report came after it). */
  reattributed?: boolean;
};

type BookRefund = { id: string; shopId: string; facts: RefundFacts; isNew: boolean };

export type CustomerTouched = { shopId: string; customerId: string | null; email: string | null };

const key = (shopId: string, id: string) => `${shopId}|${id}`;

function isNewer(incoming: { at: Date; hash: string }, stored: Snapshot): boolean {
  if (!stored.shopifyUpdatedAt) return true;
  const diff = incoming.at.getTime() - stored.shopifyUpdatedAt.getTime();
  return diff > 0 || (diff === 0 && incoming.hash > stored.snapshotHash);
}

/** Per shop, the values of one column to look for: one `OR` branch a shop. */
function perShop(
  items: Array<{ shopId: string; value: string | null | undefined }>,
): Array<{ shopId: string; values: string[] }> {
  const byShop = new Map<string, Set<string>>();
  for (const { shopId, value } of items) {
    if (!value) continue;
    if (!byShop.has(shopId)) byShop.set(shopId, new Set());
    byShop.get(shopId)!.add(value);
  }
  return [...byShop].map(([shopId, values]) => ({ shopId, values: [...values] }));
}

export class OrderBook {
  private readonly orders = new Map<string, BookOrder>();
  private readonly refunds = new Map<string, BookRefund>();
  private readonly codes = new Map<string, string>();
  private readonly links = new Map<string, { id: string; influencerId: string }>();
  private readonly influencers = new Map<
    string,
    { email: string; emailHash: string | null; customerId: string | null }
  >();
  private readonly pixelReports = new Map<string, { checkoutToken: string; slug: string; clickedAt: Date | null }>();
  private readonly products = new Map<string, { id: string; productType: string }>();
  private readonly lastClicks = new Map<string, Date | null>();
  /** Customers whose orders changed, in the order they did: their new-customer flags follow. */
  readonly customers: CustomerTouched[] = [];

  private constructor(private readonly tx: Tx) {}

  /** Reads what the changes need: their orders with lines, refunds, codes, links and products. */
  static async read(tx: Tx, changes: LedgerChange[]): Promise<OrderBook> {
    const book = new OrderBook(tx);
    const snapshots = changes.flatMap((c) => (c.kind === "snapshot" ? [c] : []));
    const orderIds = perShop(changes.map((c) => ({ shopId: c.shop.id, value: orderIdOf(c) })));
    const refundIds = perShop(
      changes.flatMap((c) =>
        (c.kind === "refund" ? [c.refund] : c.kind === "snapshot" ? c.facts.refunds : []).map((r) => ({
          shopId: c.shop.id,
          value: r.refundId,
        })),
      ),
    );
    const codeKeys = perShop(
      snapshots.flatMap((c) => c.facts.discountCodes.map((code) => ({ shopId: c.shop.id, value: codeKey(code) }))),
    );
    const slugs = perShop(
      snapshots.flatMap((c) =>
        [c.facts.noteFirstRef, c.facts.noteRef, c.facts.landingRef].map((slug) => ({ shopId: c.shop.id, value: slug })),
      ),
    );
    const productIds = perShop(
      snapshots.flatMap((c) => c.facts.lines.map((l) => ({ shopId: c.shop.id, value: l.productId }))),
    );

    const ofOrders = orderIds.map((s) => ({ shopId: s.shopId, shopifyOrderId: { in: s.values } }));
    const [orders, refunds, codes, namedLinks, products, reports] = await Promise.all([
      tx.order.findMany({ where: { OR: ofOrders }, include: { lines: true } }),
      tx.refund.findMany({
        where: {
          OR: [...ofOrders, ...refundIds.map((s) => ({ shopId: s.shopId, shopifyRefundId: { in: s.values } }))],
        },
      }),
      codeKeys.length
        ? tx.discountCode.findMany({
            where: { OR: codeKeys.map((s) => ({ shopId: s.shopId, codeKey: { in: s.values } })) },
            select: { shopId: true, codeKey: true, influencerId: true },
          })
        : [],
      slugs.length
        ? tx.referralLink.findMany({
            where: { OR: slugs.map((s) => ({ shopId: s.shopId, slug: { in: s.values } })) },
            select: { id: true, shopId: true, slug: true, influencerId: true },
          })
        : [],
      productIds.length
        ? tx.product.findMany({
            where: { OR: productIds.map((s) => ({ shopId: s.shopId, shopifyProductId: { in: s.values } })) },
            select: { id: true, shopId: true, shopifyProductId: true, productType: true },
          })
        : [],
      tx.pixelReport.findMany({
        where: { OR: ofOrders },
        select: { shopId: true, shopifyOrderId: true, checkoutToken: true, slug: true, clickedAt: true },
      }),
    ]);
    // The links the pixel reported that the orders themselves did not name (few: a second query only then).
    const links = [...namedLinks];
    const named = new Set(links.map((l) => key(l.shopId, l.slug)));
    const reportedSlugs = perShop(
      reports.filter((r) => !named.has(key(r.shopId, r.slug))).map((r) => ({ shopId: r.shopId, value: r.slug })),
    );
    if (reportedSlugs.length) {
      links.push(
        ...(await tx.referralLink.findMany({
          where: { OR: reportedSlugs.map((s) => ({ shopId: s.shopId, slug: { in: s.values } })) },
          select: { id: true, shopId: true, slug: true, influencerId: true },
        })),
      );
    }
    const influencerIds = [...new Set([...codes.map((c) => c.influencerId), ...links.map((l) => l.influencerId)])];
    const influencers = influencerIds.length
      ? await tx.influencer.findMany({
          where: { id: { in: influencerIds } },
          select: { id: true, email: true, shopifyCustomerId: true },
        })
      : [];

    for (const o of orders) {
      const { id, shopId, shopifyOrderId, lines, refundedMinor, netSalesMinor } = o;
      book.orders.set(key(shopId, shopifyOrderId), {
        id,
        shopId,
        shopifyOrderId,
        snapshot: o,
        lines: lines.map((l) => ({
          ...l,
          stored: { refundedQuantity: l.refundedQuantity, refundedMinor: l.refundedMinor },
        })),
        refundedMinor,
        netSalesMinor,
        stored: { refundedMinor, netSalesMinor },
        replaced: false,
      });
    }
    for (const r of refunds) {
      const facts: RefundFacts = {
        refundId: r.shopifyRefundId,
        orderId: r.shopifyOrderId,
        refundedAt: r.refundedAt,
        amountMinor: r.amountMinor,
        lines: refundLines.read(r.lines),
      };
      book.refunds.set(key(r.shopId, r.shopifyRefundId), { id: r.id, shopId: r.shopId, facts, isNew: false });
    }
    for (const c of codes) book.codes.set(key(c.shopId, c.codeKey), c.influencerId);
    for (const l of links) book.links.set(key(l.shopId, l.slug), { id: l.id, influencerId: l.influencerId });
    for (const i of influencers)
      book.influencers.set(i.id, {
        email: i.email,
        emailHash: shopperEmailHash(i.email),
        customerId: i.shopifyCustomerId,
      });
    for (const r of reports) book.pixelReports.set(key(r.shopId, r.shopifyOrderId), r);
    for (const p of products)
      book.products.set(key(p.shopId, p.shopifyProductId), { id: p.id, productType: p.productType });
    return book;
  }

  /** Applies one change in memory; the days it touched are noted for the roll-ups. */
  async apply(change: LedgerChange, days: DaysToRefresh): Promise<void> {
    const { shop } = change;
    if (change.kind === "refund") {
      this.keepRefunds(shop.id, [change.refund]);
      const order = this.orders.get(key(shop.id, change.refund.orderId));
      if (order) days.addOrder(shop, order.snapshot.placedAt, [order.snapshot.influencerId]);
      return; // a refund before its order waits for it
    }
    if (change.kind === "pixel") return this.applyPixelReport(shop, change.orderId, days);
    const { facts, hash } = change;
    this.keepRefunds(shop.id, facts.refunds);
    const found = this.orders.get(key(shop.id, facts.orderId));
    const before = found?.snapshot.influencerId ?? null;
    const order =
      !found || isNewer({ at: facts.updatedAt, hash }, found.snapshot)
        ? await this.keepSnapshot(shop, facts, hash, found)
        : found;
    days.addOrder(shop, order.snapshot.placedAt, [order.snapshot.influencerId, before]);
  }

  /** The stored id of a change's order, once the order is known. */
  orderIdFor(change: LedgerChange): string | null {
    return this.orders.get(key(change.shop.id, orderIdOf(change)))?.id ?? null;
  }

  /** Every order of the batch, by id: their commissions follow. */
  orderIds(): string[] {
    return [...this.orders.values()].map((o) => o.id);
  }

  private keepRefunds(shopId: string, refunds: RefundFacts[]) {
    for (const facts of refunds) {
      const k = key(shopId, facts.refundId);
      if (!this.refunds.has(k)) this.refunds.set(k, { id: orderedId(), shopId, facts, isNew: true });
    }
  }

  /**
   * A report that came after its order: the stored order, unattributed so far and from the very
   * checkout reported, is attributed by the rules with what is stored of it. An order not yet
   * stored takes the report when it comes (keepSnapshot); an attributed one keeps what it has.
   */
  private async applyPixelReport(shop: LedgerShop, orderId: string, days: DaysToRefresh) {
    const order = this.orders.get(key(shop.id, orderId));
    if (!order || order.snapshot.source !== "NONE") return;
    const stored: AttributionInput = {
      test: false,
      placedAt: order.snapshot.placedAt,
      customerId: order.snapshot.customerShopifyId,
      customerEmail: null,
      customerEmailHash: order.snapshot.customerEmailHash,
      discountCodes: [],
      noteRef: null,
      noteRefAt: null,
      noteFirstRef: null,
      noteFirstRefAt: null,
      landingRef: null,
    };
    const attribution = attributeOrder(
      stored,
      await this.attributionContext(shop, stored, orderId, order.snapshot.checkoutToken),
    );
    if (!attribution.influencerId) return;
    Object.assign(order.snapshot, attributionColumns(attribution));
    order.reattributed = true;
    days.addOrder(shop, order.snapshot.placedAt, [attribution.influencerId]);
  }

  private async keepSnapshot(
    shop: LedgerShop,
    facts: OrderFacts,
    hash: string,
    found: BookOrder | undefined,
  ): Promise<BookOrder> {
    const attribution = attributeOrder(
      facts,
      await this.attributionContext(shop, facts, facts.orderId, facts.checkoutToken),
    );
    const snapshot: Snapshot = {
      name: facts.name,
      test: false,
      ...attributionColumns(attribution),
      customerShopifyId: facts.customerId,
      customerEmailHash: shopperEmailHash(facts.customerEmail),
      checkoutToken: facts.checkoutToken,
      currency: facts.currency,
      subtotalMinor: facts.subtotalMinor,
      discountsMinor: facts.discountsMinor,
      shippingMinor: facts.shippingMinor,
      taxesMinor: facts.taxesMinor,
      totalMinor: facts.totalMinor,
      financialStatus: facts.financialStatus,
      cancelledAt: found?.snapshot.cancelledAt ?? facts.cancelledAt, // a cancellation is never undone
      placedAt: facts.placedAt,
      shopifyUpdatedAt: facts.updatedAt,
      snapshotHash: hash,
    };
    const lines: Line[] = linesAfterEdits(facts).map((line) => {
      const product = line.productId ? this.products.get(key(shop.id, line.productId)) : undefined;
      return {
        id: orderedId(),
        shopifyLineId: line.lineId,
        productId: product?.id ?? null,
        shopifyProductId: line.productId,
        shopifyVariantId: line.variantId,
        title: line.title,
        productType: product?.productType ?? "",
        quantity: line.keptQuantity,
        netMinor: line.effectiveNetMinor,
        refundedQuantity: 0,
        refundedMinor: 0,
      };
    });
    this.customers.push({ shopId: shop.id, customerId: facts.customerId, email: snapshot.customerEmailHash });
    if (found) return Object.assign(found, { snapshot, lines, replaced: true });
    const order: BookOrder = {
      id: orderedId(),
      shopId: shop.id,
      shopifyOrderId: facts.orderId,
      snapshot,
      lines,
      refundedMinor: 0,
      netSalesMinor: 0,
      replaced: true,
    };
    this.orders.set(key(shop.id, facts.orderId), order);
    return order;
  }

  private async attributionContext(
    shop: LedgerShop,
    facts: AttributionInput,
    orderId: string,
    checkoutToken: string | null,
  ): Promise<AttributionContext> {
    const codes = new Map<string, string>();
    for (const code of facts.discountCodes) {
      const influencerId = this.codes.get(key(shop.id, codeKey(code)));
      if (influencerId) codes.set(codeKey(code), influencerId);
    }
    // The pixel's report counts only for the checkout it came from: a guessed order id has no token.
    const report = this.pixelReports.get(key(shop.id, orderId));
    const pixel =
      report && checkoutToken && report.checkoutToken === checkoutToken
        ? { slug: report.slug, clickedAt: report.clickedAt }
        : null;
    const links = new Map<string, { influencerId: string; lastClickAt: Date | null }>();
    for (const slug of [facts.noteFirstRef, facts.noteRef, facts.landingRef, pixel?.slug]) {
      const link = slug ? this.links.get(key(shop.id, slug)) : undefined;
      if (slug && link)
        links.set(slug, {
          influencerId: link.influencerId,
          lastClickAt: await this.lastClick(link.id, facts.placedAt),
        });
    }
    return {
      mode: shop.attributionMode,
      windowDays: shop.attributionWindowDays,
      linkCredit: shop.linkCredit,
      codes,
      links,
      influencers: this.influencers,
      pixel,
    };
  }

  /** The last click on a link before an order (orders that came by link are few: one query each). */
  private async lastClick(linkId: string, before: Date): Promise<Date | null> {
    const k = `${linkId}|${before.getTime()}`;
    if (!this.lastClicks.has(k)) {
      const last = await this.tx.click.findFirst({
        where: { linkId, isBot: false, occurredAt: { lte: before } },
        orderBy: { occurredAt: "desc" },
        select: { occurredAt: true },
      });
      this.lastClicks.set(k, last?.occurredAt ?? null);
    }
    return this.lastClicks.get(k)!;
  }

  /** Refunded amounts and net sales of every order, from its lines and every refund known. */
  private settleAmounts() {
    const sorted = [...this.refunds.values()].sort((a, b) => (a.facts.refundId < b.facts.refundId ? -1 : 1));
    const byOrder = groupBy(sorted, (r) => key(r.shopId, r.facts.orderId));
    for (const order of this.orders.values()) {
      const totals = refundTotals(
        order.lines.map((l) => ({ lineId: l.shopifyLineId, quantity: l.quantity, netMinor: l.netMinor })),
        (byOrder.get(key(order.shopId, order.shopifyOrderId)) ?? []).map((r) => r.facts),
      );
      for (const line of order.lines) Object.assign(line, totals.lines.get(line.shopifyLineId));
      const gross = order.lines.reduce((sum, l) => sum + l.netMinor, 0);
      order.refundedMinor = totals.refundedMinor;
      order.netSalesMinor = netSales(gross, totals.refundedMinor, order.snapshot.cancelledAt !== null);
    }
  }

  /** Writes what changed: new refunds, orders and lines, and changed orders and lines, one statement each. */
  async save(kind: DatabaseKind) {
    this.settleAmounts();
    const tx = this.tx;
    const now = new Date();
    const orders = [...this.orders.values()];
    const newRefunds = [...this.refunds.values()].filter((r) => r.isNew);
    await bulkInsert(
      tx,
      kind,
      "Refund",
      REFUND_COLUMNS,
      newRefunds.map((r) => ({
        id: r.id,
        shopId: r.shopId,
        shopifyRefundId: r.facts.refundId,
        shopifyOrderId: r.facts.orderId,
        amountMinor: r.facts.amountMinor,
        lines: refundLines.write(r.facts.lines),
        refundedAt: r.facts.refundedAt,
      })),
    );
    const created = orders.filter((o) => !o.stored);
    await bulkInsert(
      tx,
      kind,
      "Order",
      ORDER_COLUMNS,
      created.map((o) => ({
        id: o.id,
        shopId: o.shopId,
        shopifyOrderId: o.shopifyOrderId,
        ...o.snapshot,
        refundedMinor: o.refundedMinor,
        netSalesMinor: o.netSalesMinor,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const replaced = orders.filter((o) => o.stored && o.replaced);
    const amounts = (o: BookOrder) => ({
      id: o.id,
      refundedMinor: o.refundedMinor,
      netSalesMinor: o.netSalesMinor,
      updatedAt: now,
    });
    await bulkUpdate(
      tx,
      kind,
      "Order",
      SNAPSHOT_COLUMNS,
      replaced.map((o) => ({ ...o.snapshot, ...amounts(o) })),
    );
    const kept = orders.filter((o) => o.stored && !o.replaced);
    await bulkUpdate(
      tx,
      kind,
      "Order",
      ATTRIBUTION_COLUMNS,
      kept.filter((o) => o.reattributed).map((o) => ({ id: o.id, ...attributionOf(o.snapshot), updatedAt: now })),
    );
    const refunded = kept.filter(
      (o) => o.stored!.refundedMinor !== o.refundedMinor || o.stored!.netSalesMinor !== o.netSalesMinor,
    );
    await bulkUpdate(tx, kind, "Order", AMOUNT_COLUMNS, refunded.map(amounts));
    const lines = kept.flatMap((o) =>
      o.lines.filter(
        (l) =>
          l.stored && (l.stored.refundedMinor !== l.refundedMinor || l.stored.refundedQuantity !== l.refundedQuantity),
      ),
    );
    await bulkUpdate(tx, kind, "OrderLine", LINE_REFUND_COLUMNS, lines);
    if (replaced.length)
      await countInChunks(
        replaced.map((o) => o.id),
        (ids) => tx.orderLine.deleteMany({ where: { orderId: { in: ids } } }),
      );
    await bulkInsert(
      tx,
      kind,
      "OrderLine",
      LINE_COLUMNS,
      orders
        .filter((o) => o.replaced)
        .flatMap((o) => o.lines.map(({ stored: _, ...line }) => ({ ...line, shopId: o.shopId, orderId: o.id }))),
    );
  }
}

export const REFUND_COLUMNS = {
  id: "text",
  shopId: "text",
  shopifyRefundId: "text",
  shopifyOrderId: "text",
  amountMinor: "integer",
  lines: "text",
  refundedAt: "timestamp",
} satisfies ColumnsOf<Refund>;

const ORDER_COLUMNS = {
  id: "text",
  shopId: "text",
  shopifyOrderId: "text",
  name: "text",
  test: "boolean",
  influencerId: "text",
  source: "enum:AttributionSource",
  attributedCode: "text",
  attributedSlug: "text",
  attributionReason: "text",
  selfReferral: "boolean",
  customerShopifyId: "text",
  customerEmailHash: "text",
  checkoutToken: "text",
  currency: "text",
  subtotalMinor: "integer",
  discountsMinor: "integer",
  shippingMinor: "integer",
  taxesMinor: "integer",
  totalMinor: "integer",
  refundedMinor: "integer",
  netSalesMinor: "integer",
  financialStatus: "text",
  cancelledAt: "timestamp",
  placedAt: "timestamp",
  shopifyUpdatedAt: "timestamp",
  snapshotHash: "text",
  createdAt: "timestamp",
  updatedAt: "timestamp",
} satisfies ColumnsOf<Order, "isNewCustomer">; // new-customer flags are settled after the orders are stored

const AMOUNT_COLUMNS = {
  refundedMinor: "integer",
  netSalesMinor: "integer",
  updatedAt: "timestamp",
} satisfies Partial<ColumnsOf<Order>>;

/** What a newer snapshot rewrites of a stored order. */
const SNAPSHOT_COLUMNS: Partial<ColumnsOf<Order>> = Object.fromEntries(
  Object.entries(ORDER_COLUMNS).filter(([name]) => !["id", "shopId", "shopifyOrderId", "createdAt"].includes(name)),
);

/** What a late web pixel report rewrites of a stored order. */
const ATTRIBUTION_COLUMNS = {
  influencerId: "text",
  source: "enum:AttributionSource",
  attributedCode: "text",
  attributedSlug: "text",
  attributionReason: "text",
  selfReferral: "boolean",
  updatedAt: "timestamp",
} satisfies Partial<ColumnsOf<Order>>;

function attributionColumns(
  attribution: Attribution,
): Pick<
  Snapshot,
  "influencerId" | "source" | "attributedCode" | "attributedSlug" | "attributionReason" | "selfReferral"
> {
  return {
    influencerId: attribution.influencerId,
    source: attribution.source,
    attributedCode: attribution.influencerId ? attribution.code : null,
    attributedSlug: attribution.influencerId ? attribution.slug : null,
    attributionReason: attribution.reason,
    selfReferral: attribution.influencerId ? attribution.selfReferral : false,
  };
}

function attributionOf(snapshot: Snapshot) {
  const { influencerId, source, attributedCode, attributedSlug, attributionReason, selfReferral } = snapshot;
  return { influencerId, source, attributedCode, attributedSlug, attributionReason, selfReferral };
}

const LINE_REFUND_COLUMNS = { refundedQuantity: "integer", refundedMinor: "integer" } satisfies Partial<
  ColumnsOf<OrderLine>
>;

const LINE_COLUMNS = {
  id: "text",
  shopId: "text",
  orderId: "text",
  shopifyLineId: "text",
  productId: "text",
  shopifyProductId: "text",
  shopifyVariantId: "text",
  title: "text",
  productType: "text",
  quantity: "integer",
  refundedQuantity: "integer",
  netMinor: "integer",
  refundedMinor: "integer",
} satisfies ColumnsOf<OrderLine>;
