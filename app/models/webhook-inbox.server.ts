// The inbox of accepted webhooks, keyed by X-Shopify-Webhook-Id. Storing comes first: once a
// delivery is stored it is never lost, and a second delivery of the same id is a no-op. Processing
// follows; a failure leaves the event FAILED with its error, for the retry command.
import type { Db, Tx } from "../db.server";
import { countInChunks } from "./chunks.server";
import { insertOnce } from "./db-errors.server";

export type InboxEvent = {
  webhookId: string;
  shopDomain: string;
  topic: string;
  apiVersion: string;
  payload: unknown;
};

export type StoredEvent = {
  webhookId: string;
  shopDomain: string;
  topic: string;
  apiVersion: string;
  payload: string;
};

export type Processor = (db: Db, event: StoredEvent) => Promise<void>;

/** Stores the event; `false` when this webhook id was stored before (a repeat delivery). */
export async function storeEvent(db: Db, event: InboxEvent): Promise<boolean> {
  return insertOnce(() =>
    db.webhookEvent.create({
      data: {
        webhookId: event.webhookId,
        shopDomain: event.shopDomain,
        topic: event.topic,
        apiVersion: event.apiVersion,
        payload: JSON.stringify(event.payload),
      },
    }),
  );
}

/** Runs the processor for one stored event and records the outcome; never throws. */
export async function processEvent(db: Db, event: StoredEvent, processor: Processor) {
  try {
    await processor(db, event);
    await db.webhookEvent.update({
      where: { webhookId: event.webhookId },
      data: { status: "PROCESSED", processedAt: new Date(), attempts: { increment: 1 }, lastError: null },
    });
    return { ok: true as const };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.webhookEvent
      .update({
        where: { webhookId: event.webhookId },
        data: { status: "FAILED", attempts: { increment: 1 }, lastError: message.slice(0, 2000) },
      })
      .catch(() => undefined); // the event stays RECEIVED, which the retry command also picks up
    return { ok: false as const, error: message };
  }
}

/** Records events processed together (a batch). */
export async function markProcessed(db: Db | Tx, webhookIds: string[]) {
  const processedAt = new Date();
  await countInChunks(webhookIds, (ids) =>
    db.webhookEvent.updateMany({
      where: { webhookId: { in: ids } },
      data: { status: "PROCESSED", processedAt, attempts: { increment: 1 }, lastError: null },
    }),
  );
}

/** Events to process again: failed ones, and received ones left behind (older than `staleMs`). */
export async function eventsToRetry(db: Db, now: Date, staleMs = 60_000, shopDomain?: string) {
  return db.webhookEvent.findMany({
    where: {
      ...(shopDomain ? { shopDomain } : {}),
      OR: [{ status: "FAILED" }, { status: "RECEIVED", receivedAt: { lt: new Date(now.getTime() - staleMs) } }],
    },
    orderBy: { receivedAt: "asc" },
  });
}

export async function failedEventCount(db: Db, shopDomain: string) {
  return db.webhookEvent.count({ where: { shopDomain, status: "FAILED" } });
}
