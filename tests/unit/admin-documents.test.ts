// Every GraphQL document in the app's source, checked against Shopify's published schema of the
// API version the app uses: it validates, uses no deprecated field, sizes every connection and
// stays under the single query cost limit. The bulk query is checked as the query it runs.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { NoDeprecatedCustomRule, parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { API_VERSION } from "~/api-version";
import { BULK_ORDERS } from "~/models/backfill.server";
import { MAX_SINGLE_QUERY_COST, requestedCost, unsizedConnections } from "../support/admin-api/cost";
import { adminSchema } from "../support/admin-api/schema";

const appDir = path.resolve(import.meta.dirname, "../../app");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

const documents = sourceFiles(appDir).flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/`#graphql([^`]*)`/g)].map((match) => ({ file: path.relative(appDir, file), text: match[1] })),
);
const published = adminSchema(API_VERSION)!;

describe(`the app's Admin API documents against Shopify's ${API_VERSION} schema`, () => {
  it("are all found", () => {
    expect(published).not.toBeNull();
    expect(documents.length).toBeGreaterThanOrEqual(10);
  });

  it.each(documents.map((d) => [`${d.file}: ${/(query|mutation)\s+(\w+)/.exec(d.text)?.[2]}`, d.text]))("%s", (_name, text) => {
    expect(text).not.toContain("${"); // a document is fixed text, its values are variables
    const document = parse(text);
    expect(validate(published.schema, document, [...specifiedRules, NoDeprecatedCustomRule]).map((e) => e.message)).toEqual([]);
    expect(unsizedConnections(published.schema, document)).toEqual([]);
    expect(requestedCost(published.schema, document, {})).toBeLessThanOrEqual(MAX_SINGLE_QUERY_COST);
  });

  it("the past orders' bulk query", () => {
    const document = parse(BULK_ORDERS);
    expect(validate(published.schema, document, [...specifiedRules, NoDeprecatedCustomRule]).map((e) => e.message)).toEqual([]);
  });
});
