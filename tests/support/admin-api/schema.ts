// Shopify's published Admin GraphQL schema, as the stand-in's: the introspection Shopify ships per
// API version in @shopify/dev-mcp, so a document the real API would reject (a wrong type, a field
// that does not exist, a missing fragment on a union) is rejected here too. Also what each type
// and field needs of the token's access scopes, from the same file.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

type ScopeItem = {
  type: "type" | "field";
  typeName: string;
  fieldName?: string;
  offlineScopes: string[];
  requiredAccess: string;
};
type Published = { data: IntrospectionQuery; offline_scopes: { items: ScopeItem[] } };

/** What a type or field needs: any one of these scopes, and Shopify's words for it. */
export type ScopeNeed = { anyOf: string[]; requiredAccess: string };

export type AdminSchema = {
  schema: GraphQLSchema;
  typeScopes: Map<string, ScopeNeed>;
  fieldScopes: Map<string, ScopeNeed>; // "Type.field"
};

// The package exports no path to its data, so it is found where npm installs it.
const dataDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../node_modules/@shopify/dev-mcp/dist/data",
);
const loaded = new Map<string, AdminSchema | null>();

/** The published schema of an Admin API version, or null for a version Shopify did not publish. */
export function adminSchema(version: string): AdminSchema | null {
  if (!loaded.has(version)) loaded.set(version, load(version));
  return loaded.get(version)!;
}

function load(version: string): AdminSchema | null {
  if (!/^(\d{4}-\d{2}|unstable)$/.test(version)) return null;
  let published: Published;
  try {
    published = JSON.parse(gunzipSync(readFileSync(path.join(dataDir, `admin_${version}.json.gz`))).toString("utf8"));
  } catch {
    return null;
  }
  const typeScopes = new Map<string, ScopeNeed>();
  const fieldScopes = new Map<string, ScopeNeed>();
  for (const item of published.offline_scopes.items) {
    if (!item.offlineScopes.length) continue;
    const need = { anyOf: item.offlineScopes, requiredAccess: item.requiredAccess };
    if (item.type === "type") typeScopes.set(item.typeName, need);
    else fieldScopes.set(`${item.typeName}.${item.fieldName}`, need);
  }
  return { schema: buildClientSchema(published.data), typeScopes, fieldScopes };
}

/** The published Storefront API schema of a version, and the fields tokenless access cannot read. */
export type StorefrontSchema = { schema: GraphQLSchema; tokenRequired: Set<string> }; // "Type.field"
const storefronts = new Map<string, StorefrontSchema | null>();

export function storefrontSchema(version: string): StorefrontSchema | null {
  if (!storefronts.has(version)) storefronts.set(version, loadStorefront(version));
  return storefronts.get(version)!;
}

function loadStorefront(version: string): StorefrontSchema | null {
  if (!/^(\d{4}-\d{2}|unstable)$/.test(version)) return null;
  let published: { data: IntrospectionQuery };
  try {
    published = JSON.parse(
      gunzipSync(readFileSync(path.join(dataDir, `storefront-graphql_${version}.json.gz`))).toString("utf8"),
    );
  } catch {
    return null;
  }
  const tokenRequired = new Set<string>();
  for (const type of published.data.__schema.types) {
    if (type.kind !== "OBJECT") continue;
    for (const field of type.fields as unknown as Array<{ name: string; tokenRequired?: boolean }>)
      if (field.tokenRequired) tokenRequired.add(`${type.name}.${field.name}`);
  }
  return { schema: buildClientSchema(published.data), tokenRequired };
}
