// The webhook topics the app subscribes to, each answered at /webhooks/<topic>: the one list that
// the server's fast path, the Remix route (webhooks.$.tsx), the processors (a Record over these
// topics, so a topic without one does not compile) and the shopify.app.toml check all read.
export const WEBHOOK_TOPICS = [
  "orders/create",
  "orders/updated",
  "orders/paid",
  "orders/cancelled",
  "refunds/create",
  "products/update",
  "app/uninstalled",
  "app/scopes_update",
  "customers/data_request",
  "customers/redact",
  "shop/redact",
] as const;

export type WebhookTopic = (typeof WEBHOOK_TOPICS)[number];

/** The topic answered at /webhooks/<path>, if any. */
export function webhookTopicAt(path: string): WebhookTopic | undefined {
  return WEBHOOK_TOPICS.find((topic) => topic === path);
}
