// Rows for tests, with defaults a merchant's data would have. Overrides name only what a test cares about.
import { emailHashWith, shopperKey } from "~/server/platform/shopper-email.server";
import type { PrismaClient } from "~/server/platform/db-factory.server";
import { TEST_API_SECRET } from "./constants";

let counter = 0;
const next = () => ++counter;

export async function shopRow(db: PrismaClient, domain: string) {
  const handle = domain.replace(/\.myshopify\.com$/, "");
  return db.shop.upsert({ where: { domain }, create: { domain, handle, name: handle }, update: {} });
}

export async function seedInfluencer(
  db: PrismaClient,
  domain: string,
  overrides: Partial<{
    name: string;
    email: string;
    status: "ACTIVE" | "PAUSED" | "ARCHIVED" | "PROSPECT";
    tags: string;
  }> = {},
) {
  const shop = await shopRow(db, domain);
  const n = next();
  return db.influencer.create({
    data: { shopId: shop.id, name: `Influencer ${n}`, email: `influencer${n}@example.com`, ...overrides },
  });
}

/** The stored hash of a shopper's email, as the app under test (keyed from the test secret) makes it. */
export const testEmailHash = (email: string) => emailHashWith(shopperKey(TEST_API_SECRET), email);

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
  const { customerEmail, ...columns } = overrides;
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
      customerEmailHash: customerEmail ? testEmailHash(customerEmail) : null,
      ...columns,
    },
  });
}

/** An active influencer with an active code (known to Shopify as `shopifyDiscountId`) and a link. */
export async function seedInfluencerWithLink(
  db: PrismaClient,
  domain: string,
  options: {
    slug: string;
    code: string;
    destinationPath?: string;
    linkStatus?: "ACTIVE" | "PAUSED";
    email?: string;
    shopifyCustomerId?: string;
  },
) {
  const influencer = await seedInfluencer(db, domain, options.email ? { email: options.email } : {});
  if (options.shopifyCustomerId) {
    await db.influencer.update({
      where: { id: influencer.id },
      data: { shopifyCustomerId: options.shopifyCustomerId },
    });
  }
  const code = await db.discountCode.create({
    data: {
      shopId: influencer.shopId,
      influencerId: influencer.id,
      code: options.code,
      codeKey: options.code.toUpperCase(),
      shopifyDiscountId: `gid://shopify/DiscountCodeNode/${next() + 7_000_000}`,
      percentBps: 1000,
      status: "ACTIVE",
    },
  });
  const link = await db.referralLink.create({
    data: {
      shopId: influencer.shopId,
      influencerId: influencer.id,
      slug: options.slug,
      destinationPath: options.destinationPath ?? "/",
      discountCodeId: code.id,
      status: options.linkStatus ?? "ACTIVE",
    },
  });
  return { influencer, code, link };
}

/** Polls until `check` returns a value that is not null/false, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The settings page's form with every field a merchant sees, as a new shop has them; `changes` on top. */
export function settingsForm(changes: Record<string, string> = {}): Record<string, string> {
  return {
    commissionKind: "PERCENT",
    commissionPercent: "10",
    fixedAmount: "0",
    tiers: "",
    overrides: "",
    newCustomerBonus: "0",
    holdPeriodDays: "30",
    payoutThreshold: "50",
    attributionWindowDays: "30",
    attributionMode: "CODE_AND_LINK",
    linkCredit: "LAST_CLICK",
    ...changes,
  };
}
