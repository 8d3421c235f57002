// Webhook ingestion throughput through the app, end to end (HMAC verified, stored in the inbox,
// attributed, amounts, commission and roll-ups settled: the run lasts until the last delivered
// event is processed) as a ratio of the least work that could take the same deliveries, in the
// same run: HMAC plus one INSERT of the event's row through the driver itself (pg or libsql),
// same database. On SQLite and PostgreSQL, with the p99 of the answers at 50 concurrent senders.
// Workloads: new orders only (orders/create), and a mix closer to a live shop (half new orders,
// 30% orders/updated and 20% refunds/create of recent orders); each with the bench's small
// orders (about 1 KB) and with Shopify's own 2026-07 examples (about 10 KB an order, as Shopify
// sends them). Each server first takes a second of the same load, not counted: a fresh server
// compiles its queries and code on its first requests, which is a start-up cost, not a rate.
import { createHmac, randomUUID } from "node:crypto";
import path from "node:path";
import type autocannon from "autocannon";
import { createDb } from "../app/server/platform/db-factory.server";
import { buildAppIfStale } from "../scripts/build-app";
import { benchDatabase } from "./support/databases";
import { load, median, report, startServer } from "./support/harness";
import { moneySet } from "../tests/support/orders";
import { shopifyExample } from "../tests/support/shopify-examples";

const root = path.resolve(import.meta.dirname, "..");
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const connections = 50;
const secret = "bench-secret";
const shopDomain = "bench-shop.myshopify.com";

type Mix = "create" | "mixed";
type Payloads = "small" | "shopify";

const example = (topic: string) => shopifyExample<Record<string, unknown>>("2026-07", topic);
const EXAMPLES = {
  order: example("orders/create"),
  updated: example("orders/updated"),
  refund: example("refunds/create"),
};

const FIRST_ORDER = 1_000_000;
const epoch = Date.now();
let orderId = FIRST_ORDER;
let refundId = 1;
const recent: number[] = [];

/** One delivery: a new order, or (mixed) an update or a refund of one of the last 200 orders. */
function nextDelivery(mix: Mix, payloads: Payloads): { topic: string; payload: unknown } {
  const order = payloads === "shopify" ? shopifyOrder : orderPayload;
  const roll = Math.random();
  const known = recent.length ? recent[Math.floor(Math.random() * recent.length)] : null;
  if (mix === "mixed" && known && roll < 0.3)
    return { topic: "orders/updated", payload: order(known, "paid", new Date(Date.now() + 1000)) };
  if (mix === "mixed" && known && roll < 0.5) {
    const refund = {
      id: refundId++,
      order_id: known,
      created_at: new Date().toISOString(),
      refund_line_items: [{ line_item_id: known * 10 + 1, quantity: 1, subtotal_set: moneySet("36.00") }],
    };
    return { topic: "refunds/create", payload: payloads === "shopify" ? shopifyRefund(refund) : refund };
  }
  orderId += 1;
  recent.push(orderId);
  if (recent.length > 200) recent.shift();
  return { topic: "orders/create", payload: order(orderId, "pending", new Date()) };
}

/** Shopify's example order, as this shop would send it: its own id, code, customer and products. */
function shopifyOrder(id: number, financialStatus: string, updatedAt: Date) {
  const small = orderPayload(id, financialStatus, updatedAt);
  const base = structuredClone(financialStatus === "paid" ? EXAMPLES.updated : EXAMPLES.order);
  const lines = (base.line_items as Array<Record<string, unknown>>).map((line, i) => ({
    ...line,
    id: id * 10 + i,
    product_id: i % 2 ? 556 : 555,
  }));
  return {
    ...base,
    id,
    name: small.name,
    test: false,
    created_at: small.created_at,
    updated_at: small.updated_at,
    financial_status: financialStatus,
    cancelled_at: null,
    refunds: [],
    customer: { ...(base.customer as object), ...small.customer },
    discount_codes: small.discount_codes.map((c) => ({ ...c, amount: "10.00", type: "fixed_amount" })),
    line_items: lines,
  };
}

/** Shopify's example refund, of one line of a recent order. */
function shopifyRefund(refund: { id: number; order_id: number; created_at: string; refund_line_items: unknown[] }) {
  const base = structuredClone(EXAMPLES.refund);
  const [first] = base.refund_line_items as Array<Record<string, unknown>>;
  return {
    ...base,
    id: refund.id,
    order_id: refund.order_id,
    created_at: refund.created_at,
    refund_line_items: [{ ...first, ...(refund.refund_line_items[0] as object) }],
  };
}

