import { ApiVersion } from "@shopify/shopify-api";

/** The newest stable Admin API version @shopify/shopify-api 15 knows; webhooks in shopify.app.toml use it too. */
export const API_VERSION = ApiVersion.October26;
