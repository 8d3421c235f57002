// What the merchant does on the payouts page, one command per form: create the drafts, adjust,
// mark paid (one or many), pay as store credit (one or many), return to draft, cancel. Each
// claims its payout with one conditional write, so a double click or a second server changes
// nothing twice; a payout that is not in the state a command needs is a 409.
import { z } from "zod";
import { done, refused } from "../../domain/command-result";
import { boundedText, rowId } from "../../domain/form-input";
import { approveDueCommissions } from "../ledger/commissions.server";
import { command, intentCommands } from "../platform/commands.server";
import type { ShopContext } from "../shop/shop-context.server";
import {
  adjustPayout,
  cancelPayout,
  createPayouts,
  markPayoutPaid,
  payoutExists,
  payWithStoreCredit,
  returnPayoutToDraft,
} from "./payouts.server";

const NOT_A_DRAFT = "This payout is not a draft any more";
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const payoutId = rowId("payoutId");
// Several payouts at once (the table's bulk actions): their ids, comma separated.
const payoutIds = z
  .string({ error: "payoutIds is required" })
  .transform((v) =>
    v
      .split(",")
      .map((id) => id.trim())
      .filter(Boolean),
  )
  .pipe(z.array(rowId("payoutIds")).min(1, "Choose at least one payout").max(500, "Choose at most 500 payouts"));
const reference = boundedText(200).pipe(
  z.string().min(1, "Enter the payment's reference (for example the PayPal batch id)"),
);

/** A command on one payout: refused with a 404 when the payout is not this shop's. */
function onePayout<S extends z.ZodObject<{ payoutId: typeof payoutId }>>(
  schema: S,
  run: (ctx: ShopContext, input: z.infer<S>) => Promise<ReturnType<typeof done> | ReturnType<typeof refused>>,
) {
  return command(schema, async (ctx: ShopContext, input: z.infer<S>) =>
    (await payoutExists(ctx.db, ctx.shop.id, input.payoutId))
      ? run(ctx, input)
      : refused("This payout does not exist", 404, "payoutId"),
  );
}

export const payoutCommands = intentCommands({
  create: command(z.object({}), async (ctx: ShopContext) => {
    await approveDueCommissions(ctx.db, ctx.now(), ctx.shop.id);
    const created = await createPayouts(ctx.db, ctx.dbKind, ctx.shop, ctx.actor);
    return done(
      created.length ? `${created.length} payouts ready for review` : "Nobody has reached the payout threshold yet",
    );
  }),

  paid: onePayout(z.object({ payoutId, reference }), async (ctx, input) =>
    (await markPayoutPaid(ctx.db, ctx.shop.id, input.payoutId, input.reference, ctx.actor, "PAYPAL"))
      ? done("Payout marked paid")
      : refused(NOT_A_DRAFT, 409, "payoutId"),
  ),

  // One payment (a PayPal Payouts batch, say) for all of them; each is claimed on its own.
  "paid-many": command(z.object({ payoutIds, reference }), async (ctx: ShopContext, input) => {
    let paid = 0;
    for (const id of input.payoutIds)
      if (await markPayoutPaid(ctx.db, ctx.shop.id, id, input.reference, ctx.actor, "PAYPAL")) paid += 1;
    const skipped = input.payoutIds.length - paid;
    if (!paid) return refused("None of these payouts is waiting to be paid", 409, "payoutIds");
    return done(`${plural(paid, "payout")} marked paid${skipped ? `; ${skipped} not waiting to be paid` : ""}`);
  }),

  "store-credit": onePayout(z.object({ payoutId }), async (ctx, input) => {
    const result = await payWithStoreCredit(ctx.db, ctx.graphql, ctx.shop.id, input.payoutId, ctx.actor);
    return result.ok ? done("Paid as store credit") : refused(result.error, 409, "payoutId");
  }),

  "store-credit-many": command(z.object({ payoutIds }), async (ctx: ShopContext, input) => {
    const failures: string[] = [];
    let paid = 0;
    for (const id of input.payoutIds) {
      const result = await payWithStoreCredit(ctx.db, ctx.graphql, ctx.shop.id, id, ctx.actor);
      if (result.ok) paid += 1;
      else failures.push(result.error);
    }
    if (!paid) return refused(failures[0] ?? "Nothing was paid", 409, "payoutIds");
    return done(`${paid} paid as store credit${failures.length ? `; ${failures.length} not: ${failures[0]}` : ""}`);
  }),

  "return-to-draft": onePayout(z.object({ payoutId }), async (ctx, input) =>
    (await returnPayoutToDraft(ctx.db, ctx.shop.id, input.payoutId, ctx.actor))
      ? done("Payout returned to draft")
      : refused("This payout is not being paid", 409, "payoutId"),
  ),

  adjust: onePayout(z.object({ payoutId, amount: boundedText(20), reason: boundedText(200) }), async (ctx, input) => {
    const result = await adjustPayout(ctx.db, ctx.shop, input.payoutId, input, ctx.actor);
    if (result.ok) return done("Payout adjusted");
    return refused(result.error, result.field === "payoutId" ? 409 : 400, result.field);
  }),

  cancel: onePayout(z.object({ payoutId }), async (ctx, input) =>
    (await cancelPayout(ctx.db, ctx.shop.id, input.payoutId, ctx.actor))
      ? done("Payout cancelled; its commissions return to the balance")
      : refused(NOT_A_DRAFT, 409, "payoutId"),
  ),
});
