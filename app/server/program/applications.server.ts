// Applications from the public form (/apply/:shopHandle), and the merchant's approval queue.
// Approving gives the influencer a Shopify discount code, a referral link and a welcome email
// with their portal link; declining archives the application.
import type { ShopContext } from "../shop/shop-context.server";
import { deliverOutbox, mailTransport } from "../platform/outbox.server";
import { command, intentCommands } from "../platform/commands.server";
import { rowId } from "../../domain/form-input";
import { done, refused, type CommandResult } from "../../domain/command-result";
import { z } from "zod";
import type { Db } from "../platform/db.server";
import { parseApplication, type ApplicationInput } from "../../domain/application-input";
import { suggestCodes } from "../../domain/codes";
import type { FieldErrors } from "../../domain/influencer-input";
import { bpsToPercent } from "../../domain/percent";
import { slugify } from "../../domain/referral-links";
import type { AdminGraphql } from "../platform/admin-api.server";
import { confirmCodeInShopify, reserveCode } from "./discount-codes.server";
import { codeTitle } from "./influencers.server";
import { queueWelcome, type MailingShop } from "../outreach/outreach.server";
import { createReferralLink } from "./referral-links.server";

/**
 * Records an application. A prospect or invited influencer with this email becomes APPLIED, keeping
 * what the merchant had recorded; someone already working with the shop is left as they are (the form answers the
 * same either way, so it tells no one who is a partner).
 */
export async function submitApplication(db: Db, shopId: string, input: ApplicationInput) {
  const details = {
    name: input.name,
    socialProfiles: input.socialProfiles.join("\n"),
    audienceSize: input.audienceSize,
    categories: input.categories,
    message: input.message,
  };
  const existing = await db.influencer.findUnique({ where: { shopId_email: { shopId, email: input.email } } });
  if (!existing) {
    await db.influencer.create({ data: { shopId, email: input.email, status: "APPLIED", ...details } });
  } else if (existing.status === "PROSPECT" || existing.status === "INVITED" || existing.status === "APPLIED") {
    // Anyone can type a prospect's email into the form: what the merchant wrote down stays, the
    // form only fills what was empty, and the application's own message is kept.
    await db.influencer.update({
      where: { id: existing.id },
      data: {
        status: "APPLIED",
        name: existing.name || details.name,
        socialProfiles: existing.socialProfiles || details.socialProfiles,
        audienceSize: existing.audienceSize ?? details.audienceSize,
        categories: existing.categories || details.categories,
        message: details.message,
      },
    });
  }
}

export async function applicationQueue(db: Db, shopId: string) {
  return db.influencer.findMany({
    where: { shopId, status: "APPLIED" },
    orderBy: { updatedAt: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      socialProfiles: true,
      audienceSize: true,
      categories: true,
      message: true,
      updatedAt: true,
    },
  });
}

type Shop = MailingShop;

export async function approveApplication(
  db: Db,
  graphql: AdminGraphql,
  shop: Shop,
  influencerId: string,
  appUrl: string,
): Promise<{ ok: true; code: string } | { ok: false; errors: FieldErrors }> {
  const influencer = await db.influencer.findFirst({ where: { id: influencerId, shopId: shop.id, status: "APPLIED" } });
  if (!influencer) return { ok: false, errors: { form: "This application is no longer waiting" } };
  // Claimed before anything is made in Shopify: of two clicks or two servers, one approves.
  const claimed = await db.influencer.updateMany({
    where: { id: influencerId, shopId: shop.id, status: "APPLIED" },
    data: { status: "ACTIVE" },
  });
  if (claimed.count !== 1) return { ok: false, errors: { form: "This application is no longer waiting" } };
  const result = await giveCodeAndLink(db, graphql, shop, influencer);
  if (!result.ok) {
    await db.influencer.updateMany({
      where: { id: influencerId, shopId: shop.id, status: "ACTIVE" },
      data: { status: "APPLIED" },
    });
    return result;
  }
  await queueWelcome(db, shop, influencer.id, appUrl);
  return result;
}