function orderPayload(id: number, financialStatus: string, updatedAt: Date) {
  const money = moneySet;
  return {
    id,
    name: `#${id}`,
    test: false,
    created_at: new Date(epoch + (id - FIRST_ORDER)).toISOString(),
    updated_at: updatedAt.toISOString(),
    financial_status: financialStatus,
    customer: { id: id % 5000, email: `buyer${id % 5000}@example.com` },
    discount_codes: [{ code: id % 2 ? "BENCH10" : "OTHER" }],
    note_attributes: [],
    subtotal_price_set: money("90.00"),
    total_discounts_set: money("10.00"),
    total_shipping_price_set: money("5.00"),
    total_tax_set: money("7.20"),
    total_price_set: money("102.20"),
    line_items: [
      {
        id: id * 10,
        product_id: 555,
        title: "Serum",
        quantity: 2,
        price_set: money("30.00"),
        discount_allocations: [{ amount_set: money("6.00") }],
      },
      {
        id: id * 10 + 1,
        product_id: 556,
        title: "Cream",
        quantity: 1,
        price_set: money("40.00"),
        discount_allocations: [{ amount_set: money("4.00") }],
      },
    ],
    refunds: [],
  };
}

function orderRequests(mix: Mix, payloads: Payloads, shop = shopDomain): autocannon.Request[] {
  return [
    {
      method: "POST",
      path: "/webhooks/orders/create",
      setupRequest: (request) => {
        const { topic, payload } = nextDelivery(mix, payloads);
        const body = JSON.stringify(payload);
        return {
          ...request,
          path: `/webhooks/${topic}`,
          body,
          headers: {
            "Content-Type": "application/json",
            "X-Shopify-Topic": topic,
            "X-Shopify-Shop-Domain": shop,
            "X-Shopify-API-Version": "2026-07",
            "X-Shopify-Webhook-Id": randomUUID(),
            "X-Shopify-Hmac-Sha256": createHmac("sha256", secret).update(body).digest("base64"),
          },
        };
      },
    },
  ];
}

async function prepare(kind: "sqlite" | "postgresql") {
  const { databaseUrl, cleanup } = await benchDatabase(kind, "webhooks");
  const db = createDb(databaseUrl);
  const shop = await db.shop.create({ data: { domain: shopDomain, handle: "bench-shop" } });
  await db.session.create({
    data: {
      id: `offline_${shopDomain}`,
      shop: shopDomain,
      state: "",
      scope: "write_discounts,read_orders,read_products",
      accessToken: "shpat_bench",
    },
  });
  const influencer = await db.influencer.create({
    data: { shopId: shop.id, name: "Bench", email: "bench@example.com" },
  });
  await db.discountCode.create({
    data: {
      shopId: shop.id,
      influencerId: influencer.id,
      code: "BENCH10",
      codeKey: "BENCH10",
      status: "ACTIVE",
      shopifyDiscountId: "gid://shopify/DiscountCodeNode/1",
    },
  });
  for (const [id, type] of [
    ["555", "Skincare"],
    ["556", "Skincare"],
  ]) {
    await db.product.create({
      data: { shopId: shop.id, shopifyProductId: id, title: `Product ${id}`, productType: type },
    });
  }
  return { databaseUrl, db, cleanup };
}

/** Waits until a count stops changing; returns when it last changed (performance.now()). */
async function settled(count: () => Promise<number>): Promise<number> {
  let last = await count();
  let changedAt = performance.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 300));
    const now = await count();
    if (now === last) return changedAt;
    last = now;
    changedAt = performance.now();
  }
}

