// Rows for tests, with defaults a merchant's data would have. Overrides name only what a test cares about.
import type { PrismaClient } from "~/db-factory.server";

let counter = 0;
const next = () => ++counter;

export async function shopRow(db: PrismaClient, domain: string) {
  const handle = domain.replace(/\.myshopify\.com$/, "");
  return db.shop.upsert({ where: { domain }, create: { domain, handle, name: handle }, update: {} });
}

export async function seedInfluencer(
  db: PrismaClient,
  domain: string,
  overrides: Partial<{ name: string; email: string; status: "ACTIVE" | "PAUSED" | "ARCHIVED" | "PROSPECT"; tags: string }> = {},
) {
  const shop = await shopRow(db, domain);
  const n = next();
  return db.influencer.create({
    data: { shopId: shop.id, name: `Influencer ${n}`, email: `influencer${n}@example.com`, ...overrides },
  });
}

export async function seedOrder(
  db: PrismaClient,
  domain: string,
  overrides: Partial<{
    name: string;
    shopifyOrderId: string;
    customerShopifyId: string;
    customerEmail: string;
    totalMinor: number;
    netSalesMinor: number;
    influencerId: string;
    placedAt: Date;
  }> = {},
) {
  const shop = await shopRow(db, domain);
  const n = next();
  return db.order.create({
    data: {
      shopId: shop.id,
      shopifyOrderId: String(5_000_000 + n),
      name: `#${1000 + n}`,
      currency: shop.currency,
      totalMinor: 1000,
      netSalesMinor: 1000,
      subtotalMinor: 1000,
      placedAt: new Date(),
      ...overrides,
    },
  });
}
