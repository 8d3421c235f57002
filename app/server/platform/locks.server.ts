// Serialises work on keys (orders of a shop) inside a transaction. PostgreSQL: transaction
// advisory locks, released at commit, taken in one order (by lock id) so that two transactions
// holding several never wait on each other in a circle. SQLite: the database serialises writers.
import type { DatabaseKind } from "./database-url";
import type { Tx } from "./db.server";

export async function lockKeys(tx: Tx, kind: DatabaseKind, keys: string[]): Promise<void> {
  if (kind !== "postgresql" || !keys.length) return;
  await tx.$queryRawUnsafe(
    `SELECT count(pg_advisory_xact_lock(id))::int AS locked
       FROM (SELECT DISTINCT hashtextextended(key, 0) AS id FROM unnest($1::text[]) AS key ORDER BY id) AS ids`,
    [...new Set(keys)],
  );
}

export function lockKey(tx: Tx, kind: DatabaseKind, key: string): Promise<void> {
  return lockKeys(tx, kind, [key]);
}
