// What the influencer page reads and changes: one influencer, their codes and links.
import type { Influencer } from "#db-client";
import { z } from "zod";
import { done, refused } from "../../domain/command-result";
import type { Db } from "../platform/db.server";
import { command, intentCommands } from "../platform/commands.server";
import type { ShopContext } from "../shop/shop-context.server";
import { parseCodeInput, parseProfileInput } from "../../domain/influencer-input";
import { boundedText, rowId } from "../../domain/form-input";
import { slugify } from "../../domain/referral-links";
import type { AdminGraphql } from "../platform/admin-api.server";
import {
  confirmCodeInShopify,
  influencerCode,
  reconcilePendingCodes,
  reserveCode,
  setCodeActive,
} from "./discount-codes.server";
import { codeTitle, getInfluencer, setInfluencerStatus, updateInfluencerProfile } from "./influencers.server";
import { reportRangeOrDefault } from "../../domain/report-range";
import { addCost, influencerCosts, productChoices } from "./costs.server";
import { influencerPerformance } from "../reporting/reports.server";
import { activePortalTokens, portalUrl, revokePortalTokens, rotatePortalToken } from "./portal-tokens.server";
import { createReferralLink, setLinkActive } from "./referral-links.server";

type Shop = { id: string; currency: string; defaultCommissionBps: number; timezone: string; grossMarginBps: number };

/** One influencer with what their page needs, as stored: the route's view formats it. */
export async function influencerDetails(
  db: Db,
  graphql: AdminGraphql,
  shop: Shop,
  id: string,
  params = new URLSearchParams(),
) {
  let influencer = await getInfluencer(db, shop.id, id);
  if (!influencer) return null;
  if (influencer.codes.some((c) => c.status === "PENDING")) {
    await reconcilePendingCodes(db, graphql, shop.id).catch(() => undefined);
    influencer = (await getInfluencer(db, shop.id, id))!;
  }
  const range = reportRangeOrDefault(params, shop.timezone, new Date());
  const [costs, products, performance, portalLinks] = await Promise.all([
    influencerCosts(db, shop.id, influencer.id),
    productChoices(db, shop.id),
    influencerPerformance(db, shop, influencer.id, range.from, range.to),
    activePortalTokens(db, shop.id, influencer.id),
  ]);
  return { influencer, range, costs, products, performance, portalLinks };
}

export type InfluencerDetails = NonNullable<Awaited<ReturnType<typeof influencerDetails>>>;

const onOff = z.enum(["true", "false"], { error: "active is true or false" });

type PageContext = ShopContext & { influencer: Influencer };

/** The commands of the influencer page's forms, for one influencer of the shop. */
const pageCommands = intentCommands({
  profile: command(z.object({}), async (ctx: PageContext, _input, fields) => {
    const parsed = parseProfileInput(fields);
    if (!parsed.ok) return refused(parsed.errors);
    const saved = await updateInfluencerProfile(ctx.db, ctx.shop.id, ctx.influencer.id, parsed.input);
    return saved.ok ? done("Profile saved") : refused(saved.errors);
  }),

  status: command(
    z.object({ status: z.enum(["ACTIVE", "PAUSED", "ARCHIVED"], { error: "status is ACTIVE, PAUSED or ARCHIVED" }) }),
    async (ctx: PageContext, input) => {
      const changed = await setInfluencerStatus(ctx.db, ctx.graphql, ctx.shop.id, ctx.influencer.id, input.status);
      const words = { ACTIVE: "activated", PAUSED: "paused", ARCHIVED: "archived" }[input.status];
      return changed.ok ? done(`${ctx.influencer.name} ${words}`) : refused(changed.errors);
    },
    { hiddenFields: true },
  ),

  "add-code": command(z.object({}), async (ctx: PageContext, _input, fields) => {
    const { db, graphql, shop, influencer } = ctx;
    const parsed = parseCodeInput(fields, shop.currency);
    if (!parsed.ok) return refused(parsed.errors);
    const reserved = await reserveCode(
      db,
      shop.id,
      influencer.id,
      parsed.input.code,
      parsed.input.discount,
      shop.currency,
    );
    if (!reserved.ok) return refused(reserved.errors);
    const confirmed = await confirmCodeInShopify(
      db,
      graphql,
      reserved.codeId,
      codeTitle(influencer.name),
      shop.currency,
    );
    if (!confirmed.ok) return refused(confirmed.errors);
    if (influencer.status !== "ACTIVE") await setCodeActive(db, graphql, reserved.codeId, false);
    return done(`Code ${parsed.input.code} created`);
  }),

  "code-active": command(
    z.object({ codeId: rowId("codeId"), active: onOff }),
    async (ctx: PageContext, input) => {
      const code = await influencerCode(ctx.db, ctx.shop.id, ctx.influencer.id, input.codeId);
      if (!code) return refused({ codeId: "This code does not exist", form: "This code does not exist" }, 404);
      const result = await setCodeActive(ctx.db, ctx.graphql, code.id, input.active === "true");
      return result.ok
        ? done(`Code ${code.code} turned ${input.active === "true" ? "on" : "off"}`)
        : refused(result.errors);
    },
    { hiddenFields: true },
  ),

  "add-link": command(
    z.object({
      slug: boundedText(60),
      destinationPath: boundedText(500),
      discountCodeId: z.union([z.literal(""), rowId("discountCodeId")]).default(""),
    }),
    async (ctx: PageContext, input) => {
      const created = await createReferralLink(ctx.db, ctx.shop.id, ctx.influencer.id, {
        baseSlug: input.slug || slugify(ctx.influencer.name),
        exactSlug: Boolean(input.slug),
        destinationPath: input.destinationPath || "/",
        discountCodeId: input.discountCodeId || null,
      });
      return created.ok ? done(`Link /r/${created.slug} created`) : refused(created.errors);
    },
    { hiddenFields: true },
  ),

  "add-cost": command(z.object({}), async (ctx: PageContext, _input, fields) => {
    const added = await addCost(ctx.db, ctx.dbKind, ctx.shop, ctx.influencer.id, fields);
    return added.ok ? done("Cost added") : refused(added.errors);
  }),

  "link-active": command(
    z.object({ linkId: rowId("linkId"), active: onOff }),
    async (ctx: PageContext, input) =>
      (await setLinkActive(ctx.db, ctx.shop.id, ctx.influencer.id, input.linkId, input.active === "true"))
        ? done("Link updated")
        : refused({ linkId: "This link does not exist", form: "This link does not exist" }, 404),
    { hiddenFields: true },
  ),

  "portal-link": command(z.object({}), async (ctx: PageContext) => {
    const token = await rotatePortalToken(ctx.db, ctx.shop.id, ctx.influencer.id);
    return done("New portal link made; earlier links no longer open the portal", {
      portalLink: portalUrl(ctx.appUrl, token),
    });
  }),

  "portal-revoke": command(z.object({}), async (ctx: PageContext) => {
    const ended = await revokePortalTokens(ctx.db, ctx.shop.id, ctx.influencer.id);
    return done(`${ended} portal link${ended === 1 ? "" : "s"} ended`);
  }),
});

/** What a form of the influencer page asks, for the influencer `id` of the page's address. */
export async function influencerPageCommand(ctx: ShopContext, id: string, fields: Record<string, string>) {
  const influencer = await ctx.db.influencer.findFirst({ where: { id, shopId: ctx.shop.id } });
  if (!influencer) {
    const gone = "This influencer does not exist";
    return { ...refused({ form: gone }, 404), intent: fields.intent ?? "" };
  }
  return pageCommands({ ...ctx, influencer }, fields);
}
