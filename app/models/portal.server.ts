// What an influencer sees on their portal: their own figures and nothing of anyone else's. No
// shopper data: orders are counted and summed, never listed with a customer.
import QRCode from "qrcode";
import { z } from "zod";
import type { Db } from "../db.server";
import { discountLabel } from "../domain/codes";
import { formatMoney } from "../domain/money";
import { reportRangeOrDefault } from "../domain/report-range";
import { bpsToPercent } from "../domain/percent";
import { earningsByInfluencer } from "./payouts.server";
import { influencerPerformance } from "./reports.server";
import { referralUrl } from "./referral-links.server";

export async function portalView(db: Db, influencerId: string, appUrl: string, now = new Date()) {
  const influencer = await db.influencer.findUniqueOrThrow({
    where: { id: influencerId },
    include: {
      shop: true,
      codes: { where: { status: { in: ["ACTIVE", "PENDING"] } }, orderBy: { createdAt: "asc" } },
      links: { where: { status: "ACTIVE" }, orderBy: { createdAt: "asc" }, include: { discountCode: { select: { code: true } } } },
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
      select: { id: true, amountMinor: true, currency: true, status: true, createdAt: true, paidAt: true, method: true },
    }),
    db.bestPracticeNote.findMany({ where: { shopId: shop.id, shared: true }, orderBy: { createdAt: "desc" }, take: 20, select: { id: true, title: true, body: true } }),
  ]);
  const earnings = earningsById.get(influencer.id) ?? { earned: 0, paid: 0, payable: 0, pending: 0 };
  const money = (minor: number) => formatMoney(minor, shop.currency);
  const links = await Promise.all(
    influencer.links.map(async (link) => {
      const url = referralUrl(appUrl, link.slug);
      return { url, code: link.discountCode?.code ?? null, qr: await QRCode.toDataURL(url, { margin: 1, width: 240, errorCorrectionLevel: "M" }) };
    }),
  );
  return {
    shopName: shop.name || shop.handle,
    name: influencer.name,
    period: `${range.from} to ${range.to}`,
    commission: `${bpsToPercent(influencer.commissionBps ?? shop.defaultCommissionBps)}%`,
    figures: {
      clicks: performance.clicks,
      orders: performance.orders,
      conversion: performance.conversion,
      netSales: money(performance.netSalesMinor),
      newCustomers: performance.newCustomerOrders,
      series: performance.series,
    },
    earnings: { pending: money(earnings.pending), approved: money(earnings.payable), paid: money(earnings.paid) },
    topCategories: performance.topCategories.map((c) => ({ name: c.category, sales: money(c.netSalesMinor), units: c.units })),
    topProducts: performance.topProducts.map((p) => ({ name: p.title, sales: money(p.netSalesMinor), units: p.units })),
    codes: influencer.codes.map((c) => ({ code: c.code, discount: `${discountLabel(c, shop.currency)} off` })),
    links,
    payouts: payouts.map((p) => ({ id: p.id, amount: formatMoney(p.amountMinor, p.currency), status: p.status, on: (p.paidAt ?? p.createdAt).toISOString().slice(0, 10), method: p.method })),
    paypalEmail: influencer.paypalEmail ?? "",
    notes,
    currency: shop.currency,
  };
}

const payoutDetails = z.object({
  paypalEmail: z.union([z.literal(""), z.string().trim().toLowerCase().pipe(z.email("Enter the email address of your PayPal account"))]),
});

/** The influencer's own payout details; the only thing the portal changes. */
export async function savePayoutDetails(db: Db, influencerId: string, fields: Record<string, string>) {
  const parsed = payoutDetails.safeParse({ paypalEmail: (fields.paypalEmail ?? "").trim() });
  if (!parsed.success) return { ok: false as const, errors: { paypalEmail: parsed.error.issues[0].message } };
  await db.influencer.update({ where: { id: influencerId }, data: { paypalEmail: parsed.data.paypalEmail || null } });
  return { ok: true as const };
}
