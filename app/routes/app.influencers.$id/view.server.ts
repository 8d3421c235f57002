// What the influencer page shows: money in the shop's currency, rates as percentages, each link
// with its QR code.
import { linkWithQr } from "~/components/link-qr.server";
import { discountLabel } from "~/domain/codes";
import { formatMoney } from "~/domain/money";
import { bpsToPercent } from "~/domain/percent";
import { shopDay } from "~/domain/shop-time";
import type { InfluencerDetails } from "~/server/program/influencer-page.server";

type Shop = { domain: string; currency: string; defaultCommissionBps: number; timezone: string };

export async function influencerView(details: InfluencerDetails, shop: Shop, appUrl: string) {
  const { influencer, range, costs, products, performance, portalLinks } = details;
  const day = (at: Date) => shopDay(at, shop.timezone);
  return {
    performance,
    portalLinks,
    period: `${range.from} to ${range.to}`,
    today: day(new Date()),
    range: { from: range.from, to: range.to },
    costs: costs.map((c) => ({
      id: c.id,
      kind: c.kind,
      amount: formatMoney(c.amountMinor, c.currency),
      on: c.incurredOn.toISOString().slice(0, 10), // the day as entered (kept at noon UTC)
      note: c.note,
    })),
    products: products.map((p) => ({
      id: p.id,
      label:
        p.unitCostMinor == null
          ? `${p.title} (no unit cost)`
          : `${p.title} (${formatMoney(p.unitCostMinor, shop.currency)} each)`,
    })),
    id: influencer.id,
    name: influencer.name,
    email: influencer.email,
    status: influencer.status,
    tags: influencer.tags,
    commission: influencer.commissionBps == null ? "" : bpsToPercent(influencer.commissionBps),
    defaultCommission: bpsToPercent(shop.defaultCommissionBps),
    codes: influencer.codes.map((c) => ({
      id: c.id,
      code: c.code,
      status: c.status,
      terms: `${discountLabel(c, shop.currency)} off`,
      ends: c.endsAt ? c.endsAt.toISOString().slice(0, 10) : null, // the day as entered (its last second, UTC)
    })),
    links: await Promise.all(
      influencer.links.map(async (link) => ({
        id: link.id,
        slug: link.slug,
        destinationPath: link.destinationPath,
        status: link.status,
        ...(await linkWithQr(link, { appUrl, shopDomain: shop.domain })),
      })),
    ),
    payoutEmail: {
      current: influencer.paypalEmail,
      pending:
        influencer.pendingPaypalTokenHash && influencer.pendingPaypalAt
          ? { to: influencer.pendingPaypalEmail || "no PayPal account", on: day(influencer.pendingPaypalAt) }
          : null,
    },
  };
}
