// Outreach: the shop's email templates, the values their merge fields take for one influencer,
// and the emails of the influencer's path: a pitch to a prospect, a welcome with the portal link
// once approved, a monthly summary. Every email goes through the outbox (outbox.server.ts).
import type { Shop as ShopRow } from "#db-client";
import type { Db } from "../platform/db.server";
import {
  DEFAULT_TEMPLATES,
  monthlyValues,
  parseTemplate,
  programValues,
  renderEmail,
  type EmailKind,
  type TemplateInput,
} from "../../domain/email-templates";
import { queueMessage } from "../platform/outbox.server";
import { createPortalToken, PORTAL_LINK_MARKER, portalUrl } from "../program/portal-tokens.server";
import { referralUrl } from "../program/referral-links.server";

/** What an email to an influencer says of the shop: its name, links, currency and default terms. */
export type MailingShop = Pick<
  ShopRow,
  "id" | "name" | "handle" | "currency" | "defaultCommissionBps" | "defaultDiscountBps"
>;
type Shop = MailingShop;

export async function templateFor(
  db: Db,
  shopId: string,
  kind: EmailKind,
): Promise<TemplateInput & { custom: boolean }> {
  const saved = await db.emailTemplate.findUnique({
    where: { shopId_kind: { shopId, kind } },
    select: { subject: true, body: true },
  });
  return saved ? { ...saved, custom: true } : { ...DEFAULT_TEMPLATES[kind], custom: false };
}

export async function saveTemplate(db: Db, shopId: string, kind: EmailKind, fields: Record<string, string>) {
  const parsed = parseTemplate(kind, fields);
  if (!parsed.ok) return parsed;
  await db.emailTemplate.upsert({
    where: { shopId_kind: { shopId, kind } },
    create: { shopId, kind, ...parsed.input },
    update: parsed.input,
  });
  return { ok: true as const };
}

export async function resetTemplate(db: Db, shopId: string, kind: EmailKind) {
  await db.emailTemplate.deleteMany({ where: { shopId, kind } });
}

export const applicationUrl = (appUrl: string, shop: { handle: string }) =>
  `${appUrl.replace(/\/$/, "")}/apply/${shop.handle}`;

/** The merge values every kind shares, for one influencer (or a sample one for previews). */
export async function commonValues(
  db: Db,
  shop: Shop,
  influencer: { id: string; name: string; commissionBps: number | null } | null,
) {
  const code = influencer
    ? await db.discountCode.findFirst({
        where: { influencerId: influencer.id, status: "ACTIVE" },
        orderBy: { createdAt: "asc" },
      })
    : null;
  return programValues({
    influencerName: influencer?.name ?? "Alex Sample",
    shopName: shop.name || shop.handle,
    commissionBps: influencer?.commissionBps ?? shop.defaultCommissionBps,
    code,
    defaultDiscountBps: shop.defaultDiscountBps,
    currency: shop.currency,
  });
}

/** A template filled for a sample influencer (or a real one), as the editor's preview shows it. */
export async function previewEmail(
  db: Db,
  shop: Shop,
  kind: EmailKind,
  template: TemplateInput,
  appUrl: string,
  influencerId?: string,
) {
  const influencer = influencerId
    ? await db.influencer.findFirst({ where: { id: influencerId, shopId: shop.id } })
    : null;
  const values = {
    ...(await commonValues(db, shop, influencer)),
    application_link: applicationUrl(appUrl, shop),
    referral_link: referralUrl(appUrl, "alex"),
    portal_link: `${appUrl.replace(/\/$/, "")}/portal/(a private link, made when the email is sent)`,
    ...monthlyValues(
      {
        month: "October 2026",
        clicks: 1204,
        orders: 37,
        netSalesMinor: 185_000,
        earningsMinor: 18_500,
        topCategory: "Skincare",
      },
      shop.currency,
    ),
  };
  return renderEmail(template, values, kind === "MONTHLY" ? "Stop these monthly emails: (your own link)" : undefined);
}

