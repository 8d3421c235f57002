// `npm run webhooks:retry`: processes again every stored webhook event that failed, or that was
// stored but never processed (a crash between the two), then deletes processed events older than
// WEBHOOK_RETENTION_DAYS. Safe to run at any time, as often as wanted: processing is idempotent.
import db from "../app/server/platform/db.server";
import { env } from "../app/server/platform/env.server";
import { pruneProcessedEvents } from "../app/server/webhooks/webhook-inbox.server";
import { retryWebhookEvents } from "../app/server/webhooks/retry.server";

retryWebhookEvents(db)
  .then(async (result) => {
    const pruned = await pruneProcessedEvents(db, new Date(), env().WEBHOOK_RETENTION_DAYS);
    console.log(
      `${result.attempted} events retried: ${result.processed} processed, ${result.failed} still failing; ${pruned} old processed events deleted`,
    );
    return db.$disconnect().then(() => process.exit(result.failed ? 1 : 0));
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
