// What every admin route starts with: the authenticated session, its shop row, and the Admin API
// client for that shop. A session of shop A only ever yields shop A.
import db, { dbKind } from "../platform/db.server";
import { shopForDomain } from "./shops.server";
import { rememberStaffMember } from "./staff.server";
import { env } from "../platform/env.server";
import { boundedFormData } from "../platform/request-body.server";
import { authenticate } from "../../shopify.server";
import { freshOfflineSession } from "../platform/shopify-access.server";

export async function requireShop(request: Request) {
  const context = await authenticate.admin(request);
  // A shop installed before expiring tokens still holds a non-expiring one, which the library keeps
  // using: swap it for an expiring pair on the first visit (npm run tokens:migrate does the rest).
  if (!context.session.isOnline && !context.session.expires) await freshOfflineSession(context.session.shop);
  const shop = await shopForDomain(db, context.session.shop);
  // Who acts, for the audit log: the staff member named by the session token.
  const staffId = (context as { sessionToken?: { sub?: string } }).sessionToken?.sub;
  if (staffId) await rememberStaffMember(db, shop, staffId, rawSessionToken(request));
  // The context a route hands to the modules it calls: routes never import the database.
  return {
    db,
    dbKind,
    shop,
    session: context.session,
    graphql: context.admin.graphql,
    actor: staffId ? `staff:${staffId}` : "staff",
    /** The app's own address, for links in emails and on pages. */
    appUrl: env().SHOPIFY_APP_URL,
    /** The time a command acts at (one clock, so a test or a job can name it). */
    now: () => new Date(),
  };
}

/** What a command of the admin acts with: the database, the shop, Shopify, who acts, and when. */
export type ShopContext = Awaited<ReturnType<typeof requireShop>>;

/** The session token as App Bridge sent it: a bearer header on fetches, `id_token` on a document load. */
function rawSessionToken(request: Request): string | null {
  const bearer = /^Bearer (.+)$/.exec(request.headers.get("Authorization") ?? "");
  return bearer?.[1] ?? new URL(request.url).searchParams.get("id_token");
}

/**
 * Form fields as plain strings (files and repeated names are not used by these forms), read
 * within the path's limit: a larger post is 413 before it is held in memory.
 */
export async function formFields(request: Request): Promise<Record<string, string>> {
  const form = await boundedFormData(request);
  const fields: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === "string") fields[name] = value;
  return fields;
}
