// The few figures the home page shows until the full dashboard lands.
import type { Tx } from "../db.server";

export async function homeSummary(db: Tx, shopId: string, now: Date) {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [activeInfluencers, orders, clicks, failedWebhooks] = await Promise.all([
    db.influencer.count({ where: { shopId, status: "ACTIVE" } }),
    db.order.aggregate({
      where: { shopId, influencerId: { not: null }, test: false, cancelledAt: null, placedAt: { gte: since } },
      _count: true,
      _sum: { netSalesMinor: true },
    }),
    db.click.count({ where: { shopId, counted: true, occurredAt: { gte: since } } }),
    db.shop
      .findUnique({ where: { id: shopId }, select: { domain: true } })
      .then((shop) => (shop ? db.webhookEvent.count({ where: { shopDomain: shop.domain, status: "FAILED" } }) : 0)),
  ]);
  return {
    activeInfluencers,
    attributedOrders: orders._count,
    attributedNetSalesMinor: orders._sum.netSalesMinor ?? 0,
    clicks,
    failedWebhooks,
  };
}
