// Processes stored webhook events, the ledger's ones in batches: every order and refund event of
// a batch is applied in one transaction (one commit, each influencer-day's roll-up refreshed
// once), which is what lets ingestion keep up with a burst. A batch that fails is taken apart and
// each event processed on its own, so one bad event is recorded FAILED without holding up others.
import { dbKind, type Db, type Tx } from "../platform/db.server";
import { groupBy } from "../../domain/group-by";
import { applyLedgerChanges, ledgerShop, type LedgerChange, type LedgerShop } from "../ledger/orders.server";
import type { DaysToRefresh } from "../ledger/rollups.server";
import { markProcessed, processEvent, type StoredEvent } from "./webhook-inbox.server";
import { completeProducts, isLedgerTopic, ledgerChangeFor, processorFor } from "./processors.server";

/** `pending`: ledger events applied whose days' roll-ups wait for the caller (see `laterDays`). */
export type Outcome = { processed: number; failed: number; pending: string[] };

/**
 * Each ledger event's change, read with one shop lookup per domain; the other events, and ledger
 * events whose payload cannot be read, are set apart to be processed on their own.
 */
export async function readLedgerChanges(db: Tx, events: StoredEvent[]) {
  const ledger: Array<{ event: StoredEvent; change: LedgerChange | null }> = [];
  const others: StoredEvent[] = [];
  const shops = new Map<string, LedgerShop | null>();
  for (const event of events) {
    if (!isLedgerTopic(event.topic)) {
      others.push(event);
      continue;
    }
    try {
      if (!shops.has(event.shopDomain)) shops.set(event.shopDomain, await ledgerShop(db, event.shopDomain));
      ledger.push({ event, change: ledgerChangeFor(event, shops.get(event.shopDomain)!) });
    } catch {
      others.push(event); // a payload that cannot be read: processed alone, to record its error
    }
  }
  return { ledger, others };
}

/** The orders applied changes touched, by shop domain: their new products are fetched after the commit. */
export function ordersByShop(applied: Array<{ event: StoredEvent }>, orderIds: Array<string | null>) {
  const touched = applied.flatMap(({ event }, i) => {
    const orderId = orderIds[i];
    return orderId ? [{ domain: event.shopDomain, orderId }] : [];
  });
  return new Map([...groupBy(touched, (t) => t.domain)].map(([domain, rows]) => [domain, rows.map((t) => t.orderId)]));
}

/**
 * With `laterDays`, the ledger events' roll-up days are added to it and the events are left
 * RECEIVED (listed as `pending`): the caller refreshes the days and marks them processed in one
 * commit. Should the server stop in between, the retry schedule applies them again (the ledger
 * is idempotent) and refreshes their days.
 */
export async function processEvents(db: Db, events: StoredEvent[], laterDays?: DaysToRefresh): Promise<Outcome> {
  const outcome: Outcome = { processed: 0, failed: 0, pending: [] };
  const { ledger, others: alone } = await readLedgerChanges(db, events);

  if (ledger.length) {
    const applied = ledger.filter((b) => b.change !== null);
    let orderIds: Array<string | null> | null = null;
    try {
      orderIds = await applyLedgerChanges(
        db,
        dbKind,
        applied.map((b) => b.change!),
        laterDays,
      );
    } catch {
      alone.push(...ledger.map((b) => b.event)); // one of them failed: each on its own
    }
    if (orderIds) {
      if (laterDays) outcome.pending.push(...ledger.map((b) => b.event.webhookId));
      else
        await markProcessed(
          db,
          ledger.map((b) => b.event.webhookId),
        );
      outcome.processed += ledger.length;
      for (const [domain, ids] of ordersByShop(applied, orderIds)) await completeProducts(db, domain, ids);
    }
  }

  for (const event of alone) {
    const processor = processorFor(event.topic);
    if (!processor) continue;
    const result = await processEvent(db, event, processor);
    if (result.ok) outcome.processed += 1;
    else outcome.failed += 1;
  }
  return outcome;
}
