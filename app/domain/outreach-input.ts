// What the outreach page's forms send: the kind of a template, the prospects ticked for a pitch.
import { z } from "zod";
import { EMAIL_KIND_NAMES, type EmailKind } from "./email-templates";
import { rowId } from "./form-input";
import type { FieldErrors } from "./influencer-input";

const KINDS = Object.keys(EMAIL_KIND_NAMES) as [EmailKind, ...EmailKind[]];

export const emailKind = z.enum(KINDS, { error: `kind is one of ${KINDS.join(", ")}` });

const MAX_PITCHES = 200;

/** The prospects ticked in the pitch form (`prospect:<id>=on`). */
export function pitchedIds(
  fields: Record<string, string>,
): { ok: true; ids: string[] } | { ok: false; errors: FieldErrors } {
  const ids = Object.keys(fields)
    .filter((key) => key.startsWith("prospect:") && fields[key] === "on")
    .map((key) => key.slice("prospect:".length));
  if (!ids.length) return { ok: false, errors: { prospects: "Choose at least one prospect" } };
  if (ids.length > MAX_PITCHES)
    return { ok: false, errors: { prospects: `Choose at most ${MAX_PITCHES} prospects at a time` } };
  if (ids.some((id) => !rowId("prospects").safeParse(id).success))
    return { ok: false, errors: { prospects: "prospects holds something that is not an id" } };
  return { ok: true, ids };
}
