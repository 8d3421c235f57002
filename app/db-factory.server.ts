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
  return new PrismaClient({ adapter: new PrismaLibSQL({ url: `file:${sqliteFilePath(url)}` }) });
}
