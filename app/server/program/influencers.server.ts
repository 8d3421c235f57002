// Influencers of a shop: finding them, adding them (with their first code and link), editing,
// pausing and archiving. Every query is filtered by the shop.
import type { InfluencerStatus } from "#db-client";
import type { Db, Tx } from "../platform/db.server";
import { z } from "zod";
import { done, refused, type CommandResult } from "../../domain/command-result";
import {
  parseInfluencerInput,
  parseProfileInput,
  type FieldErrors,
  type InfluencerInput,
  type ProfileInput,
} from "../../domain/influencer-input";
import { command } from "../platform/commands.server";
import type { ShopContext } from "../shop/shop-context.server";
import { slugify } from "../../domain/referral-links";
import type { AdminGraphql } from "../platform/admin-api.server";
import { isUniqueViolation } from "../platform/db-errors.server";
import { confirmCodeInShopify, reserveCode, setCodeActive } from "./discount-codes.server";
import { createReferralLink } from "./referral-links.server";

export const INFLUENCER_SORTS = {
  newest: { createdAt: "desc" },
  oldest: { createdAt: "asc" },
  name: { name: "asc" },
  "name-desc": { name: "desc" },
} as const;
export type InfluencerSort = keyof typeof INFLUENCER_SORTS;

export type InfluencerListQuery = {
  search?: string;
  status?: InfluencerStatus[];
  tag?: string;
  sort?: InfluencerSort;
  page?: number;
  pageSize?: number;
};

export async function listInfluencers(db: Tx, shopId: string, query: InfluencerListQuery) {
  const pageSize = query.pageSize ?? 25;
  const page = Math.max(1, query.page ?? 1);
  const search = query.search?.trim();
  const where = {
    shopId,
    ...(query.status?.length ? { status: { in: query.status } } : { status: { not: "ARCHIVED" as const } }),
    ...(query.tag ? { tags: { contains: query.tag.toLowerCase() } } : {}),
    ...(search
      ? {
          OR: [
            { name: { contains: search } },
            { email: { contains: search.toLowerCase() } },
            { codes: { some: { codeKey: { contains: search.toUpperCase() } } } },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.influencer.count({ where }),
    db.influencer.findMany({
      where,
      orderBy: INFLUENCER_SORTS[query.sort ?? "newest"],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { codes: { select: { code: true, status: true }, orderBy: { createdAt: "asc" } } },
    }),
  ]);
  return { total, page, pageSize, rows };
}

export async function shopTags(db: Tx, shopId: string): Promise<string[]> {
  const rows = await db.influencer.findMany({ where: { shopId, tags: { not: "" } }, select: { tags: true } });
  return [...new Set(rows.flatMap((r) => r.tags.split(",")).filter(Boolean))].sort();
}

export async function getInfluencer(db: Tx, shopId: string, id: string) {
  return db.influencer.findFirst({
    where: { id, shopId },
    include: {
      codes: { orderBy: { createdAt: "asc" } },
      links: { orderBy: { createdAt: "asc" }, include: { discountCode: { select: { code: true } } } },
    },
  });
}

export type CreateResult = { ok: true; influencerId: string; warning?: string } | { ok: false; errors: FieldErrors };

/** Adds a prospect: someone to pitch first, with no code or link until they join. */
export async function createProspect(
  db: Db,
  shopId: string,
  input: ProfileInput,
  options: { importRunId?: string } = {},
): Promise<CreateResult> {
  try {
    const prospect = await db.influencer.create({
      data: {
        shopId,
        name: input.name,
        email: input.email,
        commissionBps: input.commissionBps,
        tags: input.tags,
        status: "PROSPECT",
        importRunId: options.importRunId,
      },
    });
    return { ok: true, influencerId: prospect.id };
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, errors: { email: "An influencer with this email already exists" } };
    throw error;
  }
}

/**
 * Adds an influencer with their first code (created in Shopify) and referral link. When Shopify
 * refuses the code or cannot be reached, nothing stays behind on either side.
 */
export async function createInfluencer(
  db: Db,
  graphql: AdminGraphql,
  shop: { id: string; currency: string },
  input: InfluencerInput,
  options: { status?: InfluencerStatus; importRunId?: string } = {},
): Promise<CreateResult> {
  const duplicate = await db.influencer.findUnique({
    where: { shopId_email: { shopId: shop.id, email: input.email } },
  });
  if (duplicate) return { ok: false, errors: { email: `${duplicate.name} already has this email` } };

  let reserved: { influencerId: string; codeId: string };
  try {
    const outcome = await db.$transaction(async (tx) => {
      const influencer = await tx.influencer.create({
        data: {
          shopId: shop.id,
          name: input.name,
          email: input.email,
          commissionBps: input.commissionBps,
          tags: input.tags,
          status: options.status ?? "ACTIVE",
          importRunId: options.importRunId,
        },
      });
      const code = await reserveCode(tx, shop.id, influencer.id, input.code, input.discount, shop.currency);
      if (!code.ok) throw new FieldErrorsThrown(code.errors);
      return { influencerId: influencer.id, codeId: code.codeId };
    });
    reserved = outcome;
  } catch (error) {
    if (error instanceof FieldErrorsThrown) return { ok: false, errors: error.errors };
    if (isUniqueViolation(error))
      return { ok: false, errors: { email: "An influencer with this email already exists" } };
    throw error;
  }

  const confirmed = await confirmCodeInShopify(
    db,
    graphql,
    reserved.codeId,
    codeTitle(input.name),
    shop.currency,
  ).catch(async (error) => {
    await db.influencer.delete({ where: { id: reserved.influencerId } });
    throw error;
  });
  if (!confirmed.ok && !confirmed.pending) {
    await db.influencer.delete({ where: { id: reserved.influencerId } });
    return { ok: false, errors: confirmed.errors };
  }
  await createInfluencerLink(db, shop.id, reserved.influencerId, input, reserved.codeId);
  if (!confirmed.ok) return { ok: true, influencerId: reserved.influencerId, warning: confirmed.errors.form };
  return { ok: true, influencerId: reserved.influencerId };
}

/** The influencer's first referral link, to the destination entered, carrying its code. */
export function createInfluencerLink(
  db: Db,
  shopId: string,
  influencerId: string,
  input: InfluencerInput,
  codeId: string,
) {
  return createReferralLink(db, shopId, influencerId, {
    baseSlug: slugify(input.name),
    destinationPath: input.destinationPath,
    discountCodeId: codeId,
  });
}

class FieldErrorsThrown extends Error {
  constructor(readonly errors: FieldErrors) {
    super("field errors");
  }
}

export function codeTitle(influencerName: string): string {
  return `${influencerName} (influencer code)`;
}

/** Name, email, commission and tags; codes have their own edits. */
export async function updateInfluencerProfile(
  db: Tx,
  shopId: string,
  id: string,
  changes: { name: string; email: string; commissionBps: number | null; tags: string },
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  try {
    const result = await db.influencer.updateMany({ where: { id, shopId }, data: changes });
    return result.count ? { ok: true } : { ok: false, errors: { form: "This influencer does not exist" } };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { email: "Another influencer has this email" } };
    throw error;
  }
}

