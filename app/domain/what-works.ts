// What top performers do differently: the top quarter of influencers by net sales against the
// rest, on the levers a merchant controls or can coach (discount, code or link, order value,
// categories).
export type Performer = {
  netSalesMinor: number;
  orders: number;
  codeOrders: number;
  linkOrders: number;
  discountBps: number | null; // their codes' average percentage off, if percentage codes
  topCategory: string | null;
};

export type GroupProfile = {
  influencers: number;
  averageNetSalesMinor: number;
  averageOrderValueMinor: number | null;
  linkShare: number | null; // of their orders, the share that came by link rather than code
  averageDiscountBps: number | null;
  topCategories: Array<{ category: string; influencers: number }>;
};

function profile(group: Performer[]): GroupProfile {
  const orders = group.reduce((s, p) => s + p.orders, 0);
  const net = group.reduce((s, p) => s + p.netSalesMinor, 0);
  const attributed = group.reduce((s, p) => s + p.codeOrders + p.linkOrders, 0);
  const discounts = group.map((p) => p.discountBps).filter((d): d is number => d !== null);
  const categories = new Map<string, number>();
  for (const p of group) if (p.topCategory) categories.set(p.topCategory, (categories.get(p.topCategory) ?? 0) + 1);
  return {
    influencers: group.length,
    averageNetSalesMinor: group.length ? Math.round(net / group.length) : 0,
    averageOrderValueMinor: orders ? Math.round(net / orders) : null,
    linkShare: attributed ? group.reduce((s, p) => s + p.linkOrders, 0) / attributed : null,
    averageDiscountBps: discounts.length ? Math.round(discounts.reduce((a, b) => a + b, 0) / discounts.length) : null,
    topCategories: [...categories.entries()]
      .map(([category, influencers]) => ({ category, influencers }))
      .sort((a, b) => b.influencers - a.influencers || a.category.localeCompare(b.category))
      .slice(0, 3),
  };
}

/** The top quarter (at least one) of influencers with sales, against everyone else with sales. */
export function compareTopPerformers(performers: Performer[]): { top: GroupProfile; rest: GroupProfile } {
  const selling = [...performers].filter((p) => p.orders > 0).sort((a, b) => b.netSalesMinor - a.netSalesMinor);
  const topCount = selling.length ? Math.max(1, Math.ceil(selling.length / 4)) : 0;
  return { top: profile(selling.slice(0, topCount)), rest: profile(selling.slice(topCount)) };
}