async function giveCodeAndLink(
  db: Db,
  graphql: AdminGraphql,
  shop: Shop,
  influencer: { id: string; name: string },
): Promise<{ ok: true; code: string } | { ok: false; errors: FieldErrors }> {
  const taken = new Set(
    (await db.discountCode.findMany({ where: { shopId: shop.id }, select: { codeKey: true } })).map((c) => c.codeKey),
  );
  const [code] = suggestCodes(influencer.name, Number(bpsToPercent(shop.defaultDiscountBps)), taken, 1);
  if (!code)
    return {
      ok: false,
      errors: { form: "No free code could be made from this name; add the influencer's code on their page" },
    };
  const terms = {
    kind: "PERCENTAGE" as const,
    percentBps: shop.defaultDiscountBps,
    amountMinor: null,
    oncePerCustomer: false,
    usageLimit: null,
    minimumSubtotalMinor: null,
    startsAt: null,
    endsAt: null,
    combinesWithOrder: false,
    combinesWithProduct: false,
    combinesWithShipping: true,
  };
  const reserved = await reserveCode(db, shop.id, influencer.id, code, terms, shop.currency);
  if (!reserved.ok) return reserved;
  const confirmed = await confirmCodeInShopify(db, graphql, reserved.codeId, codeTitle(influencer.name), shop.currency);
  if (!confirmed.ok && !confirmed.pending) {
    await db.discountCode.delete({ where: { id: reserved.codeId } });
    return { ok: false, errors: confirmed.errors };
  }
  await createReferralLink(db, shop.id, influencer.id, {
    baseSlug: slugify(influencer.name),
    destinationPath: "/",
    discountCodeId: reserved.codeId,
  });
  return { ok: true, code };
}

export async function declineApplication(db: Db, shopId: string, influencerId: string): Promise<boolean> {
  const result = await db.influencer.updateMany({
    where: { id: influencerId, shopId, status: "APPLIED" },
    data: { status: "ARCHIVED" },
  });
  return result.count === 1;
}

/** Whether the influencer an application form post names is one of this shop's. */
export async function applicationExists(db: Db, shopId: string, influencerId: string): Promise<boolean> {
  return (await db.influencer.count({ where: { id: influencerId, shopId } })) > 0;
}

/** The shop whose public application form has this handle, with what the form shows of it. */
export async function shopOfApplicationForm(db: Db, handle: string) {
  return db.shop.findUnique({
    where: { handle },
    select: {
      id: true,
      name: true,
      handle: true,
      domain: true,
      status: true,
      defaultCommissionBps: true,
      logoUrl: true,
    },
  });
}

const applicant = z.object({ influencerId: rowId("influencerId") });
const NOT_WAITING = "This application is no longer waiting";

/** A command on one application: refused with a 404 when it is not this shop's. */
function onApplication(run: (ctx: ShopContext, influencerId: string) => Promise<CommandResult>) {
  return command(applicant, async (ctx: ShopContext, input) =>
    (await applicationExists(ctx.db, ctx.shop.id, input.influencerId))
      ? run(ctx, input.influencerId)
      : refused("This application does not exist", 404, "influencerId"),
  );
}

/** The approval queue's buttons. Approving twice (a double click, two servers) approves once. */
export const applicationCommands = intentCommands({
  approve: onApplication(async (ctx, influencerId) => {
    const approved = await approveApplication(ctx.db, ctx.graphql, ctx.shop, influencerId, ctx.appUrl);
    if (!approved.ok) return refused(Object.values(approved.errors)[0] ?? "Could not approve", 409, "influencerId");
    await deliverOutbox(ctx.db, mailTransport(), ctx.now(), ctx.shop.id);
    return done(`Approved with the code ${approved.code}; the welcome email with their portal link is on its way`);
  }),
  decline: onApplication(async (ctx, influencerId) =>
    (await declineApplication(ctx.db, ctx.shop.id, influencerId))
      ? done("Application declined")
      : refused(NOT_WAITING, 409, "influencerId"),
  ),
});

/**
 * The public application form. A bot (the honeypot filled) is answered like anyone and nothing is
 * kept; an applicant who applied before has their application brought up to date.
 */
export async function applyCommand(db: Db, shopId: string, fields: Record<string, string>): Promise<CommandResult> {
  const parsed = parseApplication(fields);
  if ("spam" in parsed) return done("Thanks for applying");
  if (!parsed.ok) return refused(parsed.errors);
  await submitApplication(db, shopId, parsed.input);
  return done("Thanks for applying");
}
