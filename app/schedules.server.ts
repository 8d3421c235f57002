// Work that runs on a clock in every app server: approving commissions whose hold period is over
// and processing again the webhooks left behind. Both are idempotent, so several servers running
// them at once do no harm. The same work is available as commands (npm run commissions:approve,
// npm run webhooks:retry) for an external scheduler.
import db from "./db.server";
import { approveDueCommissions } from "./models/commissions.server";
import { retryWebhookEvents } from "./webhooks/retry.server";

const HOUR = 3_600_000;
const FIVE_MINUTES = 300_000;

export function startSchedules() {
  const approve = setInterval(() => {
    approveDueCommissions(db, new Date()).catch((error) => console.error(`approving commissions failed: ${error.message}`));
  }, HOUR);
  const retry = setInterval(() => {
    retryWebhookEvents(db).catch((error) => console.error(`retrying webhooks failed: ${error.message}`));
  }, FIVE_MINUTES);
  approve.unref();
  retry.unref();
}
