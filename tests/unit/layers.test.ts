// The layer rule of eslint.config.js, as a new route would meet it: importing the database into a
// route, or querying the `db` its context hands it, is a lint error (Prisma's types alone are
// allowed), and a module importing a route is too.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root });

async function ruleErrors(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("the layer rule", () => {
  it("fails a route that imports the database, or Prisma's client", async () => {
    expect(
      await ruleErrors(
        "app/routes/app.new-page.tsx",
        'import db from "~/server/platform/db.server";\nexport const loader = () => db;\n',
      ),
    ).toEqual([expect.stringContaining("A route calls a module of app/server")]);
    expect(
      await ruleErrors(
        "app/routes/app.new-page.tsx",
        'import { PrismaClient } from "#db-client";\nexport const x = PrismaClient;\n',
      ),
    ).toHaveLength(1);
  });

  it("lets a route import a module, and Prisma's types", async () => {
    const code =
      'import type { PayoutStatus } from "#db-client";\nimport { payoutsPage } from "~/server/payouts/payouts.server";\nexport const x: PayoutStatus | typeof payoutsPage | null = null;\n';
    expect(await ruleErrors("app/routes/app.new-page.tsx", code)).toEqual([]);
  });

  it("fails a route that queries the database it was handed instead of passing it on", async () => {
    const code =
      'import { requireShop } from "~/server/shop/shop-context.server";\nexport const loader = async ({ request }: { request: Request }) => {\n  const { db } = await requireShop(request);\n  return db.influencer.findMany();\n};\n';
    const [result] = await eslint.lintText(code, { filePath: path.join(root, "app/routes/app.new-page.tsx") });
    expect(result.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message)).toEqual([
      expect.stringContaining("hands `db` to a module"),
    ]);
  });

  it("fails a module that imports a route", async () => {
    expect(
      await ruleErrors(
        "app/server/new-area/thing.server.ts",
        'import { loader } from "~/routes/app._index";\nexport const x = loader;\n',
      ),
    ).toEqual([expect.stringContaining("Modules never import a route.")]);
  });

  it("fails a domain rule that reaches the database", async () => {
    expect(
      await ruleErrors(
        "app/domain/new-rule.ts",
        'import { payoutsPage } from "~/server/payouts/payouts.server";\nexport const x = payoutsPage;\n',
      ),
    ).toEqual([expect.stringContaining("A domain rule is pure")]);
  });
});
