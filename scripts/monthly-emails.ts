// `npm run emails:monthly`: queues last month's performance email for every active influencer who
// has not opted out (once per influencer and month), then sends the outbox. Safe to run daily.
import db from "../app/server/platform/db.server";
import { env } from "../app/server/platform/env.server";
import { queueMonthlyEmails } from "../app/server/outreach/monthly-email.server";
import { deliverOutbox, mailTransport } from "../app/server/platform/outbox.server";

async function main() {
  const queued = await queueMonthlyEmails(db, env().SHOPIFY_APP_URL);
  const sent = await deliverOutbox(db, mailTransport());
  console.log(
    `${queued} monthly emails queued; ${sent.sent} sent, ${sent.failed} failed${mailTransport() ? "" : " (SMTP_URL is not set: mail waits in the outbox)"}`,
  );
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