async function measure(kind: "sqlite" | "postgresql", mix: Mix, payloads: Payloads) {
  const { databaseUrl, db, cleanup } = await prepare(kind);
  const env = { DATABASE_URL: databaseUrl, SHOPIFY_API_SECRET: secret };
  const bare = await startServer(path.join(root, "bench/support/bare-webhook-server.ts"), env, ["--import", "tsx"]);
  // BENCH_PROFILE_DIR: the app server writes a CPU profile there (node --cpu-prof) when it stops.
  const profile = process.env.BENCH_PROFILE_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const app = await startServer(
    path.join(root, "server.mjs"),
    {
      ...env,
      NODE_ENV: "production",
      PORT: "0",
      SHOPIFY_API_KEY: "bench",
      SHOPIFY_APP_URL: "https://bench.example.com",
    },
    profile,
  );
  const bareRates: number[] = [];
  const appRates: number[] = [];
  const p99s: number[] = [];
  let coldP99 = 0;
  try {
    const processed = () => db.webhookEvent.count({ where: { shopDomain, status: "PROCESSED" } });
    const waiting = () => db.webhookEvent.count({ where: { shopDomain, status: "RECEIVED" } });
    // A fresh server compiles its queries and code on its first requests: the first second of
    // load, on each server, warms it and is not counted (its p99 is printed apart).
    const warmUp = { seconds: 1, connections };
    await load({ ...warmUp, url: bare.url, requests: orderRequests(mix, payloads, "bench-baseline.myshopify.com") });
    coldP99 = (await load({ ...warmUp, url: app.url, requests: orderRequests(mix, payloads) })).p99;
    await settled(processed);
    for (let i = 0; i < 1200 && (await waiting()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    for (let round = 0; round < rounds; round++) {
      // The baseline stores under another shop, so the app's own events can be counted apart.
      const baseline = await load({
        url: bare.url,
        seconds,
        connections,
        requests: orderRequests(mix, payloads, "bench-baseline.myshopify.com"),
      });
      // The bare server may still be writing its last requests: the app starts on a quiet database.
      await settled(() => db.webhookEvent.count({ where: { shopDomain: "bench-baseline.myshopify.com" } }));
      const before = await processed();
      const started = performance.now();
      const measured = await load({ url: app.url, seconds, connections, requests: orderRequests(mix, payloads) });
      // End to end: the run lasts until every event it delivered is stored and processed.
      let finished = await settled(processed);
      for (let i = 0; i < 1200 && (await waiting()) > 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        finished = performance.now();
      }
      const elapsed = (finished - started) / 1000;
      if (baseline.non2xx || measured.non2xx || measured.errors) {
        throw new Error(
          `non-200 answers: baseline ${baseline.non2xx}, app ${measured.non2xx} (errors ${measured.errors})\n${app.output().slice(-2000)}`,
        );
      }
      bareRates.push(baseline.requestsPerSecond);
      appRates.push(((await processed()) - before) / elapsed);
      p99s.push(measured.p99);
    }
  } finally {
    await app.stop();
    await bare.stop();
  }
  // The baseline stores its events in the same table, unprocessed: only the app's count here.
  const [events, attributed, failed] = await Promise.all([
    db.webhookEvent.count({ where: { shopDomain, status: "PROCESSED" } }),
    db.order.count({ where: { source: "CODE" } }),
    db.webhookEvent.count({ where: { status: "FAILED" } }),
  ]);
  await db.$disconnect();
  await cleanup();
  const ratio = median(appRates) / median(bareRates);
  const p99 = Math.max(...p99s);
  const p99Aim = kind === "sqlite" ? 500 : 200;
  console.log(
    `${kind} (${mix}, ${payloads} payloads): driver baseline ${median(bareRates).toFixed(0)} req/s, app ${median(appRates).toFixed(0)} req/s, p99 ${p99} ms (${coldP99} ms in a fresh server's first second); ` +
      `processed ${events}, attributed by code ${attributed}, failed ${failed}`,
  );
  const name = `webhooks-${mix}-${payloads}-${kind}`;
  report({
    name,
    figure: `${median(appRates).toFixed(0)} req/s settled`,
    baseline: `${median(bareRates).toFixed(0)} req/s (HMAC + driver INSERT)`,
    ratio,
    aim: ">= 0.50",
    met: ratio >= 0.5,
  });
  report({
    name: `${name}-p99`,
    figure: `${p99} ms p99 at ${connections} senders`,
    baseline: `aim ${p99Aim} ms`,
    ratio: p99 / p99Aim,
    aim: "<= 1.00",
    met: p99 <= p99Aim,
  });
}

async function main() {
  buildAppIfStale();
  for (const kind of (process.env.BENCH_DATABASES ?? "sqlite,postgresql").split(",") as Array<
    "sqlite" | "postgresql"
  >) {
    for (const payloads of (process.env.BENCH_PAYLOADS ?? "small,shopify").split(",") as Payloads[])
      for (const mix of (process.env.BENCH_MIX ?? "create,mixed").split(",") as Mix[])
        await measure(kind, mix, payloads);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
