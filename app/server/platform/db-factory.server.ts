// Builds a Prisma client for a DATABASE_URL: `file:` -> SQLite through libsql, `postgres://` ->
// PostgreSQL through pg. Each provider has its own generated client (Prisma fixes the provider per
// schema) with the same API: the SQLite client's types stand for both.
import { createRequire } from "node:module";
import path from "node:path";
import type { PrismaClient } from "#db-client";
import { databaseKind, sqliteFilePath } from "./database-url";

export type { PrismaClient };

const require = createRequire(import.meta.url);

function generatedClient(kind: "sqlite" | "postgresql"): { PrismaClient: new (options: object) => PrismaClient } {
  // Resolved at run time beside @prisma/client, so the bundler leaves the generated client alone.
  const clientDir = path.dirname(require.resolve("@prisma/client/package.json"));
  return require(path.join(clientDir, "..", "..", ".prisma", `client-${kind}`));
}

export function createDb(url: string): PrismaClient {
  if (databaseKind(url) === "postgresql") {
    const { PrismaPg } = require("@prisma/adapter-pg") as typeof import("@prisma/adapter-pg");
    const { PrismaClient } = generatedClient("postgresql");
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  }
  const { PrismaLibSQL } = require("@prisma/adapter-libsql") as typeof import("@prisma/adapter-libsql");
  const { PrismaClient } = generatedClient("sqlite");
  return new PrismaClient({ adapter: sharedSqliteFile(PrismaLibSQL, { url: `file:${sqliteFilePath(url)}` }) });
}

type LibSqlClient = {
  transaction: (mode?: "write" | "read" | "deferred") => Promise<unknown>;
  execute: (sql: string) => Promise<unknown>;
};
type LibSqlFactory = { createClient(config: { url: string }): LibSqlClient };

// How long a statement waits for another connection's write to finish before it gives up.
const BUSY_TIMEOUT = "PRAGMA busy_timeout = 5000";

/**
 * Two changes to how the libsql adapter uses SQLite, for a file that another process (a scheduled
 * command, the tests) writes too:
 * - its connections wait for the write lock (busy_timeout) instead of failing at once; libsql
 *   opens a new connection after each transaction, so each one gets the setting;
 * - its transactions begin IMMEDIATE, not DEFERRED: ours all write, and one that read first
 *   fails (SQLITE_BUSY_SNAPSHOT) when another process wrote in between.
 */
function sharedSqliteFile(Factory: new (config: { url: string }) => unknown, config: { url: string }) {
  const factory = new Factory(config) as LibSqlFactory;
  const createClient = factory.createClient.bind(factory);
  factory.createClient = (options) => {
    const client = createClient(options);
    void client.execute(BUSY_TIMEOUT);
    const begin = client.transaction.bind(client);
    client.transaction = async () => {
      const transaction = await begin("write");
      await client.execute(BUSY_TIMEOUT); // the connection libsql opens for what comes next
      return transaction;
    };
    return client;
  };
  return factory as never;
}
