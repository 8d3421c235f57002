// What the portal shows, in the influencer's words: money in the shop's currency, days in the
// shop's time zone, a QR code for each link.
import { linkWithQr } from "~/components/link-qr.server";
import { discountLabel } from "~/domain/codes";
import { formatMoney } from "~/domain/money";
import { bpsToPercent } from "~/domain/percent";
import { shopDay } from "~/domain/shop-time";
import type { PortalFigures } from "~/server/program/portal.server";

export async function portalPage(figures: PortalFigures, appUrl: string) {
  const { influencer, shop, range, performance, earnings, payouts, notes } = figures;
  const money = (minor: number) => formatMoney(minor, shop.currency);
  return {
    shopName: shop.name || shop.handle,
    logoUrl: shop.logoUrl,
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
    earnings: {
      pending: money(earnings.pending),
      approved: money(earnings.payable + earnings.inPayout),
      paid: money(earnings.paid),
    },
    topCategories: performance.topCategories.map((c) => ({
      name: c.category,
      sales: money(c.netSalesMinor),
      units: c.units,
    })),
    topProducts: performance.topProducts.map((p) => ({ name: p.title, sales: money(p.netSalesMinor), units: p.units })),
    codes: influencer.codes.map((c) => ({ code: c.code, discount: `${discountLabel(c, shop.currency)} off` })),
    links: await Promise.all(influencer.links.map((link) => linkWithQr(link, { appUrl, shopDomain: shop.domain }))),
    payouts: payouts.map((p) => ({
      id: p.id,
      amount: formatMoney(p.amountMinor, p.currency),
      status: p.status,
      on: shopDay(p.paidAt ?? p.createdAt, shop.timezone),
      method: p.method,
    })),
    paypalEmail: influencer.paypalEmail ?? "",
    pendingPaypalEmail: influencer.pendingPaypalTokenHash ? influencer.pendingPaypalEmail || "(none)" : null,
    notes,
    currency: shop.currency,
  };
}
