// The monthly performance email: on the first days of a month, each active influencer who has not
// opted out gets last month's figures and a fresh portal link. Queued once per influencer and
// month (the outbox's dedupe key), so the schedule may run it as often as it likes.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Db } from "../platform/db.server";
import { monthlyValues, renderEmail } from "../../domain/email-templates";
import { previousShopMonth } from "../../domain/shop-time";
import { env } from "../platform/env.server";
import { queueMessage } from "../platform/outbox.server";
import { commonValues, templateFor } from "./outreach.server";
import { createPortalToken, PORTAL_LINK_MARKER, portalUrl } from "../program/portal-tokens.server";

/** An opt-out link that needs no login and cannot be guessed for someone else. */
export function unsubscribeToken(influencerId: string): string {
  return `${influencerId}.${createHmac("sha256", env().SHOPIFY_API_SECRET).update(`unsubscribe:${influencerId}`).digest("base64url")}`;
}

export function influencerForUnsubscribe(token: string): string | null {
  const [id, signature] = token.split(".");
  if (!id || !signature) return null;
  const expected = Buffer.from(unsubscribeToken(id).split(".")[1]);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

export async function optOut(db: Db, influencerId: string): Promise<string | null> {
  const influencer = await db.influencer.findUnique({
    where: { id: influencerId },
    select: { id: true, shop: { select: { name: true, handle: true } } },
  });
  if (!influencer) return null;
  await db.influencer.update({ where: { id: influencerId }, data: { emailOptOut: true } });
  return influencer.shop.name || influencer.shop.handle;
}

export async function queueMonthlyEmails(db: Db, appUrl: string, now = new Date()) {
  const shops = await db.shop.findMany({ where: { status: "INSTALLED" } });
  let queued = 0;
  for (const shop of shops) {
    // Last month on the shop's calendar: its figures are the shop's days of that month.
    const month = previousShopMonth(now, shop.timezone);
    const template = await templateFor(db, shop.id, "MONTHLY");
    const influencers = await db.influencer.findMany({
      where: { shopId: shop.id, status: "ACTIVE", emailOptOut: false },
    });
    if (!influencers.length) continue;
    const done = new Set(
      (
        await db.outboundMessage.findMany({
          where: { shopId: shop.id, dedupeKey: { startsWith: `monthly:${month.month}:` } },
          select: { dedupeKey: true },
        })
      ).map((m) => m.dedupeKey),
    );
    for (const influencer of influencers) {
      const dedupeKey = `monthly:${month.month}:${influencer.id}`;
      if (done.has(dedupeKey)) continue;
      const where = { shopId: shop.id, influencerId: influencer.id, day: { gte: month.from, lte: month.to } };
      const [days, top, earned] = await Promise.all([
        db.influencerDay.aggregate({ where, _sum: { clicks: true, orders: true, netSalesMinor: true } }),
        db.influencerCategoryDay.groupBy({
          by: ["category"],
          where: { ...where, kind: "PRODUCT_TYPE" },
          _sum: { netSalesMinor: true },
          orderBy: { _sum: { netSalesMinor: "desc" } },
          take: 1,
        }),
        db.commission.aggregate({
          where: {
            influencerId: influencer.id,
            status: { not: "VOID" },
            order: {
              placedAt: { gte: month.start, lt: month.end },
            },
          },
          _sum: { amountMinor: true },
        }),
      ]);
      const token = await createPortalToken(db, shop.id, influencer.id);
      const email = renderEmail(
        template,
        {
          ...(await commonValues(db, shop, influencer)),
          ...monthlyValues(
            {
              month: month.name,
              clicks: days._sum.clicks ?? 0,
              orders: days._sum.orders ?? 0,
              netSalesMinor: days._sum.netSalesMinor ?? 0,
              earningsMinor: earned._sum.amountMinor ?? 0,
              topCategory: top[0]?.category ?? null,
            },
            shop.currency,
          ),
          portal_link: PORTAL_LINK_MARKER,
        },
        `Stop these monthly emails: ${appUrl.replace(/\/$/, "")}/unsubscribe/${unsubscribeToken(influencer.id)}`,
      );
      if (
        await queueMessage(db, {
          shopId: shop.id,
          influencerId: influencer.id,
          dedupeKey,
          template: "MONTHLY",
          toEmail: influencer.email,
          email,
          portalLink: portalUrl(appUrl, token),
        })
      )
        queued += 1;
    }
  }
  return queued;
}

/** Whether the influencer has opted out already, and whose emails they are. */
export async function optOutState(db: Db, influencerId: string) {
  return db.influencer.findUnique({
    where: { id: influencerId },
    select: { emailOptOut: true, shop: { select: { name: true, handle: true } } },
  });
}
