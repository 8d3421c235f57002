// The inbox of accepted webhooks, keyed by X-Shopify-Webhook-Id. Storing comes first: once a
// delivery is stored it is never lost, and a second delivery of the same id is a no-op. Processing
// follows; a failure leaves the event FAILED with its error, for the retry command. A processed
// event keeps no payload (the ledger holds what the app needs) and goes after WEBHOOK_RETENTION_DAYS.
import { packPayload, unpackPayload } from "./payload-codec.server";
import { shopperEmailHash } from "../platform/shopper-email.server";
import type { Db, Tx } from "../platform/db.server";
import { countInChunks } from "../platform/chunks.server";
import { insertOnce } from "../platform/db-errors.server";

export type StoredEvent = {
  webhookId: string;
  /** Attempts made before this one (0 for a new delivery). */
  attempts?: number;
  shopDomain: string;
  topic: string;
  apiVersion: string;
  /** The body as Shopify sent it, kept only until the event is processed. */
  payload: string;
  /** The shopper it names, for redaction by index (see shopperOf). */
  customerId?: string | null;
  customerEmailHash?: string | null;
};

/** What a processed event keeps: no payload, no shopper. */
export const PROCESSED_EVENT = { payload: "", customerId: null, customerEmailHash: null };

/** The shopper an order payload names: its customer id and (lower-cased) email. */
export function shopperOf(payload: unknown): { customerId: string | null; customerEmailHash: string | null } {
  const body = payload as {
    customer?: { id?: unknown; email?: unknown } | null;
    email?: unknown;
    contact_email?: unknown;
  } | null;
  const id = body?.customer?.id;
  const email = [body?.email, body?.contact_email, body?.customer?.email].find(
    (e) => typeof e === "string" && e.includes("@"),
  );
  return {
    customerId: typeof id === "number" || typeof id === "string" ? String(id) : null,
    customerEmailHash: typeof email === "string" ? shopperEmailHash(email) : null,
  };
}

export type Processor = (db: Db, event: StoredEvent) => Promise<void>;

/** Stores the event; `false` when this webhook id was stored before (a repeat delivery). */
export async function storeEvent(db: Db, event: StoredEvent): Promise<boolean> {
  return insertOnce(() =>
    db.webhookEvent.create({
      data: {
        webhookId: event.webhookId,
        shopDomain: event.shopDomain,
        topic: event.topic,
        apiVersion: event.apiVersion,
        payload: packPayload(event.payload),
        customerId: event.customerId ?? null,
        customerEmailHash: event.customerEmailHash ?? null,
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
      data: {
        status: "PROCESSED",
        processedAt: new Date(),
        attempts: { increment: 1 },
        lastError: null,
        ...PROCESSED_EVENT,
      },
    });
    return { ok: true as const };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.webhookEvent
      .update({
        where: { webhookId: event.webhookId },
        data: {
          status: "FAILED",
          attempts: { increment: 1 },
          lastError: message.slice(0, 2000),
          nextAttemptAt: new Date(Date.now() + eventRetryDelayMs(event.attempts ?? 0)),
        },
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
      data: { status: "PROCESSED", processedAt, attempts: { increment: 1 }, lastError: null, ...PROCESSED_EVENT },
    }),
  );
}

/** Processed events older than the retention period go; failed and waiting ones stay for retry. */
export async function pruneProcessedEvents(db: Db, now: Date, retentionDays: number) {
  const { count } = await db.webhookEvent.deleteMany({
    where: { status: "PROCESSED", processedAt: { lt: new Date(now.getTime() - retentionDays * 86_400_000) } },
  });
  return count;
}

/** Attempts of a failed event before only the merchant's "Retry now" takes it: about a day. */
export const MAX_EVENT_ATTEMPTS = 10;

/** The wait after an event's nth failed attempt: 5, 10, 20 ... minutes, at most 6 hours. */
export function eventRetryDelayMs(attemptsBefore: number): number {
  return Math.min(2 ** attemptsBefore * 5 * 60_000, 6 * 3_600_000);
}

const RETRY_PAGE = 500;

/**
 * Events to process again, oldest first, a page at a time: failed ones whose wait is over (and
 * that have attempts left, unless the merchant asks for every one), and received ones left
 * behind (older than `staleMs`).
 */
export async function eventsToRetry(
  db: Db,
  now: Date,
  staleMs = 60_000,
  shopDomain?: string,
  options: { includeDead?: boolean } = {},
) {
  const failed = options.includeDead
    ? { status: "FAILED" as const }
    : {
        status: "FAILED" as const,
        attempts: { lt: MAX_EVENT_ATTEMPTS },
        OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }],
      };
  const events = await db.webhookEvent.findMany({
    where: {
      ...(shopDomain ? { shopDomain } : {}),
      OR: [failed, { status: "RECEIVED", receivedAt: { lt: new Date(now.getTime() - staleMs) } }],
    },
    orderBy: { receivedAt: "asc" },
    take: RETRY_PAGE,
  });
  return events.map((event) => ({ ...event, payload: unpackPayload(event.payload) }));
}

/** Failed events of a shop, and those of them that are out of automatic attempts. */
export async function failedEventCount(db: Db, shopDomain: string) {
  return db.webhookEvent.count({ where: { shopDomain, status: "FAILED" } });
}
