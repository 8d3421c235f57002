// Referral redirect throughput, GET /r/:slug on the real app server (link lookup, bot check,
// visitor hash, click buffered and written to SQLite), against baselines measured in this run,
// alternating: a repeat visitor against a bare Node HTTP server answering the same 302 (aim: at
// least 0.8), a new visitor (one stored click each) against the bare 302 plus the click written
// the cheapest way, buffered and batch-inserted through the driver (aim: at least 0.5).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "../app/server/platform/db-factory.server";
import { applyMigrations } from "../scripts/migrate";
import { buildAppIfStale } from "../scripts/build-app";
import type autocannon from "autocannon";
import { load, median, report, startServer } from "./support/harness";

const root = path.resolve(import.meta.dirname, "..");
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const connections = 50;
const userAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Instagram";

async function main() {
  buildAppIfStale();
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-redirect-"));
  const databaseUrl = `file:${path.join(dir, "bench.sqlite")}`;
  await applyMigrations(databaseUrl);
  const db = createDb(databaseUrl);
  const shop = await db.shop.create({ data: { domain: "bench-shop.myshopify.com", handle: "bench-shop" } });
  const influencer = await db.influencer.create({
    data: { shopId: shop.id, name: "Bench", email: "bench@example.com" },
  });
  const code = await db.discountCode.create({
    data: {
      shopId: shop.id,
      influencerId: influencer.id,
      code: "BENCH10",
      codeKey: "BENCH10",
      status: "ACTIVE",
      shopifyDiscountId: "gid://shopify/DiscountCodeNode/1",
    },
  });
  const link = await db.referralLink.create({
    data: { shopId: shop.id, influencerId: influencer.id, slug: "bench", discountCodeId: code.id },
  });

  const location = "https://bench-shop.myshopify.com/discount/BENCH10?redirect=%2F%3Fref%3Dbench";
  const bare = await startServer(path.join(root, "bench/support/bare-redirect-server.mjs"), { LOCATION: location });
  const bareClicks = await startServer(
    path.join(root, "bench/support/bare-click-server.ts"),
    { LOCATION: location, DATABASE_URL: databaseUrl, SHOP_ID: shop.id, LINK_ID: link.id, INFLUENCER_ID: influencer.id },
    ["--import", "tsx"],
  );
  // BENCH_PROFILE_DIR: the app server writes a CPU profile there (node --cpu-prof) when it stops.
  const profile = process.env.BENCH_PROFILE_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const app = await startServer(
    path.join(root, "server.mjs"),
    {
      NODE_ENV: "production",
      PORT: "0",
      DATABASE_URL: databaseUrl,
      SHOPIFY_API_KEY: "bench",
      SHOPIFY_API_SECRET: "bench-secret",
      SHOPIFY_APP_URL: "https://bench.example.com",
      TRUST_PROXY: "1", // the new-visitors run sends a different X-Forwarded-For with each request
      REDIRECT_RATE_LIMIT: "0", // the load comes from one address: measured without the flood limit
    },
    profile,
  );
  const check = await fetch(`${app.url}/r/bench`, { redirect: "manual", headers: { "User-Agent": userAgent } });
  if (check.status !== 302 || check.headers.get("location") !== location) {
    throw new Error(`the app answered ${check.status} ${check.headers.get("location")}`);
  }

  const headers = { "User-Agent": userAgent };
  let visitor = 0;
  const newVisitor: autocannon.Request[] = [
    {
      setupRequest: (request) => {
        visitor += 1;
        return {
          ...request,
          headers: {
            ...request.headers,
            "x-forwarded-for": `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`,
          },
        };
      },
    },
  ];
  await load({ url: `${bare.url}/r/bench`, seconds: 1, connections, headers }); // warm up both
  await load({ url: `${app.url}/r/bench`, seconds: 1, connections, headers });
  await load({ url: `${bareClicks.url}/r/bench`, seconds: 1, connections, headers, requests: newVisitor });
  await load({ url: `${app.url}/r/bench`, seconds: 1, connections, headers, requests: newVisitor });
  const rates = { bare: [] as number[], bareClicks: [] as number[], repeat: [] as number[], fresh: [] as number[] };
  // A new visitor's click counts once stored: the rate is the clicks stored over the time until
  // the last of them was (both servers write in the background), and the next phase starts on a
  // quiet database.
  const storedClicks = () => db.click.count();
  async function settledClicks(): Promise<number> {
    let last = await storedClicks();
    let changedAt = performance.now();
    for (;;) {
      await new Promise((r) => setTimeout(r, 1200)); // longer than a flush interval
      const now = await storedClicks();
      if (now === last) return changedAt;
      last = now;
      changedAt = performance.now();
    }
  }
  async function storedRate(url: string) {
    const before = await storedClicks();
    const started = performance.now();
    const result = await load({ url, seconds, connections, headers, requests: newVisitor });
    const finished = await settledClicks();
    return { ...result, stored: ((await storedClicks()) - before) / ((finished - started) / 1000) };
  }
  await settledClicks();
  for (let round = 0; round < rounds; round++) {
    rates.bare.push((await load({ url: `${bare.url}/r/bench`, seconds, connections, headers })).requestsPerSecond);
    rates.bareClicks.push((await storedRate(`${bareClicks.url}/r/bench`)).stored);
    const repeat = await load({ url: `${app.url}/r/bench`, seconds, connections, headers });
    const fresh = await storedRate(`${app.url}/r/bench`);
    if (repeat.non2xx !== repeat.total || fresh.non2xx !== fresh.total)
      throw new Error("the app answered something other than 302");
    rates.repeat.push(repeat.requestsPerSecond);
    rates.fresh.push(fresh.stored);
  }
  await app.stop(); // writes the last click batch
  if (/not written/.test(app.output()))
    console.log(
      app
        .output()
        .split("\n")
        .filter((l) => /not written/.test(l))
        .slice(0, 3)
        .join("\n"),
    );
  await bare.stop();
  await bareClicks.stop();
  const clicks = await db.click.count({ where: { counted: true, visitorHash: { not: "" } } });
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });

  const bareRate = median(rates.bare);
  const bareClickRate = median(rates.bareClicks);
  console.log(
    `bare node 302: ${bareRate.toFixed(0)} req/s; with a batched driver insert per click: ${bareClickRate.toFixed(0)} req/s`,
  );
  console.log(`app, one visitor clicking again and again: ${median(rates.repeat).toFixed(0)} req/s`);
  console.log(
    `app, every click a new visitor (one stored row each): ${median(rates.fresh).toFixed(0)} clicks stored/s`,
  );
  console.log(`clicks stored (app and baseline): ${clicks}`);
  const repeatRatio = median(rates.repeat) / bareRate;
  report({
    name: "redirect-repeat-visitor",
    figure: `${median(rates.repeat).toFixed(0)} req/s`,
    baseline: `${bareRate.toFixed(0)} req/s (bare 302)`,
    ratio: repeatRatio,
    aim: ">= 0.80",
    met: repeatRatio >= 0.8,
  });
  const freshRatio = median(rates.fresh) / bareClickRate;
  report({
    name: "redirect-new-visitor",
    figure: `${median(rates.fresh).toFixed(0)} clicks stored/s`,
    baseline: `${bareClickRate.toFixed(0)} clicks stored/s (302 + batched insert)`,
    ratio: freshRatio,
    aim: ">= 0.50",
    met: freshRatio >= 0.5,
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
