// Every GraphQL document in the app's source, checked against Shopify's published schema of the
// API version the app uses: it validates, uses no deprecated field, sizes every connection and
// stays under the single query cost limit. The bulk query is checked as the query it runs. A
// document marked "# Storefront API" is checked against the published Storefront schema instead.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  NoDeprecatedCustomRule,
  parse,
  specifiedRules,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
} from "graphql";
import { describe, expect, it } from "vitest";
import { API_VERSION } from "~/api-version";
import { BULK_ORDERS } from "~/server/ledger/backfill.server";
import { MAX_SINGLE_QUERY_COST, requestedCost, unsizedConnections } from "../support/admin-api/cost";
import { adminSchema, storefrontSchema, type StorefrontSchema } from "../support/admin-api/schema";

const appDir = path.resolve(import.meta.dirname, "../../app");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

const documents = sourceFiles(appDir).flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/`#graphql([^`]*)`/g)].map((match) => ({
    file: path.relative(appDir, file),
    text: match[1],
  })),
);
const published = adminSchema(API_VERSION)!;
/** The fields of a document that Shopify answers only with a Storefront access token. */
function fieldsNeedingAToken(storefront: StorefrontSchema, document: DocumentNode): string[] {
  const types = new TypeInfo(storefront.schema);
  const found: string[] = [];
  visit(
    document,
    visitWithTypeInfo(types, {
      Field(node) {
        const field = `${types.getParentType()?.name}.${node.name.value}`;
        if (storefront.tokenRequired.has(field)) found.push(field);
      },
    }),
  );
  return found;
}
const isStorefront = (text: string) => /^\s*# Storefront API$/m.test(text);

describe(`the app's Admin API documents against Shopify's ${API_VERSION} schema`, () => {
  it("are all found", () => {
    expect(published).not.toBeNull();
    expect(documents.length).toBeGreaterThanOrEqual(10);
  });

  it.each(
    documents
      .filter((d) => !isStorefront(d.text))
      .map((d) => [`${d.file}: ${/(query|mutation)\s+(\w+)/.exec(d.text)?.[2]}`, d.text]),
  )("%s", (_name, text) => {
    expect(text).not.toContain("${"); // a document is fixed text, its values are variables
    const document = parse(text);
    expect(
      validate(published.schema, document, [...specifiedRules, NoDeprecatedCustomRule]).map((e) => e.message),
    ).toEqual([]);
    expect(unsizedConnections(published.schema, document)).toEqual([]);
    expect(requestedCost(published.schema, document, {})).toBeLessThanOrEqual(MAX_SINGLE_QUERY_COST);
  });

  it.each(
    documents
      .filter((d) => isStorefront(d.text))
      .map((d) => [`${d.file}: ${/query\s+(\w+)/.exec(d.text)?.[1]}`, d.text]),
  )("%s (Storefront API, no token)", (_name, text) => {
    const storefront = storefrontSchema(API_VERSION)!;
    expect(storefront).not.toBeNull();
    expect(
      validate(storefront.schema, parse(text), [...specifiedRules, NoDeprecatedCustomRule]).map((e) => e.message),
    ).toEqual([]);
    expect(fieldsNeedingAToken(storefront, parse(text))).toEqual([]);
  });

  it("the past orders' bulk query", () => {
    const document = parse(BULK_ORDERS);
    expect(
      validate(published.schema, document, [...specifiedRules, NoDeprecatedCustomRule]).map((e) => e.message),
    ).toEqual([]);
  });
});
