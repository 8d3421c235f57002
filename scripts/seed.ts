// Seeds a demo shop: products in several categories, a few dozen influencers with codes and links,
// and months of clicks and orders, the same on every run (a seeded random generator). The demo's
// Admin API stand-in is given the same products and discount codes, so the app and "Shopify" agree.
import type { PrismaClient } from "../app/server/platform/db-factory.server";
import { percentOf } from "../app/domain/money";
import { rebuildRollups } from "../app/server/ledger/rollups.server";
import type { AdminApiStandIn } from "../tests/support/admin-api/server";

export const DEMO_SHOP = "demo-store.myshopify.com";
export const DEMO_SCOPES =
  "write_discounts,read_orders,read_products,write_store_credit_account_transactions,write_pixels,read_customer_events";

/** mulberry32: a small, fast, seedable generator, so the demo data is the same on every run. */
export function randomGenerator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

const CATALOGUE = [
  {
    type: "Skincare",
    collections: ["Skincare", "Bestsellers"],
    items: ["Vitamin C Serum", "Hydrating Cleanser", "Night Repair Cream", "SPF 50 Sunscreen"],
    price: [2400, 4800],
  },
  {
    type: "Makeup",
    collections: ["Makeup"],
    items: ["Matte Lipstick", "Volume Mascara", "Glow Highlighter", "Brow Pencil"],
    price: [1400, 3200],
  },
  {
    type: "Haircare",
    collections: ["Haircare"],
    items: ["Repair Shampoo", "Silk Conditioner", "Curl Cream"],
    price: [1800, 3600],
  },
  {
    type: "Fragrance",
    collections: ["Fragrance", "Gifts"],
    items: ["Amber Eau de Parfum", "Citrus Body Mist"],
    price: [5200, 9800],
  },
  {
    type: "Wellness",
    collections: ["Wellness", "Gifts"],
    items: ["Collagen Powder", "Sleep Tea", "Jade Roller"],
    price: [2000, 4400],
  },
  {
    type: "Accessories",
    collections: ["Accessories"],
    items: ["Makeup Bag", "Bamboo Brush Set", "Satin Scrunchies"],
    price: [900, 2800],
  },
] as const;

const FIRST = [
  "Maya",
  "Leo",
  "Aisha",
  "Noah",
  "Zoe",
  "Ethan",
  "Priya",
  "Lucas",
  "Chloe",
  "Mateo",
  "Hana",
  "Omar",
  "Ivy",
  "Kai",
  "Sofia",
  "Jonah",
  "Amara",
  "Felix",
  "Luna",
  "Ravi",
];
const LAST = [
  "Rivera",
  "Chen",
  "Okafor",
  "Larsen",
  "Haddad",
  "Nakamura",
  "Silva",
  "Kowalski",
  "Dubois",
  "Patel",
  "Moreau",
  "Berg",
];
const NICHES = ["skincare", "makeup", "wellness", "fashion", "lifestyle", "beauty"];
const REFERRERS = [
  "instagram.com",
  "www.tiktok.com",
  "www.youtube.com",
  "l.facebook.com",
  "t.co",
  "www.pinterest.com",
  null,
];

export type SeedSize = { influencers: number; days: number; ordersPerDay: number };
export const DEMO_SIZE: SeedSize = { influencers: 36, days: 120, ordersPerDay: 14 };