/** Pitches prospects who were not pitched before; they become INVITED. Returns how many were queued. */
export async function sendPitches(db: Db, shop: Shop, influencerIds: string[], appUrl: string): Promise<number> {
  const template = await templateFor(db, shop.id, "PITCH");
  const prospects = await db.influencer.findMany({
    where: {
      shopId: shop.id,
      id: { in: influencerIds.slice(0, 200) },
      status: { in: ["PROSPECT", "INVITED"] },
      emailOptOut: false,
    },
  });
  let queued = 0;
  for (const influencer of prospects) {
    const email = renderEmail(template, {
      ...(await commonValues(db, shop, influencer)),
      application_link: applicationUrl(appUrl, shop),
    });
    const fresh = await queueMessage(db, {
      shopId: shop.id,
      influencerId: influencer.id,
      dedupeKey: `pitch:${influencer.id}`,
      template: "PITCH",
      toEmail: influencer.email,
      email,
    });
    if (fresh) queued += 1;
    if (influencer.status === "PROSPECT")
      await db.influencer.update({ where: { id: influencer.id }, data: { status: "INVITED" } });
  }
  return queued;
}

/**
 * A new portal link, asked for from an ended one: sent to the address the shop has on file (never
 * to one typed in), at most once a day per influencer.
 */
export async function queueNewPortalLink(db: Db, shop: Shop, influencerId: string, appUrl: string, now = new Date()) {
  const influencer = await db.influencer.findFirstOrThrow({ where: { id: influencerId, shopId: shop.id } });
  const dedupeKey = `portal-link:${influencerId}:${now.toISOString().slice(0, 10)}`;
  if (await db.outboundMessage.findUnique({ where: { shopId_dedupeKey: { shopId: shop.id, dedupeKey } } }))
    return false;
  const token = await createPortalToken(db, shop.id, influencer.id, now);
  const email = renderEmail(NEW_LINK_EMAIL, {
    ...(await commonValues(db, shop, influencer)),
    portal_link: PORTAL_LINK_MARKER,
  });
  return queueMessage(db, {
    shopId: shop.id,
    influencerId,
    dedupeKey,
    template: "PORTAL_LINK",
    toEmail: influencer.email,
    email,
    portalLink: portalUrl(appUrl, token),
  });
}

const NEW_LINK_EMAIL = {
  subject: "Your new link to {{shop_name}}'s partner portal",
  body: "Hi {{first_name}},\n\nHere is your new link to your figures, codes and payouts with {{shop_name}}:\n{{portal_link}}\n\nIt works for 62 days; each monthly email brings a fresh one.\n\n{{shop_name}}",
};

/** The welcome email of an approved influencer, with a new portal link, their code and their link. */
export async function queueWelcome(db: Db, shop: Shop, influencerId: string, appUrl: string) {
  const influencer = await db.influencer.findFirstOrThrow({
    where: { id: influencerId, shopId: shop.id },
    include: { links: { orderBy: { createdAt: "asc" }, take: 1 } },
  });
  const token = await createPortalToken(db, shop.id, influencer.id);
  const template = await templateFor(db, shop.id, "WELCOME");
  const email = renderEmail(template, {
    ...(await commonValues(db, shop, influencer)),
    referral_link: influencer.links[0] ? referralUrl(appUrl, influencer.links[0].slug) : "",
    portal_link: PORTAL_LINK_MARKER,
  });
  return queueMessage(db, {
    shopId: shop.id,
    influencerId,
    dedupeKey: `welcome:${influencerId}`,
    template: "WELCOME",
    toEmail: influencer.email,
    email,
    portalLink: portalUrl(appUrl, token),
  });
}

/** The prospects and the invited who have not applied yet: whom Outreach can pitch (the first 200). */
export async function prospectsToPitch(db: Db, shopId: string) {
  return db.influencer.findMany({
    where: { shopId, status: { in: ["PROSPECT", "INVITED"] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, email: true, status: true },
    take: 200,
  });
}
