// Backfill: imports the past orders that used influencer codes (in any position, not only the
// first as Shopify's `discount_code:` search matches) or came through a referral link, from one
// Shopify bulk query over the shop's orders (a JSONL file, no page sizes or query costs), through
// the same snapshot rules as webhooks (so an order already known is not counted twice). A durable
// job: one server at a time holds its lease, renewed with each step; the run keeps its place (the
// bulk operation, the file, the orders read) in each step's commit, so another server resumes it.
import { backfillCodes } from "../platform/json-columns.server";
import type { DatabaseKind } from "../platform/database-url";
import type { Db } from "../platform/db.server";
import { adminQuery, type AdminGraphql } from "../platform/admin-api.server";
import { isUniqueViolation } from "../platform/db-errors.server";
import { claimLease, commitStep, LeaseLost, type Worker } from "../platform/job-leases.server";
import { applyLedgerChangesIn, ledgerShop, orderSnapshotChange } from "./orders.server";
import { fetchMissingProducts, productsMissing } from "./products.server";

const PAGE = 200; // orders read into the ledger per commit
const POLL_MS = 1000;

const money = "shopMoney { amount currencyCode }";
/** The bulk query: every order with what the ledger reads; three connections, two deep. */
export const BULK_ORDERS = `{
  orders {
    edges {
      node {
        id legacyResourceId name createdAt processedAt updatedAt cancelledAt test displayFinancialStatus email
        discountCodes
        customAttributes { key value }
        subtotalPriceSet { ${money} }
        totalDiscountsSet { ${money} }
        totalShippingPriceSet { ${money} }
        totalTaxSet { ${money} }
        totalPriceSet { ${money} }
        lineItems {
          edges {
            node {
              id title quantity currentQuantity
              originalUnitPriceSet { ${money} }
              discountAllocations { allocatedAmountSet { ${money} } }
              product { legacyResourceId }
              variant { id }
            }
          }
        }
        refunds {
          id legacyResourceId createdAt
          refundLineItems { edges { node { lineItem { id } quantity subtotalSet { ${money} } } } }
        }
      }
    }
  }
}`;

const RUN_BULK = `#graphql
  mutation StartOrderHistory($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation { id status }
      userErrors { field message code }
    }
  }`;

