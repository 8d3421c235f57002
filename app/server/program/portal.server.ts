// What an influencer sees on their portal: their own figures and nothing of anyone else's. No
// shopper data: orders are counted and summed, never listed with a customer.
import { done } from "../../domain/command-result";
import { command } from "../platform/commands.server";
import { auditDetails } from "../platform/json-columns.server";
import { z } from "zod";
import { randomBytes } from "node:crypto";
import type { Db } from "../platform/db.server";
import { emailAddress } from "../../domain/influencer-input";
import { renderEmail } from "../../domain/email-templates";
import { reportRangeOrDefault } from "../../domain/report-range";
import { queueMessage } from "../platform/outbox.server";
import { earningsByInfluencer } from "../payouts/payouts.server";
import { hashToken, PORTAL_LINK_MARKER } from "./portal-tokens.server";
import { influencerPerformance } from "../reporting/reports.server";

/** An influencer's own figures for the portal, as stored: the route's view formats them. */
export async function portalFigures(db: Db, influencerId: string, now = new Date()) {
  const influencer = await db.influencer.findUniqueOrThrow({
    where: { id: influencerId },
    include: {
      shop: true,
      codes: { where: { status: { in: ["ACTIVE", "PENDING"] } }, orderBy: { createdAt: "asc" } },
      links: {
        where: { status: "ACTIVE" },
        orderBy: { createdAt: "asc" },
        include: { discountCode: { select: { code: true } } },
      },
    },
  });
  const shop = influencer.shop;
  const range = reportRangeOrDefault(new URLSearchParams(), shop.timezone, now);
  const [performance, earningsById, payouts, notes] = await Promise.all([
    influencerPerformance(db, shop, influencer.id, range.from, range.to),
    earningsByInfluencer(db, { influencerId: influencer.id }),
    db.payout.findMany({
      where: { influencerId: influencer.id, status: { not: "CANCELLED" } },
      orderBy: { createdAt: "desc" },
      take: 24,
      select: {
        id: true,
        amountMinor: true,
        currency: true,
        status: true,
        createdAt: true,
        paidAt: true,
        method: true,
      },
    }),
    db.bestPracticeNote.findMany({
      where: { shopId: shop.id, shared: true },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, title: true, body: true },
    }),
  ]);
  const earnings = earningsById.get(influencer.id) ?? { earned: 0, paid: 0, payable: 0, pending: 0, inPayout: 0 };
  return { influencer, shop, range, performance, earnings, payouts, notes };
}

export type PortalFigures = Awaited<ReturnType<typeof portalFigures>>;

const payoutDetails = z.object({
  paypalEmail: z
    .string()
    .default("")
    .pipe(z.string().trim())
    .pipe(z.union([z.literal(""), emailAddress("Enter the email address of your PayPal account")])),
});

/** What the portal's one form acts with: the influencer whose link opened it. */
export type PortalContext = { db: Db; influencerId: string; appUrl: string; now: () => Date };

/** How long a confirmation link for a new payout email works. */
const CONFIRM_HOURS = 24;

/**
 * The influencer's own payout details; the only thing the portal changes. A new PayPal email
 * takes effect only once confirmed from the address on file: whoever holds a forwarded portal
 * link cannot take the next payout. The request and the change are in the shop's audit log.
 */
export const savePayoutDetails = command(payoutDetails, async (ctx: PortalContext, input) => {
  const { db, influencerId, appUrl } = ctx;
  const wanted = input.paypalEmail || null;
  const influencer = await db.influencer.findUniqueOrThrow({ where: { id: influencerId }, include: { shop: true } });
  if (wanted === influencer.paypalEmail) return done("Payout details saved", { confirmBy: null as string | null });
  const token = randomBytes(32).toString("base64url");
  await db.influencer.update({
    where: { id: influencerId },
    data: { pendingPaypalEmail: wanted ?? "", pendingPaypalTokenHash: hashToken(token), pendingPaypalAt: ctx.now() },
  });
  await db.auditEntry.create({
    data: {
      shopId: influencer.shopId,
      actor: `influencer:${influencerId}`,
      action: "payout-email.requested",
      subject: influencerId,
      details: auditDetails.write({ to: wanted }),
    },
  });
  const link = `${appUrl.replace(/\/$/, "")}/portal/confirm/${token}`;
  const shopName = influencer.shop.name || influencer.shop.handle;
  const email = renderEmail(
    {
      subject: "Confirm your new payout email for {{shop_name}}",
      body: [
        "Hi {{name}},",
        "Someone asked, from your {{shop_name}} partner portal, to send your payouts to {{paypal_email}}.",
        `If it was you, confirm it within ${CONFIRM_HOURS} hours: {{confirm_link}}`,
        "If it was not you, ignore this email: nothing changes. Tell the shop.",
      ].join("\n\n"),
    },
    {
      name: influencer.name,
      shop_name: shopName,
      paypal_email: wanted ?? "no PayPal account (your contact email)",
      confirm_link: PORTAL_LINK_MARKER,
    },
  );
  await queueMessage(db, {
    shopId: influencer.shopId,
    influencerId,
    dedupeKey: `payout-email:${influencerId}:${hashToken(token).slice(0, 16)}`,
    template: "PAYOUT_EMAIL_CONFIRM",
    toEmail: influencer.email,
    email,
    portalLink: link,
  });
  return done(`Almost there: confirm the change from the email we sent to ${influencer.email}`, {
    confirmBy: influencer.email as string | null,
  });
});

/** The confirmation link of a payout email change, opened and confirmed: the change takes effect. */
export async function confirmPayoutEmail(db: Db, token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{40,64}$/.test(token)) return null;
  const influencer = await db.influencer.findUnique({ where: { pendingPaypalTokenHash: hashToken(token) } });
  if (!influencer?.pendingPaypalAt || now.getTime() - influencer.pendingPaypalAt.getTime() > CONFIRM_HOURS * 3_600_000)
    return null;
  const email = influencer.pendingPaypalEmail || null;
  // Conditional on the same request: two clicks change it once.
  const changed = await db.influencer.updateMany({
    where: { id: influencer.id, pendingPaypalTokenHash: hashToken(token) },
    data: { paypalEmail: email, pendingPaypalEmail: null, pendingPaypalTokenHash: null, pendingPaypalAt: null },
  });
  if (changed.count !== 1) return null;
  await db.auditEntry.create({
    data: {
      shopId: influencer.shopId,
      actor: `influencer:${influencer.id}`,
      action: "payout-email.changed",
      subject: influencer.id,
      details: auditDetails.write({ from: influencer.paypalEmail, to: email }),
    },
  });
  return { name: influencer.name, paypalEmail: email };
}
