// Work that runs on a clock in every app server: approving commissions whose hold period is over,
// processing again the webhooks left behind, pruning old processed ones, queueing the monthly
// emails and sending the outbox.
// All are idempotent, so several servers running them at once do no harm. The same work is
// available as commands (npm run commissions:approve, webhooks:retry, emails:monthly) for an
// external scheduler.
import db from "./db.server";
import { env } from "./env.server";
import { resumeStalledJobs } from "./job-runner.server";
import { approveDueCommissions } from "../ledger/commissions.server";
import { queueMonthlyEmails } from "../outreach/monthly-email.server";
import { deliverOutbox, mailTransport } from "./outbox.server";
import { purgeUnmatchedPixelReports } from "../ledger/pixel-reports.server";
import { pruneProcessedEvents } from "../webhooks/webhook-inbox.server";
import { retryWebhookEvents } from "../webhooks/retry.server";

const HOUR = 3_600_000;
const FIVE_MINUTES = 300_000;
const MINUTE = 60_000;

export function startSchedules() {
  const approve = setInterval(() => {
    approveDueCommissions(db, new Date()).catch((error) =>
      console.error(`approving commissions failed: ${error.message}`),
    );
  }, HOUR);
  const retry = setInterval(() => {
    retryWebhookEvents(db).catch((error) => console.error(`retrying webhooks failed: ${error.message}`));
  }, FIVE_MINUTES);
  // Last month's emails, in the first days of a month; queued once per influencer and month.
  const monthly = setInterval(() => {
    if (new Date().getUTCDate() > 3) return;
    queueMonthlyEmails(db, env().SHOPIFY_APP_URL).catch((error) =>
      console.error(`queueing monthly emails failed: ${error.message}`),
    );
  }, HOUR);
  // Processed webhook events past the retention period: their ids are only needed against repeats.
  const prune = setInterval(() => {
    pruneProcessedEvents(db, new Date(), env().WEBHOOK_RETENTION_DAYS).catch((error) =>
      console.error(`pruning webhook events failed: ${error.message}`),
    );
    // Web pixel reports whose order never came: a week is longer than any order takes to arrive.
    purgeUnmatchedPixelReports(db, new Date(Date.now() - 7 * 24 * HOUR)).catch((error) =>
      console.error(`pruning pixel reports failed: ${error.message}`),
    );
  }, HOUR);
  // Backfills and imports whose server stopped mid-run, resumed here at their place.
  const jobs = setInterval(
    () => {
      resumeStalledJobs().catch((error) => console.error(`resuming jobs failed: ${error.message}`));
    },
    Math.max(1000, env().JOB_LEASE_MS / 2),
  );
  const mail = setInterval(() => {
    deliverOutbox(db, mailTransport()).catch((error) => console.error(`sending mail failed: ${error.message}`));
  }, MINUTE);
  for (const timer of [approve, retry, monthly, prune, jobs, mail]) timer.unref();
}
