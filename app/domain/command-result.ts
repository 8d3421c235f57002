// One way to answer a change of data. Every command (a form post, a Flow action, a job step)
// answers Done, with the words the merchant sees in a toast, or Refused, with the reason per
// field (`form` for the whole form) and the HTTP status the route answers with: 400 bad input,
// 404 a row that is not this shop's, 409 rows that changed meanwhile (the page reloads them),
// 413 too large. A conflict found deep inside a transaction is thrown as a Conflict, which rolls
// the transaction back and is answered as a 409.
import { firstError } from "./form-input";
import type { FieldErrors } from "./influencer-input";

export type RefusalStatus = 400 | 404 | 409 | 413;

export type Done<T extends object = object> = { ok: true; message: string } & T;
export type Refused<T extends object = object> = {
  ok: false;
  status: RefusalStatus;
  message: string;
  errors: FieldErrors;
} & T;
export type CommandResult<T extends object = object, R extends object = object> = Done<T> | Refused<R>;

export function done(message: string): Done;
export function done<T extends object>(message: string, extra: T): Done<T>;
export function done(message: string, extra: object = {}): Done {
  return { ok: true, message, ...extra };
}

/** A refusal: the errors per field, or one reason for `field` (the whole form by default). */
export function refused(errors: FieldErrors | string, status: RefusalStatus = 400, field = "form"): Refused {
  const byField = typeof errors === "string" ? { [field]: errors } : errors;
  return { ok: false, status, message: firstError(byField), errors: byField };
}

/** Rows changed under the command (another tab, another server): nothing was done; try again. */
export class Conflict extends Error {
  constructor(
    message: string,
    readonly field = "form",
  ) {
    super(message);
  }
}
