// The hot paths' inserts and updates in plain SQL: many rows in one statement. Prisma's createMany
// spends about 200 µs a row in its query compiler; sending rows (or lists) as one JSON parameter
// that the database unpacks itself costs a fraction of that, with no limit on bound parameters.
// Used where rows come by the hundred: clicks, and the orders, lines, refunds and commissions of a
// batch of webhooks. Everything else uses Prisma's model API.
import { randomBytes } from "node:crypto";
import type { DatabaseKind } from "./database-url";
import type { Db, Tx } from "./db.server";

/** A column's type; `enum:Name` is a PostgreSQL enum type (text on SQLite). */
export type ColumnType = "text" | "timestamp" | "boolean" | "integer" | `enum:${string}`;

type ColumnTypeOf<T> = T extends Date
  ? "timestamp"
  : T extends boolean
    ? "boolean"
    : T extends number
      ? "integer"
      : string extends T
        ? "text"
        : `enum:${string}`; // a union of literals is one of Prisma's enums

/**
 * The columns a statement writes, checked against the model Prisma generates from the schema:
 * every column of `Row` but those named in `Defaulted` (left to the database's default), each
 * with its type. A map that misses a column, names one the model lacks or mistypes one does not
 * compile. `Partial<ColumnsOf<Row>>` checks an update's columns the same way, without requiring all.
 */
export type ColumnsOf<Row, Defaulted extends keyof Row = never> = {
  [K in Exclude<keyof Row, Defaulted>]-?: ColumnTypeOf<NonNullable<Row[K]>>;
};

function postgresType(type: ColumnType): string {
  if (type.startsWith("enum:")) return `"${type.slice(5)}"`;
  return { text: "text", timestamp: "timestamp(3)", boolean: "boolean", integer: "integer" }[type as "text"];
}

let sequence = 0;
/** Ids that sort by creation time (like cuid), so inserts append to the primary key index. */
export function orderedId(): string {
  sequence = (sequence + 1) % 1_679_616;
  return `c${Date.now().toString(36)}${sequence.toString(36).padStart(4, "0")}${randomBytes(4).toString("hex")}`;
}

/** Prisma stores SQLite timestamps as ISO text with an explicit offset; PostgreSQL takes UTC wall time. */
function encode(value: unknown, type: ColumnType, kind: DatabaseKind): unknown {
  if (value === null || value === undefined) return null;
  if (type === "timestamp") {
    const iso = (value as Date).toISOString();
    return kind === "sqlite" ? iso.replace("Z", "+00:00") : iso.slice(0, -1);
  }
  return value;
}

/** Rows as a relation `j` read from one JSON parameter, in each database's own way. */
function rowsFromJson(kind: DatabaseKind, columns: Record<string, ColumnType>, rows: Array<Record<string, unknown>>) {
  const names = Object.keys(columns);
  const json = JSON.stringify(
    rows.map((row) => Object.fromEntries(names.map((n) => [n, encode(row[n], columns[n], kind)]))),
  );
  const relation =
    kind === "sqlite"
      ? `(SELECT ${names.map((n) => `json_extract(value, '$.${n}') AS "${n}"`).join(", ")} FROM json_each(?)) AS j`
      : `json_to_recordset($1::json) AS j(${names.map((n) => `"${n}" ${postgresType(columns[n])}`).join(", ")})`;
  return { names, json, relation };
}

export async function bulkInsert(
  db: Db | Tx,
  kind: DatabaseKind,
  table: string,
  columns: Record<string, ColumnType>,
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  if (rows.length === 0) return;
  const { names, json, relation } = rowsFromJson(kind, columns, rows);
  const quoted = names.map((n) => `"${n}"`).join(", ");
  await db.$executeRawUnsafe(`INSERT INTO "${table}" (${quoted}) SELECT ${quoted} FROM ${relation}`, json);
}

/**
 * Inserts the rows whose `key` (a unique column) is not stored yet, in one statement that is its
 * own transaction, and returns the keys it inserted: a row already there, or inserted at the same
 * moment by another statement, is skipped by the unique index itself.
 */
export async function insertNew<Key extends string>(
  db: Db | Tx,
  kind: DatabaseKind,
  table: string,
  columns: Record<string, ColumnType>,
  key: Key,
  rows: Array<Record<string, unknown> & Record<Key, string>>,
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const { names, json, relation } = rowsFromJson(kind, columns, rows);
  const quoted = names.map((n) => `"${n}"`).join(", ");
  // `WHERE true`: SQLite reads ON CONFLICT after a bare SELECT ... FROM as part of a join.
  const inserted = await db.$queryRawUnsafe<Array<Record<Key, string>>>(
    `INSERT INTO "${table}" (${quoted}) SELECT ${quoted} FROM ${relation} WHERE true ON CONFLICT ("${key}") DO NOTHING RETURNING "${key}"`,
    json,
  );
  return new Set(inserted.map((row) => row[key]));
}

/** Sets `columns` of many rows, each found by its `id`, in one statement. */
export async function bulkUpdate(
  db: Db | Tx,
  kind: DatabaseKind,
  table: string,
  columns: Record<string, ColumnType>,
  rows: Array<Record<string, unknown> & { id: string }>,
): Promise<void> {
  if (rows.length === 0) return;
  const { json, relation } = rowsFromJson(kind, { id: "text", ...columns }, rows);
  const set = Object.keys(columns)
    .map((n) => `"${n}" = j."${n}"`)
    .join(", ");
  await db.$executeRawUnsafe(`UPDATE "${table}" SET ${set} FROM ${relation} WHERE "${table}"."id" = j."id"`, json);
}

/** The counted clicks since `since` of these visitors on these links, in one statement (lists as JSON). */
export async function recentCountedClicks(
  db: Db | Tx,
  kind: DatabaseKind,
  linkIds: string[],
  visitorHashes: string[],
  since: Date,
): Promise<Array<{ linkId: string; visitorHash: string; occurredAt: Date }>> {
  const rows =
    kind === "sqlite"
      ? await db.$queryRawUnsafe<Array<{ linkId: string; visitorHash: string; occurredAt: string }>>(
          `SELECT "linkId", "visitorHash", "occurredAt" FROM "Click"
           WHERE "linkId" IN (SELECT value FROM json_each(?)) AND "visitorHash" IN (SELECT value FROM json_each(?))
             AND "counted" = 1 AND "occurredAt" >= ?`,
          JSON.stringify(linkIds),
          JSON.stringify(visitorHashes),
          encode(since, "timestamp", kind),
        )
      : await db.$queryRawUnsafe<Array<{ linkId: string; visitorHash: string; occurredAt: Date }>>(
          `SELECT "linkId", "visitorHash", "occurredAt" FROM "Click"
           WHERE "linkId" IN (SELECT json_array_elements_text($1::json)) AND "visitorHash" IN (SELECT json_array_elements_text($2::json))
             AND "counted" AND "occurredAt" >= $3::timestamp(3)`,
          JSON.stringify(linkIds),
          JSON.stringify(visitorHashes),
          encode(since, "timestamp", kind),
        );
  return rows.map((r) => ({ linkId: r.linkId, visitorHash: r.visitorHash, occurredAt: new Date(r.occurredAt) }));
}
