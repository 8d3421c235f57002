// The intake of verified webhook deliveries. Deliveries that arrive together are settled together:
// a few at a time are stored and, for the ledger (orders, refunds), applied in one transaction; in
// a burst each batch is stored in one statement and answered, and a backlog loop applies what was
// stored a chunk at a time, so a burst costs one commit per batch instead of one per event. A
// delivery is answered when its batch is committed: its event is stored (never lost).
// Other topics (privacy, products, app lifecycle) are processed right after, one by one.
// If a batch cannot be settled, each of its deliveries is taken on its own: stored (else Shopify
// is told to retry) and processed, a failure kept FAILED for the retry schedule.
import type { WebhookEvent } from "#db-client";
import type { DatabaseKind } from "../platform/database-url";
import type { Db, Tx } from "../platform/db.server";
import { bulkInsert, insertNew, orderedId, type ColumnsOf } from "../platform/bulk-insert.server";
import { applyLedgerChangesIn } from "../ledger/orders.server";
import { DaysToRefresh } from "../ledger/rollups.server";
import { markProcessed, storeEvent, type StoredEvent } from "./webhook-inbox.server";
import { packPayload } from "./payload-codec.server";
import { ordersByShop, processEvents, readLedgerChanges } from "./batch.server";
import { completeProducts, processorFor } from "./processors.server";

export type IntakeOutcome = "stored" | "repeat" | "not-stored";

type Delivery = { event: StoredEvent; settle: (outcome: IntakeOutcome) => void };

const BATCH = 200;
const TRANSACTION = { maxWait: 15_000, timeout: 60_000 };
/**
 * The intake of one server: its batches of deliveries and its backlog of stored events live here,
 * for the database it is given. `intake` stores a verified delivery (and for the ledger applies
 * it) and resolves once that is committed; `inThisBacklog` tells the retry schedule which stored
 * events this server is still on.
 */
