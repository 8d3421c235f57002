// The one configured Shopify client. Nothing else in the app knows how Shopify auth works:
// routes call `authenticate.admin(request)`, `authenticate.webhook(request)` or `unauthenticated`.
import "@shopify/shopify-app-remix/adapters/node";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { API_VERSION } from "./api-version";
import db from "./server/platform/db.server";
import { env } from "./server/platform/env.server";
import { syncShopDetails } from "./server/shop/shops.server";
import { connectWebPixel } from "./server/shop/web-pixel.server";
import { adminFetchThroughStandIn } from "./stand-in/admin-fetch.server";
import { encryptedSessionStorage, tokenKey } from "./server/platform/token-vault.server";

const config = env();

if (config.SHOPIFY_ADMIN_API_STAND_IN) {
  // Demo and tests: every Admin API call goes to the local stand-in. env() refuses this in production.
  setAbstractFetchFunc(adminFetchThroughStandIn(config.SHOPIFY_ADMIN_API_STAND_IN, globalThis.fetch));
}

const shopify = shopifyApp({
  apiKey: config.SHOPIFY_API_KEY,
  apiSecretKey: config.SHOPIFY_API_SECRET,
  apiVersion: API_VERSION,
  scopes: config.SCOPES.split(","),
  appUrl: config.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: encryptedSessionStorage(
    new PrismaSessionStorage(db),
    tokenKey(config.SHOPIFY_API_SECRET, config.TOKEN_ENCRYPTION_KEY),
  ),
  distribution: AppDistribution.AppStore,
  // Expiring offline tokens with refresh tokens: Shopify refuses non-expiring ones from 2027-01-01.
  // Background work renews them through shopify-access.server.ts.
  future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
  hooks: {
    afterAuth: async ({ session, admin }) => {
      await syncShopDetails(db, session.shop, admin.graphql);
      // The pixel attributes orders whose cart lost the ref; the app works without it, so a
      // failure is logged and tried again at the next authentication, never a failed install.
      try {
        const pixel = await connectWebPixel(admin.graphql, config.SHOPIFY_APP_URL);
        if (!pixel.ok) console.error(`web pixel for ${session.shop} not saved: ${pixel.error}`);
      } catch (error) {
        console.error(`web pixel for ${session.shop} not saved: ${(error as Error).message}`);
      }
    },
  },
  ...(config.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [config.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
