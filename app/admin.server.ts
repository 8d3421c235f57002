// What every admin route starts with: the authenticated session, its shop row, and the Admin API
// client for that shop. A session of shop A only ever yields shop A.
import db from "./db.server";
import { shopForDomain } from "./models/shops.server";
import { authenticate } from "./shopify.server";

export async function requireShop(request: Request) {
  const { session, admin } = await authenticate.admin(request);
  const shop = await shopForDomain(db, session.shop);
  return { shop, session, graphql: admin.graphql };
}

/** Form fields as plain strings (files and repeated names are not used by these forms). */
export async function formFields(request: Request): Promise<Record<string, string>> {
  const form = await request.formData();
  const fields: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === "string") fields[name] = value;
  return fields;
}
