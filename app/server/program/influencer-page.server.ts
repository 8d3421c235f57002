// What the influencer page reads and changes: one influencer, their codes and links.
import { z } from "zod";
import type { DatabaseKind } from "../platform/database-url";
import type { Db } from "../platform/db.server";
import { parseCodeInput, parseProfileInput, type FieldErrors } from "../../domain/influencer-input";
import { boundedText, intents, parseForm, rowId } from "../../domain/form-input";
import { slugify } from "../../domain/referral-links";
import type { AdminGraphql } from "../platform/admin-api.server";
import { confirmCodeInShopify, reconcilePendingCodes, reserveCode, setCodeActive } from "./discount-codes.server";
import { codeTitle, getInfluencer, setInfluencerStatus, updateInfluencerProfile } from "./influencers.server";
import { reportRangeOrDefault } from "../../domain/report-range";
import { addCost, influencerCosts, productChoices } from "./costs.server";
import { influencerPerformance } from "../reporting/reports.server";
import { activePortalTokens, portalUrl, revokePortalTokens, rotatePortalToken } from "./portal-tokens.server";
import { createReferralLink } from "./referral-links.server";

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

export type PageActionResult =
  | { ok: true; message: string; intent: string; portalLink?: string }
  | { ok: false; errors: FieldErrors; intent: string; status: 400 | 404 };

const onOff = z.enum(["true", "false"], { error: "active is true or false" });

/** The page's forms, told apart by `intent`; the ids a form acts on are required. */
const PageForm = intents(
  z.object({ intent: z.literal("profile") }),
  z.object({
    intent: z.literal("status"),
    status: z.enum(["ACTIVE", "PAUSED", "ARCHIVED"], { error: "status is ACTIVE, PAUSED or ARCHIVED" }),
  }),
  z.object({ intent: z.literal("add-code") }),
  z.object({ intent: z.literal("code-active"), codeId: rowId("codeId"), active: onOff }),
  z.object({
    intent: z.literal("add-link"),
    slug: boundedText(60),
    destinationPath: boundedText(500),
    discountCodeId: z.union([z.literal(""), rowId("discountCodeId")]).default(""),
  }),
  z.object({ intent: z.literal("add-cost") }),
  z.object({ intent: z.literal("link-active"), linkId: rowId("linkId"), active: onOff }),
  z.object({ intent: z.literal("portal-link") }),
  z.object({ intent: z.literal("portal-revoke") }),
);

export async function influencerPageAction(
  db: Db,
  databaseKind: DatabaseKind,
  graphql: AdminGraphql,
  shop: Shop,
  id: string,
  fields: Record<string, string>,
  appUrl: string,
): Promise<PageActionResult> {
  const intent = fields.intent ?? "";
  const fail = (errors: FieldErrors, status: 400 | 404 = 400): PageActionResult => ({
    ok: false,
    errors,
    intent,
    status,
  });
  const form = parseForm(PageForm, fields);
  if (!form.ok) return fail({ form: Object.values(form.errors)[0], ...form.errors });
  const influencer = await db.influencer.findFirst({ where: { id, shopId: shop.id } });
  if (!influencer) return fail({ form: "This influencer does not exist" }, 404);
  const input = form.input;

  switch (input.intent) {
    case "profile": {
      const parsed = parseProfileInput(fields);
      if (!parsed.ok) return fail(parsed.errors);
      const saved = await updateInfluencerProfile(db, shop.id, id, parsed.input);
      return saved.ok ? { ok: true, intent, message: "Profile saved" } : fail(saved.errors);
    }
    case "status": {
      const changed = await setInfluencerStatus(db, graphql, shop.id, id, input.status);
      const words = { ACTIVE: "activated", PAUSED: "paused", ARCHIVED: "archived" }[input.status];
      return changed.ok ? { ok: true, intent, message: `${influencer.name} ${words}` } : fail(changed.errors);
    }
    case "add-code": {
      const parsed = parseCodeInput(fields, shop.currency);
      if (!parsed.ok) return fail(parsed.errors);
      const reserved = await reserveCode(db, shop.id, id, parsed.input.code, parsed.input.discount, shop.currency);
      if (!reserved.ok) return fail(reserved.errors);
      const confirmed = await confirmCodeInShopify(
        db,
        graphql,
        reserved.codeId,
        codeTitle(influencer.name),
        shop.currency,
      );
      if (confirmed.ok && influencer.status !== "ACTIVE") await setCodeActive(db, graphql, reserved.codeId, false);
      return confirmed.ok ? { ok: true, intent, message: `Code ${parsed.input.code} created` } : fail(confirmed.errors);
    }
    case "code-active": {
      const code = await db.discountCode.findFirst({ where: { id: input.codeId, shopId: shop.id, influencerId: id } });
      if (!code) return fail({ codeId: "This code does not exist", form: "This code does not exist" }, 404);
      const result = await setCodeActive(db, graphql, code.id, input.active === "true");
      return result.ok
        ? { ok: true, intent, message: `Code ${code.code} turned ${input.active === "true" ? "on" : "off"}` }
        : fail(result.errors);
    }
    case "add-link": {
      const created = await createReferralLink(db, shop.id, id, {
        baseSlug: input.slug || slugify(influencer.name),
        exactSlug: Boolean(input.slug),
        destinationPath: input.destinationPath || "/",
        discountCodeId: input.discountCodeId || null,
      });
      return created.ok ? { ok: true, intent, message: `Link /r/${created.slug} created` } : fail(created.errors);
    }
    case "add-cost": {
      const added = await addCost(db, databaseKind, shop, id, fields);
      return added.ok ? { ok: true, intent, message: "Cost added" } : fail(added.errors);
    }
    case "link-active": {
      const result = await db.referralLink.updateMany({
        where: { id: input.linkId, shopId: shop.id, influencerId: id },
        data: { status: input.active === "true" ? "ACTIVE" : "PAUSED" },
      });
      return result.count
        ? { ok: true, intent, message: "Link updated" }
        : fail({ linkId: "This link does not exist", form: "This link does not exist" }, 404);
    }
    case "portal-link": {
      const token = await rotatePortalToken(db, shop.id, id);
      return {
        ok: true,
        intent,
        message: "New portal link made; earlier links no longer open the portal",
        portalLink: portalUrl(appUrl, token),
      };
    }
    case "portal-revoke": {
      const ended = await revokePortalTokens(db, shop.id, id);
      return { ok: true, intent, message: `${ended} portal link${ended === 1 ? "" : "s"} ended` };
    }
  }
}
