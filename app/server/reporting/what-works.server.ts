// The "what works" view: top performers against the rest, and the best-practice notes the
// merchant writes from it for every influencer.
import { randomUUID } from "node:crypto";
import type { Db } from "../platform/db.server";
import { isUniqueViolation } from "../platform/db-errors.server";
import { z } from "zod";
import { done, refused } from "../../domain/command-result";
import { rowId } from "../../domain/form-input";
import { command, intentCommands } from "../platform/commands.server";
import type { ShopContext } from "../shop/shop-context.server";
import { compareTopPerformers } from "../../domain/what-works";

export async function whatWorks(db: Db, shopId: string, from: string, to: string) {
  const [days, codes, categories] = await Promise.all([
    db.influencerDay.groupBy({
      by: ["influencerId"],
      where: { shopId, day: { gte: from, lte: to } },
      _sum: { netSalesMinor: true, orders: true, codeOrders: true, linkOrders: true },
    }),
    db.discountCode.findMany({
      where: { shopId, status: { not: "PENDING" }, kind: "PERCENTAGE" },
      select: { influencerId: true, percentBps: true },
    }),
    db.influencerCategoryDay.groupBy({
      by: ["influencerId", "category"],
      where: { shopId, kind: "PRODUCT_TYPE", day: { gte: from, lte: to } },
      _sum: { netSalesMinor: true },
    }),
  ]);
  const discountOf = (influencerId: string) => {
    const mine = codes.filter((c) => c.influencerId === influencerId && c.percentBps != null);
    return mine.length ? Math.round(mine.reduce((s, c) => s + (c.percentBps ?? 0), 0) / mine.length) : null;
  };
  const topCategoryOf = (influencerId: string) =>
    categories
      .filter((c) => c.influencerId === influencerId)
      .sort((a, b) => (b._sum.netSalesMinor ?? 0) - (a._sum.netSalesMinor ?? 0))[0]?.category ?? null;
  return compareTopPerformers(
    days.map((d) => ({
      netSalesMinor: d._sum.netSalesMinor ?? 0,
      orders: d._sum.orders ?? 0,
      codeOrders: d._sum.codeOrders ?? 0,
      linkOrders: d._sum.linkOrders ?? 0,
      discountBps: discountOf(d.influencerId),
      topCategory: topCategoryOf(d.influencerId),
    })),
  );
}

export async function bestPracticeNotes(db: Db, shopId: string) {
  return db.bestPracticeNote.findMany({ where: { shopId }, orderBy: { createdAt: "desc" } });
}

/** A note form's own key: the same form sent twice (a double click, a retry) adds its note once. */
export function newFormKey(): string {
  return randomUUID();
}

const requiredText = (max: number, missing: string, tooLong: string) =>
  z.string().default("").pipe(z.string().trim().min(1, missing).max(max, tooLong));

/** The best-practice notes' forms: write one, share one with every influencer or stop sharing it. */
export const noteCommands = intentCommands({
  add: command(
    z.object({
      formKey: z.uuid({ error: "formKey is the form's own key (reload the page)" }),
      title: requiredText(120, "Give the practice a short title", "Use at most 120 characters"),
      body: requiredText(4000, "Describe what works and how to do it", "Use at most 4,000 characters"),
    }),
    async (ctx: ShopContext, input) => {
      const data = { shopId: ctx.shop.id, formKey: input.formKey, title: input.title, body: input.body };
      try {
        await ctx.db.bestPracticeNote.create({ data });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error; // else this form's note is already in: the same answer
      }
      return done("Note added");
    },
  ),
  share: command(
    z.object({ noteId: rowId("noteId"), shared: z.enum(["true", "false"], { error: "shared is true or false" }) }),
    async (ctx: ShopContext, input) => {
      const shared = input.shared === "true";
      const { count } = await ctx.db.bestPracticeNote.updateMany({
        where: { id: input.noteId, shopId: ctx.shop.id },
        data: { shared },
      });
      if (count !== 1) return refused("This practice does not exist", 404, "noteId");
      return done(shared ? "Shared on every influencer's portal" : "No longer shared");
    },
    { hiddenFields: true },
  ),
});
