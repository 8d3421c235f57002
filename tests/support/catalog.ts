// A database's structure as plain data (tables, columns, indexes, foreign keys, enums), to compare
// what the migrations build with what the schema asks for.
import { createClient } from "@libsql/client";
import pg from "pg";
import { databaseKind, sqliteFilePath } from "~/server/platform/database-url";

export async function runSql(url: string, sql: string) {
  if (databaseKind(url) === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
    return;
  }
  const client = createClient({ url: `file:${sqliteFilePath(url)}` });
  try {
    await client.executeMultiple(sql);
  } finally {
    client.close();
  }
}

export async function catalog(url: string): Promise<Record<string, unknown>> {
  return databaseKind(url) === "postgresql" ? postgresCatalog(url) : sqliteCatalog(url);
}

async function sqliteCatalog(url: string) {
  const client = createClient({ url: `file:${sqliteFilePath(url)}` });
  try {
    const tables = await client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
    );
    const result: Record<string, unknown> = {};
    for (const { name } of tables.rows) {
      const table = String(name);
      const columns = await client.execute(`PRAGMA table_info("${table}")`);
      const indexes = await client.execute(`PRAGMA index_list("${table}")`);
      const indexColumns: Record<string, unknown> = {};
      for (const index of indexes.rows) {
        const info = await client.execute(`PRAGMA index_info("${String(index.name)}")`);
        indexColumns[String(index.name)] = { unique: index.unique, columns: info.rows.map((r) => r.name) };
      }
      const foreignKeys = await client.execute(`PRAGMA foreign_key_list("${table}")`);
      result[table] = {
        columns: columns.rows.map((c) => [c.name, c.type, c.notnull, c.dflt_value, c.pk]),
        indexes: indexColumns,
        foreignKeys: foreignKeys.rows.map((f) => [f.table, f.from, f.to, f.on_delete, f.on_update]).sort(),
      };
    }
    return result;
  } finally {
    client.close();
  }
}

async function postgresCatalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
       ORDER BY table_name, column_name`,
    );
    const indexes = await client.query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`,
    );
    const constraints = await client.query(
      `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')
       ORDER BY conname`,
    );
    const enums = await client.query(
      `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`,
    );
    return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows, enums: enums.rows };
  } finally {
    await client.end();
  }
}
