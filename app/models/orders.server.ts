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
import { lockKey } from "./locks.server";
import { refreshOrderDays } from "./rollups.server";

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

/** Refunded amounts and net sales of a stored order, from its lines and every refund known. */
async function settleAmounts(tx: Tx, shopId: string, shopifyOrderId: string): Promise<string | null> {
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
  await tx.order.update({
    where: { id: order.id },
    data: { refundedMinor: totals.refundedMinor, netSalesMinor: netSales(gross, totals.refundedMinor, order.cancelledAt !== null) },
  });
  return order.id;
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

/** orders/create, orders/updated, orders/paid, orders/cancelled: the same snapshot rules for all. */
export async function applyOrderSnapshot(db: Db, kind: DatabaseKind, shopDomain: string, payload: unknown) {
  const facts = orderFacts(payload);
  const shop = await db.shop.findUnique({ where: { domain: shopDomain } });
  if (!shop || facts.test) return { stored: false as const, reason: shop ? "test order" : "shop not installed" };
  const incoming = { at: facts.updatedAt, hash: snapshotHash(payload) };

  return db.$transaction(async (tx) => {
    await lockKey(tx, kind, `${shop.id}:order:${facts.orderId}`);
    await storeRefunds(tx, shop.id, facts.refunds);
    const key = { shopId_shopifyOrderId: { shopId: shop.id, shopifyOrderId: facts.orderId } };
    const stored = await tx.order.findUnique({
      where: key,
      select: { id: true, shopifyUpdatedAt: true, snapshotHash: true, cancelledAt: true, influencerId: true },
    });

    if (!stored || isNewer(incoming, stored)) {
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
        snapshotHash: incoming.hash,
      };
      const order = stored
        ? await tx.order.update({ where: { id: stored.id }, data })
        : await tx.order.create({ data: { shopId: shop.id, shopifyOrderId: facts.orderId, ...data } });
      await tx.orderLine.deleteMany({ where: { orderId: order.id } });
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
    const orderId = await settleAmounts(tx, shop.id, facts.orderId);
    if (orderId) {
      await settleCommission(tx, orderId); // commissions follow their order
      await refreshOrderDays(tx, orderId, stored?.influencerId ?? null); // and so do the reports
    }
    return { stored: true as const, orderId };
  }, TRANSACTION);
}

/** refunds/create: kept by refund id; the order's amounts follow if the order is known yet. */
export async function applyRefund(db: Db, kind: DatabaseKind, shopDomain: string, payload: unknown) {
  const shop = await db.shop.findUnique({ where: { domain: shopDomain } });
  if (!shop) return { stored: false as const, reason: "shop not installed" };
  const refund = refundFactsFromPayload(payload, shop.currency);
  return db.$transaction(async (tx) => {
    await lockKey(tx, kind, `${shop.id}:order:${refund.orderId}`);
    await storeRefunds(tx, shop.id, [refund]);
    const orderId = await settleAmounts(tx, shop.id, refund.orderId);
    if (orderId) {
      await settleCommission(tx, orderId); // commissions follow their order
      await refreshOrderDays(tx, orderId, null); // and so do the reports
    }
    return { stored: true as const, orderId };
  }, TRANSACTION);
}
