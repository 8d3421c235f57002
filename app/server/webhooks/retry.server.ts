// Processes again the webhook events that failed or were left behind. Used by the retry command
// (npm run webhooks:retry, e.g. every few minutes from a scheduler) and the merchant's "Retry now".
import { z } from "zod";
import { done } from "../../domain/command-result";
import { command } from "../platform/commands.server";
import type { ShopContext } from "../shop/shop-context.server";
import type { Db } from "../platform/db.server";
import { eventsToRetry } from "./webhook-inbox.server";
import { processEvents } from "./batch.server";
import { webhookIntake } from "./app-intake.server";

const BATCH = 100;

/** `includeDead`: the merchant's "Retry now", which also takes events out of automatic attempts. */
export async function retryWebhookEvents(
  db: Db,
  options: { shopDomain?: string; now?: Date; staleMs?: number; includeDead?: boolean } = {},
) {
  // Events still waiting in this server's backlog are on their way: not processed twice here.
  const found = await eventsToRetry(db, options.now ?? new Date(), options.staleMs, options.shopDomain, {
    includeDead: options.includeDead,
  });
  const { inThisBacklog } = webhookIntake();
  const events = found.filter((e) => !inThisBacklog(e.webhookId));
  let processed = 0;
  let failed = 0;
  for (let i = 0; i < events.length; i += BATCH) {
    const outcome = await processEvents(db, events.slice(i, i + BATCH));
    processed += outcome.processed;
    failed += outcome.failed;
  }
  return { attempted: events.length, processed, failed };
}

/** Home's "Retry now": this shop's failed and waiting events, processed again at once. */
export const retryNowCommand = command(z.object({}), async (ctx: ShopContext) => {
  const outcome = await retryWebhookEvents(ctx.db, { shopDomain: ctx.shop.domain, staleMs: 0, includeDead: true });
  return done(`${outcome.processed} processed, ${outcome.failed} failed`, outcome);
});
