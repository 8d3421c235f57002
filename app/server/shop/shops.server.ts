// Shops: install state, settings, and the two ways their data leaves (uninstall, shop/redact).
import type { Tx } from "../platform/db.server";
import { adminQuery, type AdminGraphql } from "../platform/admin-api.server";
import { upsertRacing } from "../platform/db-errors.server";
import { shopLogoUrl } from "./shop-brand.server";

const SHOP_DETAILS = `#graphql
  query ShopDetails {
    shop { name email currencyCode ianaTimezone myshopifyDomain }
  }`;

type ShopDetails = {
  shop: { name: string; email: string | null; currencyCode: string; ianaTimezone: string; myshopifyDomain: string };
};

/** `example-store.myshopify.com` -> `example-store`: the public handle of /apply/:handle. */
export function shopHandle(domain: string): string {
  return domain.replace(/\.myshopify\.com$/, "").toLowerCase();
}

/** The shop row for an authenticated session's shop, created on first sight. */
export async function shopForDomain(db: Tx, domain: string) {
  const found = await db.shop.findUnique({ where: { domain } });
  if (found) return found;
  return upsertRacing(() =>
    db.shop.upsert({
      where: { domain },
      create: { domain, handle: shopHandle(domain), name: shopHandle(domain) },
      update: {},
    }),
  );
}

/**
 * After install or re-auth: name, currency, timezone and logo from Shopify; the shop is installed
 * again. A logo Shopify did not give this time keeps the one stored: influencers' pages do without.
 */
export async function syncShopDetails(db: Tx, domain: string, graphql: AdminGraphql) {
  const { shop } = await adminQuery<ShopDetails>(graphql, SHOP_DETAILS);
  const logoUrl = await shopLogoUrl(domain).catch((error: Error) => {
    console.error(`logo of ${domain} not read: ${error.message}`);
    return undefined;
  });
  const details = {
    ...(logoUrl !== undefined ? { logoUrl } : {}),
    name: shop.name,
    email: shop.email,
    currency: shop.currencyCode,
    timezone: shop.ianaTimezone,
    status: "INSTALLED" as const,
    uninstalledAt: null,
    adminAccessError: null,
    adminAccessErrorAt: null,
  };
  return upsertRacing(() =>
    db.shop.upsert({
      where: { domain },
      create: { domain, handle: shopHandle(domain), ...details },
      update: details,
    }),
  );
}

/**
 * Whether background work reached the shop's Admin API: `reason` when a token could not be
 * renewed (shown on Home, kept until a token works again), null when it worked.
 */
export async function recordAdminAccess(db: Tx, domain: string, reason: string | null) {
  await db.shop.updateMany({
    where: reason ? { domain } : { domain, NOT: { adminAccessError: null } },
    data: { adminAccessError: reason, adminAccessErrorAt: reason ? new Date() : null },
  });
}

/** app/uninstalled: the access token is dead, so sessions go; the data stays until shop/redact. */
export async function markUninstalled(db: Tx, domain: string, at: Date) {
  await db.session.deleteMany({ where: { shop: domain } });
  await db.shop.updateMany({ where: { domain }, data: { status: "UNINSTALLED", uninstalledAt: at } });
}

/**
 * shop/redact (48 hours after uninstall): every row of the shop goes, through the cascade from
 * Shop, and so do its sessions and stored webhook payloads, except the event being processed.
 */
export async function deleteShopData(db: Tx, domain: string, keepEventId?: string) {
  await db.shop.deleteMany({ where: { domain } });
  await db.session.deleteMany({ where: { shop: domain } });
  await db.webhookEvent.deleteMany({
    where: { shopDomain: domain, ...(keepEventId ? { NOT: { webhookId: keepEventId } } : {}) },
  });
}

export async function shopById(db: Tx, id: string) {
  return db.shop.findUniqueOrThrow({ where: { id } });
}