export async function seedDemoShop(
  db: PrismaClient,
  adminApi: AdminApiStandIn | null,
  size: SeedSize = DEMO_SIZE,
  now = new Date(),
) {
  const rng = randomGenerator(20261130);
  const shopifyShop = adminApi?.shop(DEMO_SHOP);
  // An expiring offline token with its refresh token, as Shopify issues them; without a stand-in
  // (a seeded database for a benchmark) one that no Admin API would take.
  let token = {
    accessToken: "shpat_seeded",
    refreshToken: null as string | null,
    expires: null as Date | null,
    refreshTokenExpires: null as Date | null,
  };
  if (shopifyShop) {
    shopifyShop.name = "Demo Beauty Co.";
    shopifyShop.email = "owner@demo-beauty.example";
    shopifyShop.logo = { url: `${adminApi!.url}/brand/${DEMO_SHOP}/logo.svg`, altText: "Demo Beauty Co." };
    token = adminApi!.grantToken(DEMO_SHOP);
  }
  const shop = await db.shop.create({
    data: {
      domain: DEMO_SHOP,
      handle: "demo-store",
      name: "Demo Beauty Co.",
      email: "owner@demo-beauty.example",
      logoUrl: shopifyShop?.logo?.url ?? null,
      currency: "USD",
      timezone: "America/New_York",
    },
  });
  await db.session.create({
    data: { id: `offline_${DEMO_SHOP}`, shop: DEMO_SHOP, state: "", isOnline: false, scope: DEMO_SCOPES, ...token },
  });

  // Products, in the app's cache and in the stand-in's store.
  const products: Array<{ id: string; shopifyId: string; title: string; type: string; price: number }> = [];
  let productNumber = 8_100_000_000;
  for (const group of CATALOGUE) {
    for (const title of group.items) {
      productNumber += 1;
      const price = Math.round(rng.int(group.price[0], group.price[1]) / 100) * 100 - 1;
      const unitCost = Math.round(price * (0.25 + rng.next() * 0.2));
      const row = await db.product.create({
        data: {
          shopId: shop.id,
          shopifyProductId: String(productNumber),
          title,
          productType: group.type,
          collections: JSON.stringify(group.collections),
          unitCostMinor: unitCost,
        },
      });
      products.push({ id: row.id, shopifyId: row.shopifyProductId, title, type: group.type, price });
      shopifyShop?.products.set(productNumber, {
        id: productNumber,
        title,
        handle: title.toLowerCase().replace(/\W+/g, "-"),
        productType: group.type,
        vendor: "Demo Beauty Co.",
        collections: [...group.collections],
        price: (price / 100).toFixed(2),
        unitCost: (unitCost / 100).toFixed(2),
      });
    }
  }

  // Influencers: a few stars, a long tail, some paused. Each favours a couple of categories.
  const influencers = [];
  for (let i = 0; i < size.influencers; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i * 7) % LAST.length];
    const name = `${first} ${last}`;
    const code = `${first.toUpperCase()}${10 + (i % 90)}`;
    const status = i % 11 === 10 ? "PAUSED" : "ACTIVE";
    const influencer = await db.influencer.create({
      data: {
        shopId: shop.id,
        name,
        email: `${first}.${last}${i}@creators.example`.toLowerCase(),
        status,
        tags: [rng.pick(NICHES), i < 6 ? "top-tier" : ""].filter(Boolean).join(","),
        commissionBps: i % 5 === 0 ? 1500 : null,
        shopifyCustomerId: i % 3 === 0 ? String(60_000 + i) : null, // a customer too: can take store credit
        paypalEmail: i % 3 === 0 ? null : `${first}.${last}${i}@paypal.example`.toLowerCase(),
        audienceSize: rng.int(4, 600) * 1000,
        socialProfiles: `https://instagram.com/${first.toLowerCase()}${last.toLowerCase()}`,
        createdAt: new Date(now.getTime() - (size.days + 10) * 86_400_000),
      },
    });
    const discountId = 9_000_000 + i;
    const discount = await db.discountCode.create({
      data: {
        shopId: shop.id,
        influencerId: influencer.id,
        code,
        codeKey: code.toUpperCase(),
        shopifyDiscountId: `gid://shopify/DiscountCodeNode/${discountId}`,
        percentBps: i % 4 === 0 ? 1500 : 1000,
        status: status === "ACTIVE" ? "ACTIVE" : "INACTIVE",
      },
    });
    shopifyShop?.discounts.set(discountId, {
      id: discountId,
      title: `${name} referral`,
      code,
      percentage: (discount.percentBps ?? 1000) / 10000,
      amount: null,
      appliesOncePerCustomer: false,
      usageLimit: null,
      minimumSubtotal: null,
      startsAt: influencer.createdAt.toISOString(),
      endsAt: null,
      combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: true },
      active: status === "ACTIVE",
      usageCount: 0,
    });
    const link = await db.referralLink.create({
      data: {
        shopId: shop.id,
        influencerId: influencer.id,
        slug: `${first}-${last}-${i}`.toLowerCase(),
        discountCodeId: discount.id,
        status: status === "ACTIVE" ? "ACTIVE" : "PAUSED",
      },
    });
    const pull = i < 6 ? 3 + rng.next() * 3 : 0.2 + rng.next() * 1.2; // stars sell several times more
    const favourite: string[] = [rng.pick(CATALOGUE).type, rng.pick(CATALOGUE).type];
    influencers.push({ influencer, discount, link, pull, favourite });
  }

  // Clicks and orders per day, attributed by code or by link.
  const sold: SoldOrder[] = [];
  const voided: Array<Omit<SoldOrder, "netMinor">> = [];
  const totalPull = influencers.reduce((sum, x) => sum + x.pull, 0);
  let orderNumber = 1000;
  const clicks = [];
  const dayMs = 86_400_000;
  for (let day = size.days; day >= 0; day--) {
    const dayStart = now.getTime() - day * dayMs;
    for (const entry of influencers) {
      const dailyClicks = Math.round((entry.pull / totalPull) * size.ordersPerDay * 25 * (0.6 + rng.next() * 0.8));
      for (let c = 0; c < dailyClicks; c++) {
        const referrer = rng.pick(REFERRERS);
        clicks.push({
          shopId: shop.id,
          linkId: entry.link.id,
          influencerId: entry.influencer.id,
          occurredAt: new Date(dayStart + rng.int(0, dayMs - 1)),
          visitorHash: `demo-${rng.int(1, 1e9)}`,
          referrerHost: referrer,
          utmSource: referrer ? referrer.replace(/^(www\.|l\.)/, "").split(".")[0] : null,
          isBot: rng.chance(0.03),
          counted: true,
        });
      }
    }
    const orders = Math.round(size.ordersPerDay * (0.7 + rng.next() * 0.6));
    for (let o = 0; o < orders; o++) {
      let pick = rng.next() * totalPull;
      const entry = influencers.find((x) => (pick -= x.pull) <= 0) ?? influencers[0];
      const viaCode = rng.chance(0.65);
      const lines = [];
      const lineCount = rng.int(1, 3);
      for (let l = 0; l < lineCount; l++) {
        const favoured = products.filter((p) => entry.favourite.includes(p.type));
        const product = rng.chance(0.7) && favoured.length ? rng.pick(favoured) : rng.pick(products);
        const quantity = rng.chance(0.8) ? 1 : 2;
        lines.push({ product, quantity, gross: product.price * quantity });
      }
      const subtotal = lines.reduce((sum, l) => sum + l.gross, 0);
      const discount = Math.round((subtotal * (entry.discount.percentBps ?? 1000)) / 10000);
      const shipping = subtotal > 5000 ? 0 : 595;
      const taxes = Math.round((subtotal - discount) * 0.07);
      const cancelled = rng.chance(0.02);
      const refunded = !cancelled && rng.chance(0.05) ? Math.round((subtotal - discount) * 0.5) : 0;
      const placedAt = new Date(dayStart + rng.int(0, dayMs - 1));
      orderNumber += 1;
      const created = await db.order.create({
        data: {
          shopId: shop.id,
          shopifyOrderId: String(5_500_000_000 + orderNumber),
          name: `#${orderNumber}`,
          influencerId: entry.influencer.id,
          source: viaCode ? "CODE" : "LINK",
          attributedCode: viaCode ? entry.discount.code : null,
          attributedSlug: viaCode ? null : entry.link.slug,
          attributionReason: viaCode
            ? `discount code ${entry.discount.code}`
            : `referral link ${entry.link.slug} (last click)`,
          isNewCustomer: rng.chance(0.62),
          customerShopifyId: String(rng.int(1, 4000)),
          currency: "USD",
          subtotalMinor: subtotal,
          discountsMinor: discount,
          shippingMinor: shipping,
          taxesMinor: taxes,
          totalMinor: subtotal - discount + shipping + taxes,
          refundedMinor: refunded,
          netSalesMinor: cancelled ? 0 : subtotal - discount - refunded,
          financialStatus: refunded ? "partially_refunded" : "paid",
          cancelledAt: cancelled ? placedAt : null,
          placedAt,
          lines: {
            create: lines.map((l, index) => ({
              shopId: shop.id,
              shopifyLineId: `${orderNumber}${index}`,
              productId: l.product.id,
              shopifyProductId: l.product.shopifyId,
              title: l.product.title,
              productType: l.product.type,
              quantity: l.quantity,
              netMinor: l.gross - Math.round((l.gross * (entry.discount.percentBps ?? 1000)) / 10000),
            })),
          },
        },
      });
      if (!cancelled) {
        sold.push({
          orderId: created.id,
          influencerId: entry.influencer.id,
          placedAt,
          grossMinor: subtotal - discount,
          netMinor: subtotal - discount - refunded,
          rateBps: entry.influencer.commissionBps ?? 1000,
        });
      } else {
        voided.push({
          orderId: created.id,
          influencerId: entry.influencer.id,
          placedAt,
          grossMinor: subtotal - discount,
          rateBps: entry.influencer.commissionBps ?? 1000,
        });
      }
    }
  }
  for (let i = 0; i < clicks.length; i += 500) await db.click.createMany({ data: clicks.slice(i, i + 500) });
  await seedCommissions(db, shop.id, sold, voided, now);
  // Flat fees and gifted products for the stars: the old way of paying, for comparison.
  const costs = influencers.slice(0, 8).flatMap((entry, i) => [
    {
      shopId: shop.id,
      influencerId: entry.influencer.id,
      kind: "FLAT_FEE" as const,
      amountMinor: 15_000 + i * 2_500,
      currency: "USD",
      incurredOn: new Date(now.getTime() - (10 + i * 9) * 86_400_000),
      note: "Sponsored post",
    },
    {
      shopId: shop.id,
      influencerId: entry.influencer.id,
      kind: "GIFTED_PRODUCT" as const,
      amountMinor: 2_400 + i * 300,
      currency: "USD",
      incurredOn: new Date(now.getTime() - (40 + i * 5) * 86_400_000),
      note: "Launch kit",
    },
  ]);
  await db.cost.createMany({ data: costs });
  // Outreach: prospects to pitch, applications waiting for approval, practices worth sharing.
  await db.influencer.createMany({
    data: [
      {
        shopId: shop.id,
        name: "Priya Nair",
        email: "priya.nair@creators.example",
        status: "PROSPECT",
        audienceSize: 84_000,
        socialProfiles: "https://instagram.com/priyaglow",
      },
      {
        shopId: shop.id,
        name: "Tom Becker",
        email: "tom.becker@creators.example",
        status: "PROSPECT",
        audienceSize: 31_000,
        socialProfiles: "https://youtube.com/@tombecker",
      },
      {
        shopId: shop.id,
        name: "Aiko Tanaka",
        email: "aiko.tanaka@creators.example",
        status: "PROSPECT",
        audienceSize: 152_000,
        socialProfiles: "https://tiktok.com/@aikoskin",
      },
      {
        shopId: shop.id,
        name: "Lena Fischer",
        email: "lena.fischer@creators.example",
        status: "APPLIED",
        audienceSize: 46_000,
        categories: "skincare, clean beauty",
        socialProfiles: "https://instagram.com/lenaskin\nhttps://youtube.com/@lenaskin",
        message: "I review one routine a week and my followers ask where to buy. Your serums fit my audience.",
      },
      {
        shopId: shop.id,
        name: "Marco Rossi",
        email: "marco.rossi@creators.example",
        status: "APPLIED",
        audienceSize: 12_500,
        categories: "grooming",
        socialProfiles: "https://tiktok.com/@marcogrooms",
      },
    ],
  });
  await db.bestPracticeNote.createMany({
    data: [
      {
        shopId: shop.id,
        title: "Show the routine, not the unboxing",
        body: "Top partners film the product in use, morning and evening, and say how long it took to see a difference.",
      },
      {
        shopId: shop.id,
        title: "Put the code in the first line",
        body: "Codes typed at checkout bring most orders: say it early and pin it under the video.",
      },
    ],
  });
  await rebuildRollups(db, shop.id);
  return { shop, influencers: influencers.length, orders: orderNumber - 1000, clicks: clicks.length };
}

