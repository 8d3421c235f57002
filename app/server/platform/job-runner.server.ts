// Runs the durable jobs (past-orders backfills, CSV imports): the server that claims a run's lease
// works it; a run whose server stopped (its lease lapsed), or whose wait after a failed try is
// over, is taken up by whichever server sees it first, at its stored place.
import { randomUUID } from "node:crypto";
import db, { dbKind } from "./db.server";
import { env } from "./env.server";
import { claimBackfill, failBackfill, runBackfill, stalledBackfills, startBackfill } from "../ledger/backfill.server";
import { claimImport, failImportTry, runImport, stalledImports } from "../program/influencer-import.server";
import type { Worker } from "./job-leases.server";
import { offlineGraphql } from "./shopify-access.server";

let worker: Worker | undefined;
const thisServer = (): Worker => (worker ??= { id: `server:${randomUUID()}`, leaseMs: env().JOB_LEASE_MS });

// The runs this server is working: its own lease, if a slow step let it lapse, must not make it
// start a second loop over the same run.
const working = new Set<string>();

async function work(
  runId: string,
  claim: () => Promise<boolean>,
  run: () => Promise<void>,
  fail: (reason: string) => Promise<void>,
) {
  if (working.has(runId)) return;
  working.add(runId);
  try {
    if (!(await claim())) return; // another server has it
    await run().catch((error: Error) => fail(error.message));
  } finally {
    working.delete(runId);
  }
}

function workBackfill(runId: string, shop: { domain: string }) {
  return work(
    runId,
    () => claimBackfill(db, runId, thisServer()),
    async () =>
      runBackfill({
        db,
        kind: dbKind,
        graphql: await offlineGraphql(shop.domain),
        shopDomain: shop.domain,
        runId,
        worker: thisServer(),
      }),
    (reason) => failBackfill(db, runId, thisServer(), reason),
  );
}

function workImport(runId: string, shop: { id: string; domain: string; currency: string }) {
  return work(
    runId,
    () => claimImport(db, runId, thisServer()),
    async () => runImport(db, await offlineGraphql(shop.domain), shop, runId, thisServer()),
    (reason) => failImportTry(db, runId, thisServer(), reason),
  );
}

export async function startOrResumeBackfill(shop: { id: string; domain: string }) {
  const run = await startBackfill(db, shop.id);
  void workBackfill(run.id, shop);
  return run.id;
}

/** Works an import started by this request; it goes on after the response. */
export function workImportNow(runId: string, shop: { id: string; domain: string; currency: string }) {
  void workImport(runId, shop);
}

/** Schedules: take up the runs whose server stopped or whose wait is over. */
export async function resumeStalledJobs(now = new Date()) {
  for (const run of await stalledBackfills(db, now)) void workBackfill(run.id, run.shop);
  for (const run of await stalledImports(db, now)) void workImport(run.id, run.shop);
}
