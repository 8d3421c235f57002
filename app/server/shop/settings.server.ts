// The program settings of a shop: its default commission rule, hold period, payout threshold and
// attribution. Every change is written to the audit log.
import { parseProgramSettings } from "../../domain/settings-input";
import { done, refused, type CommandResult } from "../../domain/command-result";
import type { ShopContext } from "./shop-context.server";
import { auditDetails, commissionOverrides, commissionTiers } from "../platform/json-columns.server";
import type { Db } from "../platform/db.server";
import type { ProgramSettings } from "../../domain/settings-input";
import { staffNames } from "./staff.server";

export async function programSettings(db: Db, shopId: string): Promise<ProgramSettings> {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId } });
  const rule = await db.commissionRule.findFirst({ where: { shopId, influencerId: null } });
  return {
    commissionKind: rule?.kind ?? "PERCENT",
    percentBps: rule?.percentBps ?? shop.defaultCommissionBps,
    fixedMinor: rule?.fixedMinor ?? 0,
    tiers: rule ? commissionTiers.read(rule.tiers) : [],
    overrides: rule ? commissionOverrides.read(rule.overrides) : [],
    newCustomerBonusMinor: rule?.newCustomerBonusMinor ?? 0,
    holdPeriodDays: shop.holdPeriodDays,
    payoutThresholdMinor: shop.payoutThresholdMinor,
    attributionWindowDays: shop.attributionWindowDays,
    attributionMode: shop.attributionMode,
    linkCredit: shop.linkCredit,
  };
}

export async function saveProgramSettings(db: Db, shopId: string, settings: ProgramSettings, actor: string) {
  const before = await programSettings(db, shopId);
  const rule = {
    kind: settings.commissionKind,
    percentBps: settings.percentBps,
    fixedMinor: settings.fixedMinor,
    tiers: commissionTiers.write(settings.tiers),
    overrides: commissionOverrides.write(settings.overrides),
    newCustomerBonusMinor: settings.newCustomerBonusMinor,
  };
  await db.$transaction(async (tx) => {
    const existing = await tx.commissionRule.findFirst({ where: { shopId, influencerId: null } });
    if (existing) await tx.commissionRule.update({ where: { id: existing.id }, data: rule });
    else await tx.commissionRule.create({ data: { shopId, ...rule } });
    await tx.shop.update({
      where: { id: shopId },
      data: {
        defaultCommissionBps: settings.percentBps,
        holdPeriodDays: settings.holdPeriodDays,
        payoutThresholdMinor: settings.payoutThresholdMinor,
        attributionWindowDays: settings.attributionWindowDays,
        attributionMode: settings.attributionMode,
        linkCredit: settings.linkCredit,
        commissionReviewedAt: new Date(), // the setup guide's "set your commission" step
      },
    });
    await tx.auditEntry.create({
      data: {
        shopId,
        actor,
        action: "settings.updated",
        subject: shopId,
        details: auditDetails.write({ before, after: settings }),
      },
    });
  });
}

/** The latest audit entries, with the name of whoever made each (an influencer, a staff member). */
export async function recentAudit(db: Db, shopId: string, take = 20) {
  const entries = await db.auditEntry.findMany({ where: { shopId }, orderBy: { at: "desc" }, take });
  const ids = [
    ...new Set(
      entries.flatMap((e) => (e.actor.startsWith("influencer:") ? [e.actor.slice("influencer:".length)] : [])),
    ),
  ];
  const influencers = ids.length
    ? await db.influencer.findMany({ where: { shopId, id: { in: ids } }, select: { id: true, name: true } })
    : [];
  const names = new Map([
    ...influencers.map((i) => [`influencer:${i.id}`, i.name] as const),
    ...(await staffNames(
      db,
      shopId,
      entries.map((e) => e.actor),
    )),
  ]);
  return entries.map((e) => ({ ...e, actorName: names.get(e.actor) ?? null }));
}

/** The settings page's one form: every value checked together, saved together, logged with who saved it. */
export async function saveSettingsCommand(ctx: ShopContext, fields: Record<string, string>): Promise<CommandResult> {
  const parsed = parseProgramSettings(fields, ctx.shop.currency);
  if (!parsed.ok) return refused(parsed.errors);
  await saveProgramSettings(ctx.db, ctx.shop.id, parsed.settings, ctx.actor);
  return done("Settings saved: they apply to orders from now on");
}
