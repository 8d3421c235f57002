// Runs backfills in the background of this server, one at a time per run.
import db, { dbKind } from "./db.server";
import { runBackfill, startBackfill } from "./models/backfill.server";
import { unauthenticated } from "./shopify.server";

const running = new Set<string>();

export async function startOrResumeBackfill(shop: { id: string; domain: string }) {
  const run = await startBackfill(db, shop.id);
  if (!running.has(run.id)) {
    running.add(run.id);
    void (async () => {
      try {
        const { admin } = await unauthenticated.admin(shop.domain);
        await runBackfill(db, dbKind, admin.graphql, shop.domain, run.id);
      } catch (error) {
        await db.backfillRun.update({ where: { id: run.id }, data: { status: "FAILED", lastError: (error as Error).message } });
      } finally {
        running.delete(run.id);
      }
    })();
  }
  return run.id;
}
