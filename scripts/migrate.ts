// Applies the migrations of the DATABASE_URL's provider, in order, once each, recorded in Prisma's
// own `_prisma_migrations` table (so `prisma migrate status` reads the same history).
// Why not `prisma migrate deploy`: see docs/decisions/001-migration-runner.md.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createClient } from "@libsql/client";
import pg from "pg";
import { databaseKind, DEFAULT_DATABASE_URL, sqliteFilePath } from "../app/server/platform/database-url";

const root = path.resolve(import.meta.dirname, "..");

const HISTORY_TABLE = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
};

// Any number: several app servers deploying at once take turns on this PostgreSQL advisory lock.
const MIGRATION_LOCK = 7_202_611;

type Connection = {
  run(sql: string): Promise<void>;
  applied(): Promise<Map<string, string>>;
  record(name: string, checksum: string): Promise<void>;
  close(): Promise<void>;
};

/** Prisma's generated SQL, split into statements (it ends each with `;` at the end of a line). */
export function sqlStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^\s*--.*$/gm, "").trim())
    .filter(Boolean);
}

export function migrationsFolder(url: string): string {
  return path.join(root, databaseKind(url) === "postgresql" ? "prisma/postgresql/migrations" : "prisma/migrations");
}

async function connect(url: string): Promise<Connection> {
  if (databaseKind(url) === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(HISTORY_TABLE.postgresql);
    return {
      // One statement at a time: a multi-statement query is one implicit transaction in PostgreSQL.
      run: async (sql) => {
        for (const statement of sqlStatements(sql)) await client.query(statement);
      },
      applied: async () => {
        const { rows } = await client.query(
          'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
        );
        return new Map(rows.map((r) => [r.migration_name as string, r.checksum as string]));
      },
      record: async (name, checksum) =>
        void (await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)',
          [randomUUID(), checksum, name],
        )),
      close: async () => {
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
        await client.end();
      },
    };
  }
  const client = createClient({ url: `file:${sqliteFilePath(url)}` });
  // WAL lets readers (reports, other processes) go on while a writer commits; it stays set in the file.
  await client.execute("PRAGMA journal_mode = WAL");
  await client.execute(HISTORY_TABLE.sqlite);
  return {
    run: (sql) => client.executeMultiple(sql),
    applied: async () => {
      const result = await client.execute(
        'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      );
      return new Map(result.rows.map((r) => [String(r.migration_name), String(r.checksum)]));
    },
    record: async (name, checksum) =>
      void (await client.execute({
        sql: 'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES (?, ?, ?, current_timestamp, 1)',
        args: [randomUUID(), checksum, name],
      })),
    close: async () => client.close(),
  };
}

export async function applyMigrations(url: string, log: (line: string) => void = () => {}): Promise<string[]> {
  const folder = migrationsFolder(url);
  const names = readdirSync(folder)
    .filter((name) => /^\d+_/.test(name))
    .sort();
  const connection = await connect(url);
  const appliedNow: string[] = [];
  try {
    const applied = await connection.applied();
    for (const name of names) {
      const sql = readFileSync(path.join(folder, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const known = applied.get(name);
      if (known) {
        if (known !== checksum) throw new Error(`migration ${name} was changed after it was applied`);
        continue;
      }
      // Like Prisma, no wrapping transaction: SQLite migrations set PRAGMA foreign_keys themselves,
      // and a new PostgreSQL enum value cannot be used in the transaction that adds it.
      await connection.run(sql);
      await connection.record(name, checksum);
      appliedNow.push(name);
      log(`applied ${name}`);
    }
  } finally {
    await connection.close();
  }
  return appliedNow;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  applyMigrations(url, console.log)
    .then((applied) => console.log(applied.length ? `${applied.length} migrations applied` : "database is up to date"))
    .catch((error) => {
      console.error(`migration failed: ${error.message}`);
      process.exit(1);
    });
}