export function createWebhookIntake({ db, databaseKind }: { db: Db; databaseKind: DatabaseKind }) {
  const waiting: Delivery[] = [];
  let draining = false;

  /** Stores (and for the ledger, applies) a verified delivery; resolves once that is committed. */
  function intake(event: StoredEvent): Promise<IntakeOutcome> {
    return new Promise((settle) => {
      waiting.push({ event, settle });
      if (!draining) {
        draining = true;
        setImmediate(drain);
      }
    });
  }

  // A batch starts after the current round of I/O: SQLite statements run synchronously, so a batch
  // started at once would run before the deliveries already received were even read.
  const nextRoundOfIo = () => new Promise((resolve) => setImmediate(resolve));

  // Stored events whose processing waits: in a burst, deliveries are answered once stored, and the
  // backlog is processed by a second loop, a chunk at a time, so storing never waits for it (on
  // PostgreSQL both run at once; on SQLite they take turns a transaction at a time). If the server
  // stops, the backlog is in the inbox as RECEIVED for the retry schedule.
  const backlog: StoredEvent[] = [];
  const inBacklog = new Set<string>();
  let processingBacklog = false;

  /** Is this stored event waiting in this server's backlog? (The retry schedule leaves it be.) */
  function inThisBacklog(webhookId: string): boolean {
    return inBacklog.has(webhookId);
  }

  // A few deliveries with nothing waiting before them are applied before they are answered, even
  // while the backlog loop finishes (its last chunk, its roll-ups): a lone order is in the ledger when answered.
  const ANSWER_AFTER_PROCESSING_UP_TO = 10;
  const CHUNK = 200;

  async function drain() {
    try {
      while (waiting.length) {
        const quiet = waiting.length <= ANSWER_AFTER_PROCESSING_UP_TO && !backlog.length;
        await settleBatch(waiting.splice(0, BATCH), quiet);
        await nextRoundOfIo();
      }
    } finally {
      draining = false;
    }
  }

  // The backlog's roll-ups: an influencer-day touched by many chunks is refreshed once a second (and
  // when the backlog is done), not once a chunk; its events are marked processed in the same commit.
  const ROLL_UPS_EVERY_MS = 1000;
  const QUIET_AFTER_MS = 50;

  function toBacklog(events: StoredEvent[]) {
    backlog.push(...events);
    for (const event of events) inBacklog.add(event.webhookId);
    if (processingBacklog || !backlog.length) return;
    processingBacklog = true;
    void (async () => {
      const days = new DaysToRefresh();
      let pending: string[] = [];
      let rolledUpAt = performance.now();
      try {
        while (backlog.length) {
          const chunk = backlog.splice(0, CHUNK);
          const outcome = await processEvents(db, chunk, days).catch(() => null); // failures are kept for retry
          const applied = new Set(outcome?.pending);
          pending.push(...applied);
          for (const event of chunk) if (!applied.has(event.webhookId)) inBacklog.delete(event.webhookId);
          // A burst empties the backlog between two batches of deliveries: wait for the next one.
          if (!backlog.length) await new Promise((resolve) => setTimeout(resolve, QUIET_AFTER_MS));
          if (!backlog.length || performance.now() - rolledUpAt > ROLL_UPS_EVERY_MS) {
            await rollUp(days, pending);
            pending = [];
            rolledUpAt = performance.now();
          }
          await nextRoundOfIo();
        }
      } finally {
        processingBacklog = false;
      }
    })();
  }

  /** Refreshes the backlog's days and marks its applied events processed, in one commit. */
  async function rollUp(days: DaysToRefresh, applied: string[]) {
    try {
      await db.$transaction(async (tx) => {
        await days.refresh(tx, databaseKind);
        await markProcessed(tx, applied);
      }, TRANSACTION);
    } catch (error) {
      // Left RECEIVED: the retry schedule applies them again (idempotent) and refreshes their days.
      console.error(`roll-ups of ${applied.length} webhook(s) not refreshed yet: ${(error as Error).message}`);
    } finally {
      for (const webhookId of applied) inBacklog.delete(webhookId);
    }
  }

  /** Stores a batch; when `apply`, processes it before answering, else leaves it to the backlog. */
  async function settleBatch(batch: Delivery[], apply: boolean) {
    // A webhook id twice in one batch: the first is the delivery, the others repeats.
    const first = new Map<string, Delivery>();
    const repeats: Delivery[] = [];
    for (const delivery of batch) {
      if (first.has(delivery.event.webhookId)) repeats.push(delivery);
      else first.set(delivery.event.webhookId, delivery);
    }
    let settled: Awaited<ReturnType<typeof storeAndApply>>;
    try {
      settled = apply
        ? await db.$transaction((tx) => storeAndApply(tx, [...first.values()]), TRANSACTION)
        : await storeOnly([...first.values()]);
    } catch {
      await Promise.all([...first.values()].map(settleAlone));
      for (const delivery of repeats) delivery.settle("repeat");
      return;
    }
    const fresh = new Set(settled.fresh.map((d) => d.event.webhookId));
    for (const delivery of first.values()) if (!fresh.has(delivery.event.webhookId)) delivery.settle("repeat");
    for (const delivery of repeats) delivery.settle("repeat");
    if (!apply) {
      for (const delivery of settled.fresh) delivery.settle("stored");
      toBacklog(settled.later);
      return;
    }
    for (const [domain, orderIds] of settled.ordersByShop) await completeProducts(db, domain, orderIds); // categories of new products
    if (settled.later.length) await processEvents(db, settled.later).catch(() => undefined); // failures are kept for retry
    for (const delivery of settled.fresh) delivery.settle("stored");
  }

  /** A burst's batch: stored in one statement, the events already stored skipped by the inbox's unique key. */
  async function storeOnly(deliveries: Delivery[]) {
    const now = new Date();
    const stored = await insertNew(
      db,
      databaseKind,
      "WebhookEvent",
      EVENT_COLUMNS,
      "webhookId",
      deliveries.map(({ event }) => eventRow(event, now, false)),
    );
    const fresh = deliveries.filter((d) => stored.has(d.event.webhookId));
    const later = fresh.map((d) => d.event).filter((event) => processorFor(event.topic));
    return { fresh, later, ordersByShop: new Map<string, string[]>() };
  }

  /** A quiet batch: its new events stored and the ledger's ones applied, in one transaction. */
  async function storeAndApply(tx: Tx, deliveries: Delivery[]) {
    const known = await tx.webhookEvent.findMany({
      where: { webhookId: { in: deliveries.map((d) => d.event.webhookId) } },
      select: { webhookId: true },
    });
    const seen = new Set(known.map((k) => k.webhookId));
    const fresh = deliveries.filter((d) => !seen.has(d.event.webhookId));

    const { ledger, others } = await readLedgerChanges(
      tx,
      fresh.map((d) => d.event),
    );
    const changed = ledger.filter((b) => b.change !== null);
    const byShop = ordersByShop(
      changed,
      await applyLedgerChangesIn(
        tx,
        databaseKind,
        changed.map((b) => b.change!),
      ),
    );
    const applied = ledger.map((b) => b.event);
    const later = others.filter((event) => processorFor(event.topic));

    const now = new Date();
    const appliedIds = new Set(applied.map((e) => e.webhookId));
    await bulkInsert(
      tx,
      databaseKind,
      "WebhookEvent",
      EVENT_COLUMNS,
      fresh.map(({ event }) => eventRow(event, now, appliedIds.has(event.webhookId))),
    );
    return { fresh, later, ordersByShop: byShop };
  }

  /** The slow path: one delivery, its own store and its own processing. */
  async function settleAlone(delivery: Delivery) {
    let stored: boolean;
    try {
      stored = await storeEvent(db, delivery.event);
    } catch (error) {
      console.error(`webhook ${delivery.event.topic} could not be stored: ${(error as Error).message}`);
      return delivery.settle("not-stored");
    }
    if (stored && processorFor(delivery.event.topic)) await processEvents(db, [delivery.event]).catch(() => undefined);
    delivery.settle(stored ? "stored" : "repeat");
  }

  return { intake, inThisBacklog };
}

export type WebhookIntake = ReturnType<typeof createWebhookIntake>;

/** An event's inbox row: processed ones keep no payload and no shopper data, waiting ones keep both. */
function eventRow(event: StoredEvent, now: Date, processed: boolean) {
  return {
    id: orderedId(),
    webhookId: event.webhookId,
    shopDomain: event.shopDomain,
    topic: event.topic,
    apiVersion: event.apiVersion,
    payload: processed ? "" : packPayload(event.payload),
    customerId: processed ? null : (event.customerId ?? null),
    customerEmailHash: processed ? null : (event.customerEmailHash ?? null),
    receivedAt: now,
    status: processed ? "PROCESSED" : "RECEIVED",
    processedAt: processed ? now : null,
    attempts: processed ? 1 : 0,
  };
}

const EVENT_COLUMNS = {
  id: "text",
  webhookId: "text",
  shopDomain: "text",
  topic: "text",
  apiVersion: "text",
  payload: "text",
  customerId: "text",
  customerEmailHash: "text",
  receivedAt: "timestamp",
  status: "enum:EventStatus",
  processedAt: "timestamp",
  attempts: "integer",
} satisfies ColumnsOf<WebhookEvent, "lastError" | "nextAttemptAt">;
