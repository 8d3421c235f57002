import type { ActionFunctionArgs } from "@remix-run/node";
import { formFields, requireShop } from "~/admin.server";
import db from "~/db.server";
import { EMAIL_KIND_NAMES, type EmailKind } from "~/domain/email-templates";
import { env } from "~/env.server";
import { previewEmail } from "~/models/outreach.server";

// POST /app/outreach/preview (kind, subject, body): the template as typed, filled for a sample
// influencer; nothing is saved.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireShop(request);
  const fields = await formFields(request);
  const kind = (fields.kind in EMAIL_KIND_NAMES ? fields.kind : "PITCH") as EmailKind;
  return { preview: await previewEmail(db, shop, kind, { subject: fields.subject ?? "", body: fields.body ?? "" }, env().SHOPIFY_APP_URL) };
};
