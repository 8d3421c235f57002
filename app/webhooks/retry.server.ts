// Processes again the webhook events that failed or were left behind. Used by the retry command
// (npm run webhooks:retry, e.g. every few minutes from a scheduler) and the merchant's "Retry now".
import type { Db } from "../db.server";
import { eventsToRetry, processEvent } from "../models/webhook-inbox.server";
import { processorFor } from "./processors.server";

export async function retryWebhookEvents(db: Db, options: { shopDomain?: string; now?: Date; staleMs?: number } = {}) {
  const events = await eventsToRetry(db, options.now ?? new Date(), options.staleMs, options.shopDomain);
  let processed = 0;
  let failed = 0;
  for (const event of events) {
    const processor = processorFor(event.topic);
    if (!processor) continue;
    const outcome = await processEvent(db, event, processor);
    if (outcome.ok) processed += 1;
    else failed += 1;
  }
  return { attempted: events.length, processed, failed };
}