type SoldOrder = {
  orderId: string;
  influencerId: string;
  placedAt: Date;
  grossMinor: number;
  netMinor: number;
  rateBps: number;
};

/**
 * Commissions as the app would have made them: 10 % (or the influencer's rate) of each order,
 * refunds clawed back, cancelled orders void; approved after the 30-day hold; everything older
 * than two months paid out a month ago. Written in bulk so the demo starts quickly.
 */
async function seedCommissions(
  db: PrismaClient,
  shopId: string,
  sold: SoldOrder[],
  voided: Array<Omit<SoldOrder, "netMinor">>,
  now: Date,
) {
  const day = 86_400_000;
  const paidBefore = new Date(now.getTime() - 60 * day);
  const payouts = new Map<string, string>();
  for (const influencerId of new Set(sold.filter((o) => o.placedAt < paidBefore).map((o) => o.influencerId))) {
    const payout = await db.payout.create({
      data: {
        shopId,
        influencerId,
        status: "PAID",
        method: "PAYPAL",
        amountMinor: 0,
        currency: "USD",
        reference: `PAYPAL-${influencerId.slice(-6).toUpperCase()}`,
        paidAt: new Date(now.getTime() - 30 * day),
      },
    });
    payouts.set(influencerId, payout.id);
  }
  const rule = (rateBps: number) =>
    JSON.stringify({
      terms: {
        kind: "PERCENT",
        percentBps: rateBps,
        fixedMinor: 0,
        tiers: [],
        overrides: [],
        newCustomerBonusMinor: 0,
      },
      lastMonthSalesMinor: 0,
    });
  const rows = sold.map((o) => {
    const paid = o.placedAt < paidBefore;
    const approved = o.placedAt.getTime() < now.getTime() - 30 * day;
    return {
      id: `cm${o.orderId}`,
      shopId,
      influencerId: o.influencerId,
      orderId: o.orderId,
      status: paid ? ("PAID" as const) : approved ? ("APPROVED" as const) : ("PENDING" as const),
      amountMinor: percentOf(o.grossMinor, o.rateBps),
      baseMinor: o.grossMinor,
      currency: "USD",
      rule: rule(o.rateBps),
      holdUntil: new Date(o.placedAt.getTime() + 30 * day),
      approvedAt: approved ? new Date(o.placedAt.getTime() + 30 * day) : null,
      paidAt: paid ? new Date(now.getTime() - 30 * day) : null,
      payoutId: paid ? payouts.get(o.influencerId)! : null,
    };
  });
  const voidRows = voided.map((o) => ({
    id: `cm${o.orderId}`,
    shopId,
    influencerId: o.influencerId,
    orderId: o.orderId,
    status: "VOID" as const,
    amountMinor: percentOf(o.grossMinor, o.rateBps),
    baseMinor: o.grossMinor,
    currency: "USD",
    rule: rule(o.rateBps),
    holdUntil: new Date(o.placedAt.getTime() + 30 * day),
  }));
  for (let i = 0; i < rows.length; i += 500) await db.commission.createMany({ data: rows.slice(i, i + 500) });
  for (let i = 0; i < voidRows.length; i += 500) await db.commission.createMany({ data: voidRows.slice(i, i + 500) });
  const adjustments = sold
    .filter((o) => o.netMinor !== o.grossMinor)
    .map((o) => ({
      shopId,
      influencerId: o.influencerId,
      commissionId: `cm${o.orderId}`,
      amountMinor: percentOf(o.netMinor, o.rateBps) - percentOf(o.grossMinor, o.rateBps),
      currency: "USD",
      reason: "Refunded to the shopper",
      sourceKey: `cm${o.orderId}:adjustment:1`,
      payoutId: o.placedAt < paidBefore ? payouts.get(o.influencerId)! : null,
    }));
  if (adjustments.length) await db.commissionAdjustment.createMany({ data: adjustments });
  for (const payoutId of payouts.values()) {
    const total =
      rows.filter((r) => r.payoutId === payoutId).reduce((s, r) => s + r.amountMinor, 0) +
      adjustments.filter((a) => a.payoutId === payoutId).reduce((s, a) => s + a.amountMinor, 0);
    await db.payout.update({ where: { id: payoutId }, data: { amountMinor: total } });
  }
}
