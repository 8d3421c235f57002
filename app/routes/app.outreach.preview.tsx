import { data, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { formFields, requireShop } from "~/server/shop/shop-context.server";
import { boundedText, parseForm } from "~/domain/form-input";
import { emailKind } from "~/domain/outreach-input";
import { previewEmail } from "~/server/outreach/outreach.server";

const PreviewForm = z.object({ kind: emailKind, subject: boundedText(200), body: boundedText(10_000) });

// POST /app/outreach/preview (kind, subject, body): the template as typed, filled for a sample
// influencer; nothing is saved.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, db, appUrl } = await requireShop(request);
  const form = parseForm(PreviewForm, await formFields(request));
  if (!form.ok) return data({ preview: null, errors: form.errors }, { status: 400 });
  const { kind, subject, body } = form.input;
  return { preview: await previewEmail(db, shop, kind, { subject, body }, appUrl), errors: {} };
};
