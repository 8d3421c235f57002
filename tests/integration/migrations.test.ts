import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { postgresSchemaText } from "../../scripts/prisma-schemas";
import { readFileSync } from "node:fs";
import { catalog, runSql } from "../support/catalog";
import { emptyDatabase, freshDatabase, type TestDatabase } from "../support/databases";

const root = path.resolve(import.meta.dirname, "../..");
const dropLater: TestDatabase[] = [];
afterAll(async () => Promise.all(dropLater.map((d) => d.drop())));

describe("migrations and the schema", () => {
  it("the PostgreSQL schema is the one derived from prisma/schema.prisma", () => {
    const source = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    const derived = readFileSync(path.join(root, "prisma/postgresql/schema.prisma"), "utf8");
    expect(derived).toBe(postgresSchemaText(source));
  });

  it("the migrations build exactly the database the schema describes", async () => {
    const migrated = await freshDatabase();
    const fromSchema = await emptyDatabase();
    dropLater.push(migrated, fromSchema);
    const schema = path.join(
      root,
      migrated.kind === "postgresql" ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
    );
    const sql = execFileSync(
      path.join(root, "node_modules/.bin/prisma"),
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"],
      {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: fromSchema.url },
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    await runSql(fromSchema.url, sql);
    const expected = await catalog(fromSchema.url);
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    expect(await catalog(migrated.url)).toEqual(expected);
  });
});
