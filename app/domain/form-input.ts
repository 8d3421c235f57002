// One way to read a form post: a zod schema per intent. A required id is a non-empty string, so a
// post without it is refused naming the field, never read as "no filter" by a query; numbers are
// bounded to what their column holds.
import { z } from "zod";
import { issuesToErrors, type FieldErrors } from "./influencer-input";

/** The id of a row the form acts on (cuid), required. */
export const rowId = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(64, `${what} is not an id`)
    .regex(/^[A-Za-z0-9_-]+$/, `${what} is not an id`);

/** Text with a length limit, trimmed; absent reads as empty. */
export const boundedText = (max: number) => z.string().trim().max(max, `Use at most ${max} characters`).default("");

export type Parsed<T> = { ok: true; input: T } | { ok: false; errors: FieldErrors };

export function parseForm<S extends z.ZodType>(schema: S, fields: Record<string, string>): Parsed<z.infer<S>> {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: FieldErrors = {};
  issuesToErrors(parsed.error.issues, errors);
  return { ok: false, errors };
}

/** The first error, in words for a banner: "payoutId is required". */
export function firstError(errors: FieldErrors): string {
  return Object.values(errors)[0] ?? "Something in the form is not right";
}