const BULK_STATUS = `#graphql
  query OrderHistoryStatus($id: ID!) {
    node(id: $id) {
      ... on BulkOperation { id status errorCode objectCount url }
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
      // It goes on at its place: the same bulk query, or the same file at the orders not read.
      await db.backfillRun.updateMany({
        where: { id: active.id, status: "FAILED" },
        data: { status: "RUNNING", lastError: null, leaseUntil: null, worker: null },
      });
    }
    return db.backfillRun.findUniqueOrThrow({ where: { id: active.id } });
  }
  const codes = await db.discountCode.findMany({
    where: { shopId, status: { not: "PENDING" } },
    select: { code: true },
    orderBy: { createdAt: "asc" },
  });
  try {
    return await db.backfillRun.create({
      data: { shopId, activeShopId: shopId, codes: backfillCodes.write(codes.map((c) => c.code)) },
    });
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

/** What a server working a run of the past-orders import works with. */
export type BackfillJob = {
  db: Db;
  kind: DatabaseKind;
  graphql: AdminGraphql;
  shopDomain: string;
  runId: string;
  worker: Worker;
};

/** One step: start the bulk query, or ask how it goes, or read one page of its orders. False when over. */
export async function backfillStep(job: BackfillJob): Promise<boolean> {
  const { db, kind, graphql, shopDomain, runId, worker } = job;
  const run = await db.backfillRun.findUniqueOrThrow({ where: { id: runId } });
  if (run.worker !== worker.id) throw new LeaseLost(`another server runs ${runId}`);
  if (run.status !== "RUNNING") return false;
  await commitStep(db.backfillRun, run, worker); // renewed before calling Shopify
  const commit = (data: Parameters<typeof db.backfillRun.updateMany>[0]["data"]) =>
    commitStep(db.backfillRun, run, worker, data);
  const finish = () => commit({ status: "DONE", finishedAt: new Date(), activeShopId: null });

  if (!run.bulkOperationId) {
    const data = await adminQuery<{
      bulkOperationRunQuery: { bulkOperation: { id: string } | null; userErrors: Array<{ message: string }> };
    }>(graphql, RUN_BULK, { query: BULK_ORDERS });
    const started = data.bulkOperationRunQuery;
    if (!started.bulkOperation)
      throw new Error(
        started.userErrors.map((e) => e.message).join(" ") || "Shopify did not start the order history query",
      );
    await commit({ bulkOperationId: started.bulkOperation.id });
    return true;
  }

  if (!run.resultUrl) {
    const data = await adminQuery<{
      node: { status: string; errorCode: string | null; objectCount: string; url: string | null } | null;
    }>(graphql, BULK_STATUS, { id: run.bulkOperationId });
    const op = data.node;
    if (!op) throw new Error("Shopify no longer has the order history query");
    if (op.status === "CREATED" || op.status === "RUNNING") {
      await commit({ objectCount: Number(op.objectCount) || 0 });
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      return true;
    }
    if (op.status !== "COMPLETED") {
      await commit({ bulkOperationId: null, objectCount: 0 }); // resuming asks for a new one
      throw new Error(
        `Shopify's order history query ended ${op.status.toLowerCase()}${op.errorCode ? ` (${op.errorCode})` : ""}`,
      );
    }
    if (!op.url) {
      await finish(); // a shop with no orders
      return false;
    }
    await commit({ objectCount: Number(op.objectCount) || 0, resultUrl: op.url });
    return true;
  }

  const codes = new Set(backfillCodes.read(run.codes).map((c) => c.toUpperCase()));
  const orders = await historyOrders(runId, run.resultUrl, codes);
  const page = orders.slice(run.ordersDone, run.ordersDone + PAGE);
  if (!page.length) {
    await finish();
    forget(runId);
    return false;
  }
  const shop = await ledgerShop(db, shopDomain);
  const changes = shop
    ? page.map((order) => orderSnapshotChange(shop, orderPayloadFromGraphql(order))).filter((c) => c !== null)
    : [];
  // The page, the run's place and the lease in one commit: a resumed run starts at the first order
  // not read, and a server that lost the lease meanwhile writes nothing.
  const orderIds = await db.$transaction(
    async (tx) => {
      await commitStep(tx.backfillRun, run, worker, {
        ordersTotal: orders.length,
        ordersDone: run.ordersDone + page.length,
        imported: { increment: changes.length },
      });
      return applyLedgerChangesIn(tx, kind, changes);
    },
    { maxWait: 15_000, timeout: 60_000 },
  );
  const missing = await productsMissing(
    db,
    orderIds.filter((id) => id !== null),
  );
  // A product that cannot be fetched now waits for products/update: the run goes on.
  if (missing) await fetchMissingProducts(db, kind, graphql, missing.shopId, missing.productIds).catch(() => undefined);
  return true;
}

// The file's orders of this run, read once per server: a resumed run on another server reads the
// file again (Shopify keeps it for a week) and goes on at its stored place.
const files = new Map<string, { url: string; orders: GqlOrder[] }>();
const forget = (runId: string) => files.delete(runId);

async function historyOrders(runId: string, url: string, codes: Set<string>): Promise<GqlOrder[]> {
  const cached = files.get(runId);
  if (cached?.url === url) return cached.orders;
  const response = await fetch(url);
  if (!response.ok || !response.body)
    throw new ResultGone(`Shopify's order history file could not be read (${response.status})`);
  const wanted = (o: GqlOrder) =>
    o.discountCodes.some((c) => codes.has(c.toUpperCase())) ||
    o.customAttributes.some((a) => /^_?ref$/i.test(a.key.trim()));
  const orders = await readOrderHistory(linesOf(response.body), wanted);
  files.set(runId, { url, orders });
  return orders;
}

class ResultGone extends Error {}

/** The lines of a streamed text file, one at a time. */
async function* linesOf(body: ReadableStream<Uint8Array>): AsyncIterable<string> {
  const decoder = new TextDecoder();
  let rest = "";
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    rest += decoder.decode(chunk, { stream: true });
    const lines = rest.split("\n");
    rest = lines.pop() ?? "";
    yield* lines;
  }
  rest += decoder.decode();
  if (rest) yield rest;
}