/**
 * Pausing or archiving turns the influencer's codes off in Shopify and their links off here;
 * activating turns them back on. The influencer's status changes only when every code did.
 */
export async function setInfluencerStatus(
  db: Db,
  graphql: AdminGraphql,
  shopId: string,
  id: string,
  status: Extract<InfluencerStatus, "ACTIVE" | "PAUSED" | "ARCHIVED">,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const influencer = await db.influencer.findFirst({ where: { id, shopId }, include: { codes: true } });
  if (!influencer) return { ok: false, errors: { form: "This influencer does not exist" } };
  const active = status === "ACTIVE";
  const failures: string[] = [];
  for (const code of influencer.codes) {
    if (code.status === "PENDING") continue;
    const result = await setCodeActive(db, graphql, code.id, active).catch((error: Error) => ({
      ok: false as const,
      errors: { form: error.message },
    }));
    if (!result.ok) failures.push(`${code.code}: ${result.errors.form}`);
  }
  if (failures.length)
    return { ok: false, errors: { form: `Shopify did not change every code. ${failures.join(" ")}` } };
  await db.$transaction([
    db.referralLink.updateMany({ where: { shopId, influencerId: id }, data: { status: active ? "ACTIVE" : "PAUSED" } }),
    db.influencer.update({ where: { id }, data: { status } }),
  ]);
  return { ok: true };
}

/** Whether the shop has any influencer at all, whatever a list's filters show. */
export async function hasInfluencers(db: Tx, shopId: string): Promise<boolean> {
  return (await db.influencer.count({ where: { shopId } })) > 0;
}

/** The shop's codes as Shopify compares them (upper case), for the add form to warn before posting. */
export async function takenCodeKeys(db: Tx, shopId: string): Promise<string[]> {
  const codes = await db.discountCode.findMany({ where: { shopId }, select: { codeKey: true } });
  return codes.map((c) => c.codeKey);
}

/**
 * The add-influencer form: a partner (profile, their first code made in Shopify, a link) or a
 * prospect to pitch first (profile only: no code until they apply and are approved).
 */
export const addInfluencerCommand = command(
  z.object({ addAs: z.enum(["", "partner", "prospect"], { error: "addAs is partner or prospect" }).default("") }),
  async (ctx: ShopContext, input, fields): Promise<CommandResult<{ influencerId: string; warning?: string }>> => {
    if (input.addAs === "prospect") {
      const profile = parseProfileInput(fields);
      if (!profile.ok) return refused(profile.errors);
      const prospect = await createProspect(ctx.db, ctx.shop.id, profile.input);
      return prospect.ok ? done("Prospect added", { influencerId: prospect.influencerId }) : refused(prospect.errors);
    }
    const parsed = parseInfluencerInput(fields, ctx.shop.currency);
    if (!parsed.ok) return refused(parsed.errors);
    const created = await createInfluencer(ctx.db, ctx.graphql, ctx.shop, parsed.input);
    if (!created.ok) return refused(created.errors);
    return done("Influencer added", { influencerId: created.influencerId, warning: created.warning });
  },
);
