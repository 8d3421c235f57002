// Leases for durable jobs (the past-orders backfill, the CSV import): a run is worked by the one
// server holding its lease, which it renews in the commit of each step. A server that stops lets
// the lease lapse, and whichever server sees the run next takes it over at its stored place.

/** The server holding a run. */
export type Worker = { id: string; leaseMs: number };

/** Thrown by a step whose commit found the run held by another server: this one stops. */
export class LeaseLost extends Error {}

/** The part of a run table's Prisma delegate a lease needs. */
type RunTable = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  updateMany(args: { where: any; data: any }): PromiseLike<{ count: number }>;
};

/**
 * This worker takes the run if it is in a worked status and nobody holds it (or its lease lapsed).
 * Not even the holder claims a held run again: a second start in the same server must not work
 * the run twice at once.
 */
export async function claimLease(
  table: RunTable,
  runId: string,
  statuses: string[],
  worker: Worker,
  now = new Date(),
): Promise<boolean> {
  const claimed = await table.updateMany({
    where: { id: runId, status: { in: statuses }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { worker: worker.id, leaseUntil: leaseEnd(worker, now) },
  });
  return claimed.count === 1;
}

export const leaseEnd = (worker: Worker, now = new Date()) => new Date(now.getTime() + worker.leaseMs);

/**
 * A step's write (none, to renew the lease before calling out): done only while this worker holds
 * the run in the status it read, with the lease renewed in the same write; else LeaseLost, and a
 * server that lost the run writes nothing.
 */
export async function commitStep(
  table: RunTable,
  run: { id: string; status: string },
  worker: Worker,
  data: object = {},
) {
  const moved = await table.updateMany({
    where: { id: run.id, worker: worker.id, status: run.status },
    data: { ...data, leaseUntil: leaseEnd(worker) },
  });
  if (moved.count !== 1) throw new LeaseLost(`another server holds ${run.id}`);
}
