// Prisma CLI configuration. DATABASE_URL picks the provider, exactly as app/server/platform/db.server.ts does:
// `file:` -> SQLite through libsql (the default), `postgres://` -> PostgreSQL through pg.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseKind, sqliteFilePath, DEFAULT_DATABASE_URL } from "./app/server/platform/database-url";

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const kind = databaseKind(url);
const folder = kind === "postgresql" ? "prisma/postgresql" : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations") },
  async adapter() {
    if (kind === "postgresql") {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      // allowExitOnIdle: the CLI exits when done instead of waiting out the pool's idle timeout.
      return new PrismaPg({ connectionString: url, allowExitOnIdle: true });
    }
    const { PrismaLibSQL } = await import("@prisma/adapter-libsql");
    return new PrismaLibSQL({ url: `file:${sqliteFilePath(url)}` });
  },
});