type Line = Record<string, unknown> & { id?: string; __parentId?: string };
type LineItem = GqlOrder["lineItems"]["nodes"][number];
type RefundLine = GqlOrder["refunds"][number]["refundLineItems"]["nodes"][number];

/**
 * The orders a bulk query's JSONL holds that `wanted` keeps, read line by line: each line item
 * and refund line is its own line under its parent's id. Only the kept orders stay in memory
 * (a shop's history can be millions of lines); a child read before its parent waits for it.
 */
export async function readOrderHistory(
  lines: AsyncIterable<string> | Iterable<string>,
  wanted: (order: GqlOrder) => boolean,
): Promise<GqlOrder[]> {
  const kept = new Map<string, GqlOrder>();
  const refunds = new Map<string, GqlOrder["refunds"][number]>();
  const dropped = new Set<string>(); // ids of orders not kept, and of their refunds
  const waiting = new Map<string, Line[]>(); // children whose parent is not read yet
  const place = (parent: string, child: Line) => {
    const { __parentId: _, ...fields } = child;
    if (kept.has(parent)) kept.get(parent)!.lineItems.nodes.push(fields as unknown as LineItem);
    else if (refunds.has(parent)) refunds.get(parent)!.refundLineItems.nodes.push(fields as unknown as RefundLine);
    else if (!dropped.has(parent)) waiting.set(parent, (waiting.get(parent) ?? []).concat([child]));
  };
  for await (const raw of lines) {
    if (!raw.trim()) continue;
    const line = JSON.parse(raw) as Line;
    if (line.__parentId) {
      place(line.__parentId, line);
      continue;
    }
    const order = { ...(line as unknown as GqlOrder), lineItems: { nodes: [] }, refunds: [] } as GqlOrder;
    const orderRefunds =
      (line.refunds as Array<Omit<GqlOrder["refunds"][number], "refundLineItems"> & { id: string }>) ?? [];
    const keep = wanted(order);
    const ids = [line.id!, ...orderRefunds.map((r) => r.id)];
    if (keep) {
      kept.set(line.id!, order);
      for (const refund of orderRefunds) {
        const withLines = { ...refund, refundLineItems: { nodes: [] } };
        order.refunds.push(withLines);
        refunds.set(refund.id, withLines);
      }
    } else for (const id of ids) dropped.add(id);
    for (const id of ids) {
      const early = waiting.get(id);
      waiting.delete(id);
      for (const child of early ?? []) place(id, child);
    }
  }
  return [...kept.values()];
}

/** Runs every page; a failure stops the run as FAILED at its place, ready to resume. */
export async function runBackfill(job: BackfillJob) {
  const { db, runId, worker } = job;
  try {
    while (await backfillStep(job)) {
      // next page
    }
  } catch (error) {
    if (error instanceof LeaseLost) return; // the other server goes on
    if (error instanceof ResultGone) {
      // The file is gone (older than a week): resuming asks Shopify for a new one from the start.
      await db.backfillRun.updateMany({
        where: { id: runId, worker: worker.id },
        data: { bulkOperationId: null, resultUrl: null, ordersDone: 0, ordersTotal: 0 },
      });
    }
    await failBackfill(db, runId, worker, (error as Error).message);
  }
}

/** The run stops as FAILED at its place, if this worker still holds it. */
export async function failBackfill(db: Db, runId: string, worker: Worker, reason: string) {
  await db.backfillRun.updateMany({
    where: { id: runId, worker: worker.id },
    data: { status: "FAILED", lastError: reason.slice(0, 500), leaseUntil: null },
  });
}

export async function latestBackfill(db: Db, shopId: string) {
  const run = await db.backfillRun.findFirst({ where: { shopId }, orderBy: { startedAt: "desc" } });
  if (!run) return null;
  const reading = Boolean(run.resultUrl) || run.status === "DONE";
  return {
    id: run.id,
    status: run.status,
    // Shopify gathers the orders first (a count, no total), then the app reads them.
    phase: reading ? ("reading" as const) : ("gathering" as const),
    gathered: run.objectCount,
    ordersDone: run.ordersDone,
    ordersTotal: run.ordersTotal,
    imported: run.imported,
    progress:
      run.status === "DONE"
        ? 100
        : reading && run.ordersTotal
          ? Math.round((run.ordersDone / run.ordersTotal) * 100)
          : 0,
    lastError: run.lastError,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
