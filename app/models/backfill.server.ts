// Backfill: imports past orders that used influencer codes from the Admin API, one page at a
// time (one batch of the ledger a page), through the same snapshot rules as webhooks (so an order
// already known is not counted twice). The run keeps its place (code, cursor) in the page's
// commit, so it resumes where it stopped. A durable job: one server at a time holds its lease,
// renewed in each page's commit; when a server stops, the lease lapses and another one resumes.
import type { DatabaseKind } from "../database-url";
import type { Db } from "../db.server";
import { adminQuery, type AdminGraphql } from "./admin-api.server";
import { isUniqueViolation } from "./db-errors.server";
import { claimLease, leaseEnd, LeaseLost, type Worker } from "./job-leases.server";
import { applyLedgerChangesIn, ledgerShop, orderSnapshotChange } from "./orders.server";
import { fetchMissingProducts, productsMissing } from "./products.server";

const PAGE = 50;

const ORDERS = `#graphql
  query InfluencerOrders($query: String!, $after: String) {
    orders(first: ${PAGE}, after: $after, query: $query) {
      pageInfo { hasNextPage endCursor }
      nodes {
        legacyResourceId name createdAt processedAt updatedAt cancelledAt test displayFinancialStatus email
        customer { legacyResourceId email }
        discountCodes
        customAttributes { key value }
        subtotalPriceSet { shopMoney { amount currencyCode } }
        totalDiscountsSet { shopMoney { amount currencyCode } }
        totalShippingPriceSet { shopMoney { amount currencyCode } }
        totalTaxSet { shopMoney { amount currencyCode } }
        totalPriceSet { shopMoney { amount currencyCode } }
        lineItems(first: 100) {
          nodes {
            id title quantity currentQuantity
            originalUnitPriceSet { shopMoney { amount currencyCode } }
            discountAllocations { allocatedAmountSet { shopMoney { amount currencyCode } } }
            product { legacyResourceId }
            variant { id }
          }
        }
        refunds(first: 50) {
          legacyResourceId createdAt
          refundLineItems(first: 100) { nodes { lineItem { id } quantity subtotalSet { shopMoney { amount currencyCode } } } }
        }
      }
    }
  }`;

type Money = { shopMoney: { amount: string; currencyCode: string } } | null;
type GqlOrder = {
  legacyResourceId: string;
  name: string;
  createdAt: string;
  processedAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  test: boolean;
  displayFinancialStatus: string | null;
  email: string | null;
  customer: { legacyResourceId: string; email: string | null } | null;
  discountCodes: string[];
  customAttributes: Array<{ key: string; value: string | null }>;
  subtotalPriceSet: Money;
  totalDiscountsSet: Money;
  totalShippingPriceSet: Money;
  totalTaxSet: Money;
  totalPriceSet: Money;
  lineItems: {
    nodes: Array<{
      id: string;
      title: string;
      quantity: number;
      currentQuantity: number;
      originalUnitPriceSet: Money;
      discountAllocations: Array<{ allocatedAmountSet: Money }>;
      product: { legacyResourceId: string } | null;
      variant: { id: string } | null;
    }>;
  };
  refunds: Array<{
    legacyResourceId: string;
    createdAt: string | null;
    refundLineItems: { nodes: Array<{ lineItem: { id: string }; quantity: number; subtotalSet: Money }> };
  }>;
};

const numericId = (gid: string) => gid.split("/").pop() ?? gid;
const moneySet = (money: Money) =>
  money && { shop_money: { amount: money.shopMoney.amount, currency_code: money.shopMoney.currencyCode } };

/** The Admin API's order in the shape of an order webhook, so both go through one path. */
export function orderPayloadFromGraphql(order: GqlOrder) {
  return {
    id: order.legacyResourceId,
    name: order.name,
    test: order.test,
    created_at: order.createdAt,
    processed_at: order.processedAt,
    updated_at: order.updatedAt,
    cancelled_at: order.cancelledAt,
    financial_status: order.displayFinancialStatus?.toLowerCase() ?? "",
    email: order.email,
    customer: order.customer && { id: order.customer.legacyResourceId, email: order.customer.email },
    discount_codes: order.discountCodes.map((code) => ({ code })),
    note_attributes: order.customAttributes.map((a) => ({ name: a.key, value: a.value })),
    subtotal_price_set: moneySet(order.subtotalPriceSet),
    total_discounts_set: moneySet(order.totalDiscountsSet),
    total_shipping_price_set: moneySet(order.totalShippingPriceSet),
    total_tax_set: moneySet(order.totalTaxSet),
    total_price_set: moneySet(order.totalPriceSet),
    line_items: order.lineItems.nodes.map((line) => ({
      id: numericId(line.id),
      title: line.title,
      quantity: line.quantity,
      current_quantity: line.currentQuantity,
      product_id: line.product?.legacyResourceId ?? null,
      variant_id: line.variant ? numericId(line.variant.id) : null,
      price_set: moneySet(line.originalUnitPriceSet),
      discount_allocations: line.discountAllocations.map((a) => ({ amount_set: moneySet(a.allocatedAmountSet) })),
    })),
    refunds: order.refunds.map((refund) => ({
      id: refund.legacyResourceId,
      order_id: order.legacyResourceId,
      created_at: refund.createdAt ?? order.updatedAt,
      refund_line_items: refund.refundLineItems.nodes.map((rl) => ({
        line_item_id: numericId(rl.lineItem.id),
        quantity: rl.quantity,
        subtotal_set: moneySet(rl.subtotalSet),
      })),
    })),
  };
}

