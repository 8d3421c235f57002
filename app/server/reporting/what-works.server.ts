// The "what works" view: top performers against the rest, and the best-practice notes the
// merchant writes from it for every influencer.
import type { Db } from "../platform/db.server";
import type { FieldErrors } from "../../domain/influencer-input";
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

export async function addBestPracticeNote(
  db: Db,
  shopId: string,
  fields: Record<string, string>,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const title = (fields.title ?? "").trim();
  const body = (fields.body ?? "").trim();
  const errors: FieldErrors = {};
  if (!title) errors.title = "Give the practice a short title";
  else if (title.length > 120) errors.title = "Use at most 120 characters";
  if (!body) errors.body = "Describe what works and how to do it";
  else if (body.length > 4000) errors.body = "Use at most 4,000 characters";
  if (Object.keys(errors).length) return { ok: false, errors };
  await db.bestPracticeNote.create({ data: { shopId, title, body } });
  return { ok: true };
}

export async function setNoteShared(db: Db, shopId: string, id: string, shared: boolean) {
  return (await db.bestPracticeNote.updateMany({ where: { id, shopId }, data: { shared } })).count === 1;
}
