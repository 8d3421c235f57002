// The outreach page's forms: a template saved or reset (per kind of email), a pitch to the ticked
// prospects, and sending again what failed. Mail goes through the outbox, so a pitch sent twice
// (a double click, two servers) is queued once per prospect.
import { z } from "zod";
import { done, refused } from "../../domain/command-result";
import { rowId } from "../../domain/form-input";
import { emailKind, pitchedIds } from "../../domain/outreach-input";
import { command, intentCommands } from "../platform/commands.server";
import { deliverOutbox, mailTransport, requeueMessage } from "../platform/outbox.server";
import type { ShopContext } from "../shop/shop-context.server";
import { resetTemplate, saveTemplate, sendPitches } from "./outreach.server";

export const outreachCommands = intentCommands({
  save: command(z.object({ kind: emailKind }), async (ctx: ShopContext, input, fields) => {
    const saved = await saveTemplate(ctx.db, ctx.shop.id, input.kind, fields);
    return saved.ok ? done("Template saved") : refused(saved.errors);
  }),

  reset: command(z.object({ kind: emailKind }), async (ctx: ShopContext, input) => {
    await resetTemplate(ctx.db, ctx.shop.id, input.kind);
    return done("Back to the default text");
  }),

  pitch: command(z.object({}), async (ctx: ShopContext, _input, fields) => {
    const ids = pitchedIds(fields);
    if (!ids.ok) return refused(ids.errors);
    const queued = await sendPitches(ctx.db, ctx.shop, ids.ids, ctx.appUrl);
    await deliverOutbox(ctx.db, mailTransport(), ctx.now(), ctx.shop.id);
    return done(queued ? `${queued} pitch${queued === 1 ? "" : "es"} queued` : "They were all pitched before");
  }),

  retry: command(
    z.object({ messageId: z.union([z.literal(""), rowId("messageId")]).default("") }),
    async (ctx: ShopContext, input) => {
      if (input.messageId && !(await requeueMessage(ctx.db, ctx.shop.id, input.messageId)))
        return refused("This message is not waiting to be sent again", 404, "messageId");
      const outcome = await deliverOutbox(ctx.db, mailTransport(), ctx.now(), ctx.shop.id);
      return done(`${outcome.sent} sent, ${outcome.failed} failed`);
    },
  ),
});
