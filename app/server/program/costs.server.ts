// What an influencer costs besides commission: flat fees, gifted products (at unit cost),
// shipping, other. They count in ROI, so a flat-fee deal and a pay-for-results deal compare.
import type { DatabaseKind } from "../platform/database-url";
import type { Db } from "../platform/db.server";
import type { FieldErrors } from "../../domain/influencer-input";
import { enteredMinor } from "../../domain/money";
import { shopDay } from "../../domain/shop-time";
import { refreshDays } from "../ledger/rollups.server";

export const COST_KINDS = ["FLAT_FEE", "GIFTED_PRODUCT", "SHIPPING", "OTHER"] as const;
export type CostKind = (typeof COST_KINDS)[number];

export async function addCost(
  db: Db,
  databaseKind: DatabaseKind,
  shop: { id: string; currency: string },
  influencerId: string,
  fields: Record<string, string>,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const errors: FieldErrors = {};
  const kind = COST_KINDS.find((k) => k === fields.costKind);
  if (!kind) errors.costKind = "Choose what the cost was for";
  const incurredOn = /^\d{4}-\d{2}-\d{2}$/.test(fields.incurredOn ?? "")
    ? new Date(`${fields.incurredOn}T12:00:00Z`)
    : null;
  if (!incurredOn || Number.isNaN(incurredOn.getTime())) errors.incurredOn = "Use a date like 2026-11-30";

  let amountMinor: number | null = null;
  const quantity = Number(fields.quantity || "1");
  if (kind === "GIFTED_PRODUCT" && fields.productId && !fields.amount?.trim()) {
    // A gifted product costs what it cost the shop: its unit cost, times how many.
    const product = await db.product.findFirst({ where: { id: fields.productId, shopId: shop.id } });
    if (!product) errors.productId = "Choose one of your products";
    else if (product.unitCostMinor == null)
      errors.amount = `${product.title} has no unit cost in Shopify: enter the amount`;
    else if (!Number.isInteger(quantity) || quantity < 1 || quantity > 10_000)
      errors.quantity = "Enter how many, from 1 to 10,000";
    else amountMinor = product.unitCostMinor * quantity;
  } else {
    try {
      amountMinor = enteredMinor(fields.amount ?? "", shop.currency);
    } catch {
      amountMinor = null;
    }
    if (amountMinor === null || amountMinor <= 0) errors.amount = `Enter an amount in ${shop.currency}, like 150.00`;
  }
  if ((fields.note ?? "").trim().length > 500) errors.note = "Use at most 500 characters";
  const influencer = await db.influencer.findFirst({
    where: { id: influencerId, shopId: shop.id },
    select: { id: true },
  });
  if (!influencer) errors.form = "This influencer does not exist";
  if (Object.keys(errors).length) return { ok: false, errors };

  // The cost and the roll-up of its day, in one commit.
  await db.$transaction(async (tx) => {
    const cost = await tx.cost.create({
      data: {
        shopId: shop.id,
        influencerId,
        kind: kind!,
        amountMinor: amountMinor!,
        currency: shop.currency,
        incurredOn: incurredOn!,
        note: (fields.note ?? "").trim(),
      },
    });
    const shopRow = await tx.shop.findUniqueOrThrow({ where: { id: shop.id }, select: { id: true, timezone: true } });
    await refreshDays(tx, databaseKind, [
      { shop: shopRow, influencerId, day: shopDay(cost.incurredOn, shopRow.timezone) },
    ]);
  });
  return { ok: true };
}

export async function influencerCosts(db: Db, shopId: string, influencerId: string) {
  return db.cost.findMany({ where: { shopId, influencerId }, orderBy: { incurredOn: "desc" }, take: 50 });
}

export async function productChoices(db: Db, shopId: string) {
  return db.product.findMany({
    where: { shopId },
    select: { id: true, title: true, unitCostMinor: true },
    orderBy: { title: "asc" },
    take: 500,
  });
}
