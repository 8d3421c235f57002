// Commands as the routes call them: a zod schema per command reads the form's fields (a missing
// or malformed one is refused naming it, and nothing runs), the command runs with the context
// the authentication step built, a Conflict it throws is answered as a 409. A page with several
// forms has one command per `intent`.
import { data } from "@remix-run/node";
import type { z } from "zod";
import { Conflict, refused, type CommandResult } from "../../domain/command-result";
import { parseForm } from "../../domain/form-input";

export type Command<C, R extends CommandResult = CommandResult> = (
  context: C,
  fields: Record<string, string>,
) => Promise<R>;

/**
 * A command: what its fields must be, and what it does with them. `hiddenFields`: the schema
 * reads only what the page's buttons send (ids, an intent, a status), so a refusal of it is the
 * whole form's too (`form`, shown in the page's banner), not a field's under a text box.
 */
export function command<C, S extends z.ZodType, R extends CommandResult>(
  schema: S,
  run: (context: C, input: z.infer<S>, fields: Record<string, string>) => Promise<R>,
  options: { hiddenFields?: boolean } = {},
): Command<C, R | ReturnType<typeof refused>> {
  return async (context, fields) => {
    const parsed = parseForm(schema, fields);
    if (!parsed.ok) {
      const first = Object.values(parsed.errors)[0];
      return refused(options.hiddenFields ? { form: first, ...parsed.errors } : parsed.errors);
    }
    try {
      return await run(context, parsed.input, fields);
    } catch (error) {
      if (error instanceof Conflict) return refused(error.message, 409, error.field);
      throw error;
    }
  };
}

/** The commands of a page's forms, told apart by the `intent` field; `intent` is echoed in the answer. */
export function intentCommands<M extends Record<string, Command<never, CommandResult>>>(commands: M) {
  type Context = Parameters<M[keyof M]>[0];
  type Answer = Awaited<ReturnType<M[keyof M]>> & { intent: string };
  return async (context: Context, fields: Record<string, string>): Promise<Answer> => {
    const intent = fields.intent ?? "";
    const run = Object.hasOwn(commands, intent) ? (commands[intent] as Command<Context, CommandResult>) : undefined;
    if (run) return { ...(await run(context, fields)), intent } as Answer;
    const reason = intent ? "intent is not one this page knows" : "intent is required";
    return { ...refused({ form: reason, intent: reason }), intent } as Answer;
  };
}

/** A command's answer as the route sends it: the result, with its refusal's status. */
export function answer<R extends CommandResult>(result: R) {
  return data(result, { status: result.ok ? 200 : result.status });
}
