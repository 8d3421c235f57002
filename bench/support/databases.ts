// A fresh, migrated database for one benchmark run: a SQLite file in a temporary folder, or a
// PostgreSQL database created beside the tests' server (TEST_POSTGRES_URL), dropped afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../../scripts/migrate";

const postgresAdmin = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type BenchDatabase = { databaseUrl: string; cleanup: () => Promise<void> };

async function onAdmin(sql: string) {
  const admin = new pg.Client({ connectionString: postgresAdmin });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export async function benchDatabase(kind: "sqlite" | "postgresql", label: string): Promise<BenchDatabase> {
  let database: BenchDatabase;
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), `bench-${label}-`));
    database = {
      databaseUrl: `file:${path.join(dir, "bench.sqlite")}`,
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  } else {
    const name = `bench_${label}_${Date.now().toString(36)}`;
    await onAdmin(`CREATE DATABASE ${name}`);
    const url = new URL(postgresAdmin);
    url.pathname = `/${name}`;
    database = { databaseUrl: url.toString(), cleanup: () => onAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  }
  await applyMigrations(database.databaseUrl);
  return database;
}
