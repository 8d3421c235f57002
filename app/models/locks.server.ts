// Serialises work on one key (an order of a shop) inside a transaction. PostgreSQL: a transaction
// advisory lock, released at commit. SQLite: writers are serialised by the database itself.
import type { DatabaseKind } from "../database-url";
import type { Tx } from "../db.server";

export async function lockKey(tx: Tx, kind: DatabaseKind, key: string): Promise<void> {
  if (kind !== "postgresql") return;
  await tx.$queryRawUnsafe("SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) AS l", key);
}
