// Real databases for the tests: every test file gets its own fresh, migrated database, copied from a
// template that global setup migrates once per run (a SQLite file; a PostgreSQL template database).
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type PrismaClient } from "~/server/platform/db-factory.server";
import { applyMigrations } from "../../scripts/migrate";
import { POSTGRES_ADMIN_URL } from "./constants";

export type DatabaseKind = "sqlite" | "postgresql";

// Each test run has its own templates (global setup names the run), so two runs on one machine
// never migrate each other's databases.
const RUN = process.env.REFERRAL_TEST_RUN ?? "local";
export const TEMPLATE_DIR = path.join(os.tmpdir(), `referral-loop-tests-${RUN}`);
export const SQLITE_TEMPLATE = path.join(TEMPLATE_DIR, "template.sqlite");
export const POSTGRES_TEMPLATE_DB = `referral_loop_template_${RUN}`;

export function databaseUnderTest(): DatabaseKind {
  const kind = process.env.TEST_DATABASE ?? "sqlite";
  if (kind !== "sqlite" && kind !== "postgresql") throw new Error(`TEST_DATABASE=${kind}: use sqlite or postgresql`);
  return kind;
}

function postgresUrl(database: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function postgresAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Removes the run's templates; called by global setup's teardown. */
export async function dropTemplates() {
  rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  await postgresAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE_DB} WITH (FORCE)`)).catch(
    () => undefined,
  );
}

/** Migrates the templates; called once per run by global setup. */
export async function prepareTemplates(kinds: DatabaseKind[]) {
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  if (kinds.includes("sqlite")) {
    rmSync(SQLITE_TEMPLATE, { force: true });
    await applyMigrations(`file:${SQLITE_TEMPLATE}`);
  }
  if (kinds.includes("postgresql")) {
    await postgresAdmin(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE_DB} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${POSTGRES_TEMPLATE_DB}`);
    });
    await applyMigrations(postgresUrl(POSTGRES_TEMPLATE_DB));
  }
}

export type TestDatabase = { kind: DatabaseKind; url: string; db: PrismaClient; drop: () => Promise<void> };

/** A fresh migrated database of the kind under test, with a client of the app's own factory. */
export function freshDatabase(kind: DatabaseKind = databaseUnderTest()): Promise<TestDatabase> {
  return newDatabase(kind, true);
}

/** A database with no tables at all. */
export function emptyDatabase(kind: DatabaseKind = databaseUnderTest()): Promise<TestDatabase> {
  return newDatabase(kind, false);
}

async function newDatabase(kind: DatabaseKind, migrated: boolean): Promise<TestDatabase> {
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  let url: string;
  let cleanup: () => Promise<void>;
  if (kind === "sqlite") {
    if (!existsSync(SQLITE_TEMPLATE))
      throw new Error("SQLite template missing: run the tests through vitest's global setup");
    const file = path.join(TEMPLATE_DIR, `${name}.sqlite`);
    if (migrated) copyFileSync(SQLITE_TEMPLATE, file);
    url = `file:${file}`;
    cleanup = async () => {
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    };
  } else {
    const template = migrated ? `TEMPLATE ${POSTGRES_TEMPLATE_DB}` : "";
    await postgresAdmin((client) => client.query(`CREATE DATABASE ${name} ${template}`));
    url = postgresUrl(name);
    cleanup = () =>
      postgresAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined);
  }
  const db = createDb(url);
  return {
    kind,
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await cleanup();
    },
  };
}
