// The app's one database client, for the DATABASE_URL of the environment.
import { databaseKind } from "./database-url";
import { createDb, type PrismaClient } from "./db-factory.server";
import { env } from "./env.server";

export type { PrismaClient };
export type Db = PrismaClient;
/** A client or an interactive transaction: models accept either. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends" | "$use">;

declare global {
  var __referralDb: PrismaClient | undefined;
}

// Kept on globalThis so that dev-server reloads reuse one connection pool.
const db: PrismaClient = globalThis.__referralDb ?? createDb(env().DATABASE_URL);
if (env().NODE_ENV !== "production") globalThis.__referralDb = db;

export default db;

/** The kind of database DATABASE_URL names, for the few statements that differ between them. */
export const dbKind = databaseKind(env().DATABASE_URL);
