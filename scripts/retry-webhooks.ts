// `npm run webhooks:retry`: processes again every stored webhook event that failed, or that was
// stored but never processed (a crash between the two). Safe to run at any time, as often as
// wanted: processing is idempotent.
import db from "../app/db.server";
import { retryWebhookEvents } from "../app/webhooks/retry.server";

retryWebhookEvents(db)
  .then((result) => {
    console.log(`${result.attempted} events retried: ${result.processed} processed, ${result.failed} still failing`);
    return db.$disconnect().then(() => process.exit(result.failed ? 1 : 0));
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