/**
 * The shop's unfinished backfill (a failed one resumes at its place), or a new one over all its
 * influencer codes. A unique column holds one unfinished run per shop, so starts at the same
 * moment from several tabs or servers all get the same run.
 */
export async function startBackfill(db: Db, shopId: string) {
  const active = await db.backfillRun.findUnique({ where: { activeShopId: shopId } });
  if (active) {
    if (active.status === "FAILED") {
      await db.backfillRun.updateMany({ where: { id: active.id, status: "FAILED" }, data: { status: "RUNNING", lastError: null, leaseUntil: null, worker: null } });
    }
    return db.backfillRun.findUniqueOrThrow({ where: { id: active.id } });
  }
  const codes = await db.discountCode.findMany({ where: { shopId, status: { not: "PENDING" } }, select: { code: true }, orderBy: { createdAt: "asc" } });
  try {
    return await db.backfillRun.create({ data: { shopId, activeShopId: shopId, codes: JSON.stringify(codes.map((c) => c.code)) } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db.backfillRun.findUniqueOrThrow({ where: { activeShopId: shopId } });
  }
}

export function claimBackfill(db: Db, runId: string, worker: Worker, now = new Date()): Promise<boolean> {
  return claimLease(db.backfillRun, runId, ["RUNNING"], worker, now);
}

/** Runs whose server stopped: RUNNING, with a lapsed lease. */
export async function stalledBackfills(db: Db, now = new Date()) {
  return db.backfillRun.findMany({
    where: { status: "RUNNING", leaseUntil: { lt: now } },
    select: { id: true, shop: { select: { id: true, domain: true } } },
    take: 20,
  });
}

/** One page of orders; returns false when the run has nothing left. */
export async function backfillStep(db: Db, kind: DatabaseKind, graphql: AdminGraphql, shopDomain: string, runId: string, worker: Worker): Promise<boolean> {
  const run = await db.backfillRun.findUniqueOrThrow({ where: { id: runId } });
  if (run.worker !== worker.id) throw new LeaseLost(`another server runs ${runId}`);
  const codes = JSON.parse(run.codes) as string[];
  if (run.status !== "RUNNING") return false;
  if (run.codeIndex >= codes.length) {
    await db.backfillRun.updateMany({ where: { id: runId, worker: worker.id }, data: { status: "DONE", finishedAt: new Date(), leaseUntil: null, activeShopId: null } });
    return false;
  }
  const code = codes[run.codeIndex];
  const data = await adminQuery<{ orders: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: GqlOrder[] } }>(
    graphql,
    ORDERS,
    { query: `discount_code:'${code.replace(/'/g, "")}'`, after: run.cursor },
  );
  const shop = await ledgerShop(db, shopDomain);
  const changes = shop ? data.orders.nodes.map((order) => orderSnapshotChange(shop, orderPayloadFromGraphql(order))).filter((c) => c !== null) : [];
  const next = data.orders.pageInfo.hasNextPage
    ? { cursor: data.orders.pageInfo.endCursor }
    : { cursor: null, codeIndex: run.codeIndex + 1 };
  // The page, the run's place and the lease in one commit: a resumed run starts at the first page
  // not imported, and a server that lost the lease meanwhile writes nothing.
  const orderIds = await db.$transaction(async (tx) => {
    const moved = await tx.backfillRun.updateMany({
      where: { id: runId, worker: worker.id, status: "RUNNING" },
      data: { ...next, imported: { increment: changes.length }, leaseUntil: leaseEnd(worker) },
    });
    if (moved.count !== 1) throw new LeaseLost(`another server took ${runId}`);
    return applyLedgerChangesIn(tx, kind, changes);
  }, { maxWait: 15_000, timeout: 60_000 });
  const missing = await productsMissing(db, orderIds.filter((id) => id !== null));
  // A product that cannot be fetched now waits for products/update: the run goes on.
  if (missing) await fetchMissingProducts(db, kind, graphql, missing.shopId, missing.productIds).catch(() => undefined);
  return true;
}

/** Runs every page; a failure stops the run as FAILED at its place, ready to resume. */
export async function runBackfill(db: Db, kind: DatabaseKind, graphql: AdminGraphql, shopDomain: string, runId: string, worker: Worker) {
  try {
    while (await backfillStep(db, kind, graphql, shopDomain, runId, worker)) {
      // next page
    }
  } catch (error) {
    if (error instanceof LeaseLost) return; // the other server goes on
    await failBackfill(db, runId, worker, (error as Error).message);
  }
}

/** The run stops as FAILED at its place, if this worker still holds it. */
export async function failBackfill(db: Db, runId: string, worker: Worker, reason: string) {
  await db.backfillRun.updateMany({ where: { id: runId, worker: worker.id }, data: { status: "FAILED", lastError: reason.slice(0, 500), leaseUntil: null } });
}

export async function latestBackfill(db: Db, shopId: string) {
  const run = await db.backfillRun.findFirst({ where: { shopId }, orderBy: { startedAt: "desc" } });
  if (!run) return null;
  const codes = (JSON.parse(run.codes) as string[]).length;
  return {
    id: run.id,
    status: run.status,
    imported: run.imported,
    codesDone: Math.min(run.codeIndex, codes),
    codes,
    progress: codes === 0 ? 100 : Math.round((Math.min(run.codeIndex, codes) / codes) * 100),
    lastError: run.lastError,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
