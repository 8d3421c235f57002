// What the setup guide knows from the database: the four steps the app can see for itself (the
// fifth, the theme embed, App Bridge tells the page), and the two marks only the merchant makes.
import { z } from "zod";
import { done } from "../../domain/command-result";
import { command } from "../platform/commands.server";
import type { ShopContext } from "./shop-context.server";
import type { Db } from "../platform/db.server";
import type { SetupDone } from "../../domain/setup-guide";

type GuideShop = {
  id: string;
  commissionReviewedAt: Date | null;
  applicationFormSharedAt: Date | null;
  setupGuideDismissedAt: Date | null;
};

export async function setupProgress(db: Db, shop: GuideShop): Promise<Omit<SetupDone, "embed"> | null> {
  if (shop.setupGuideDismissedAt) return null;
  const [influencer, applied, backfill] = await Promise.all([
    db.influencer.findFirst({ where: { shopId: shop.id, status: { not: "PROSPECT" } }, select: { id: true } }),
    db.influencer.findFirst({ where: { shopId: shop.id, message: { not: "" } }, select: { id: true } }),
    db.backfillRun.findFirst({ where: { shopId: shop.id, status: "DONE" }, select: { id: true } }),
  ]);
  return {
    commission: Boolean(shop.commissionReviewedAt),
    influencer: Boolean(influencer),
    form: Boolean(shop.applicationFormSharedAt || applied),
    pastOrders: Boolean(backfill),
  };
}

export async function markSetup(db: Db, shopId: string, mark: "form-shared" | "dismissed", now = new Date()) {
  await db.shop.update({
    where: { id: shopId },
    data: mark === "form-shared" ? { applicationFormSharedAt: now } : { setupGuideDismissedAt: now },
  });
}

/** The setup guide's two marks only the merchant makes. */
export const setupCommands = {
  "setup-form-shared": command(z.object({}), async (ctx: ShopContext) => {
    await markSetup(ctx.db, ctx.shop.id, "form-shared", ctx.now());
    return done("Marked as shared");
  }),
  "setup-dismiss": command(z.object({}), async (ctx: ShopContext) => {
    await markSetup(ctx.db, ctx.shop.id, "dismissed", ctx.now());
    return done("Setup guide dismissed");
  }),
};
