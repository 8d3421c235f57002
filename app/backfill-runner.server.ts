// Runs backfills as durable jobs: the server that claims a run's lease runs it; a run whose
// server stopped (its lease lapsed) is resumed by whichever server sees it first, at its place.
import { randomUUID } from "node:crypto";
import db, { dbKind } from "./db.server";
import { env } from "./env.server";
import { claimBackfill, failBackfill, runBackfill, stalledBackfills, startBackfill, type Worker } from "./models/backfill.server";
import { offlineGraphql } from "./shopify-access.server";

let worker: Worker | undefined;
const thisServer = (): Worker => (worker ??= { id: `server:${randomUUID()}`, leaseMs: env().BACKFILL_LEASE_MS });

async function runClaimed(runId: string, shop: { domain: string }) {
  if (!(await claimBackfill(db, runId, thisServer()))) return; // another server has it
  try {
    await runBackfill(db, dbKind, await offlineGraphql(shop.domain), shop.domain, runId, thisServer());
  } catch (error) {
    await failBackfill(db, runId, thisServer(), (error as Error).message);
  }
}

export async function startOrResumeBackfill(shop: { id: string; domain: string }) {
  const run = await startBackfill(db, shop.id);
  void runClaimed(run.id, shop);
  return run.id;
}

/** Schedules: resume the runs whose server stopped. */
export async function resumeStalledBackfills(now = new Date()) {
  for (const run of await stalledBackfills(db, now)) void runClaimed(run.id, run.shop);
}
