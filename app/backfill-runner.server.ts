// Runs backfills in the background of this server, one at a time per run.
import db, { dbKind } from "./db.server";
import { runBackfill, startBackfill } from "./models/backfill.server";
import { offlineGraphql } from "./shopify-access.server";

const running = new Set<string>();

export async function startOrResumeBackfill(shop: { id: string; domain: string }) {
  const run = await startBackfill(db, shop.id);
  if (!running.has(run.id)) {
    running.add(run.id);
    void (async () => {
      try {
        await runBackfill(db, dbKind, await offlineGraphql(shop.domain), shop.domain, run.id);
      } catch (error) {
        await db.backfillRun.update({ where: { id: run.id }, data: { status: "FAILED", lastError: (error as Error).message } });
      } finally {
        running.delete(run.id);
      }
    })();
  }
  return run.id;
}
