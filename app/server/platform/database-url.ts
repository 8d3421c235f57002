// Which database a DATABASE_URL names. Shared by the app, the Prisma CLI config and the scripts,
// so there is one place that knows the supported drivers.
import path from "node:path";

export type DatabaseKind = "sqlite" | "postgresql";

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.sqlite";

export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgresql";
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgres://" (PostgreSQL), got "${url.split(":")[0]}:..."`,
  );
}

/** `file:./prisma/dev.sqlite` -> an absolute path, relative paths taken from the working directory. */
export function sqliteFilePath(url: string): string {
  return path.resolve(url.slice("file:".length));
}
