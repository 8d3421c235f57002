// Admin speed as Shopify measures it (Built for Shopify: LCP 2.5 s, CLS 0.1, INP 200 ms at p75):
// every admin page of the seeded demo shop opened in Chromium, its Web Vitals read with the
// browser's own PerformanceObserver (largest-contentful-paint, layout-shift, event timing), five
// visits a page, each with a click, typing and a choice (INP), the 75th percentile kept. The ratio printed is the worst of LCP/2.5 s, CLS/0.1
// and INP/200 ms (under 1 meets Built for Shopify's bars); the aim is far below: LCP under 1 s,
// CLS 0, INP under 100 ms. The baseline, in the same run, is the same measurement of a static
// page with Polaris's stylesheet and a heading: what the browser itself costs here.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { createDb } from "../app/server/platform/db-factory.server";
import { buildAppIfStale } from "../scripts/build-app";
import { applyMigrations } from "../scripts/migrate";
import { DEMO_SHOP, seedDemoShop } from "../scripts/seed";
import { startAdminApiStandIn } from "../tests/support/admin-api/server";
import { whenInteractive } from "../tests/support/hydration";
import { BROWSER_USER_AGENT } from "../tests/support/shopify";
import { report, startServer } from "./support/harness";

const root = path.resolve(import.meta.dirname, "..");
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const VISITS = Number(process.env.BENCH_VITALS_VISITS ?? 5);
const ALL_PAGES = [
  "/app",
  "/app/influencers",
  "/app/applications",
  "/app/outreach",
  "/app/categories",
  "/app/what-works",
  "/app/payouts",
  "/app/settings",
  "/app/backfill",
  "/app/influencers/new",
  "/app/influencers/import",
];
const PAGES = process.env.BENCH_VITALS_PAGES ? process.env.BENCH_VITALS_PAGES.split(",") : ALL_PAGES;
const BARS = { lcp: 2500, cls: 0.1, inp: 200 };
const AIMS = { lcp: 1000, cls: 0, inp: 100 };

// Collected from the first paint: LCP candidates, layout shifts without recent input, and the
// longest interaction (event timing with an interactionId).
const OBSERVE = () => {
  const vitals = { lcp: 0, cls: 0, inp: 0 };
  (window as unknown as { vitals: typeof vitals }).vitals = vitals;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) vitals.lcp = Math.max(vitals.lcp, e.startTime);
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>)
      if (!e.hadRecentInput) vitals.cls += e.value;
  }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as Array<PerformanceEntry & { interactionId?: number }>)
      if (e.interactionId) vitals.inp = Math.max(vitals.inp, e.duration);
  }).observe({ type: "event", buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
};

// The browser reports no interaction shorter than the observer's 16 ms threshold.
const inpWords = (ms: number) => (ms === 0 ? "under 16 ms" : `${ms.toFixed(0)} ms`);
const p75 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.75) - 1)];

async function measure(page: Page, url: string, ready: (page: Page) => Promise<void>) {
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState("networkidle");
  await interact(page);
  return page.evaluate(() => (window as unknown as { vitals: { lcp: number; cls: number; inp: number } }).vitals);
}

/**
 * A merchant's first interactions, each one INP counts: a click on the page (no navigation), three
 * keys typed into the page's first text field (what re-renders a form and raises its save bar), and
 * the next choice of its first select (a period picker's, which loads the page's figures again).
 */
async function interact(page: Page) {
  await page.mouse.click(5, 300);
  await page.waitForTimeout(200);
  const field = page.locator(".Polaris-Page input[type=text]:visible, .Polaris-Page textarea:visible").first();
  if (await field.count()) {
    await whenInteractive(field);
    await field.click();
    await page.keyboard.type("abc", { delay: 50 });
    await page.waitForTimeout(200);
  }
  const select = page.locator(".Polaris-Page select:visible").first();
  if (await select.count()) {
    await whenInteractive(select);
    const options = await select.locator("option").evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
    const current = await select.inputValue();
    const next = options.find((o) => o !== current);
    if (next !== undefined) await select.selectOption(next);
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(200);
  }
}

async function main() {
  process.env.SHOPIFY_API_SECRET ??= "bench-secret";
  const file = path.join(os.tmpdir(), `referral-loop-vitals-${process.pid}.sqlite`);
  const databaseUrl = `file:${file}`;
  await applyMigrations(databaseUrl);
  const adminApi = await startAdminApiStandIn({ apiKey: "bench-key", apiSecret: process.env.SHOPIFY_API_SECRET });
  const db = createDb(databaseUrl);
  await seedDemoShop(db, adminApi);
  await db.$disconnect();
  buildAppIfStale();
  const app = await startServer(path.join(root, "server.mjs"), {
    NODE_ENV: "development", // the demo's stand-ins (App Bridge, Admin API) are refused in production; the build is the production one
    PORT: "0",
    DATABASE_URL: databaseUrl,
    SHOPIFY_API_KEY: "bench-key",
    SHOPIFY_API_SECRET: process.env.SHOPIFY_API_SECRET,
    SHOPIFY_APP_URL: "https://referral-loop.test",
    SHOPIFY_ADMIN_API_STAND_IN: adminApi.url,
    APP_BRIDGE_URL: "/dev/app-bridge.js",
    SCHEDULES: "off",
  });
  const polarisCss = readFileSync(path.join(root, "node_modules/@shopify/polaris/build/esm/styles.css"), "utf8");
  const bare = createServer((req, res) => {
    if (req.url === "/polaris.css") return void res.writeHead(200, { "Content-Type": "text/css" }).end(polarisCss);
    res
      .writeHead(200, { "Content-Type": "text/html" })
      .end(
        `<!doctype html><html><head><link rel="stylesheet" href="/polaris.css"></head><body><h1>Referral Loop</h1><p>What influencers bring.</p></body></html>`,
      );
  });
  await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;

  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
  const host = Buffer.from("admin.shopify.com/store/demo-store").toString("base64url");
  const admin = (pathname: string) => `${app.url}${pathname}?embedded=1&shop=${DEMO_SHOP}&host=${host}`;
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, userAgent: BROWSER_USER_AGENT });
    await context.addInitScript(OBSERVE);
    const page = await context.newPage();
    // Each visit opens the page as the demo does: the session-token bounce, then the page itself,
    // whose own load is what is measured (the observers start again with each document).
    await page.goto(admin("/app"));
    await page.getByRole("heading", { name: "Leaderboard" }).waitFor({ timeout: 30_000 });

    const baseline: Array<{ lcp: number; cls: number; inp: number }> = [];
    for (let i = 0; i < VISITS; i++)
      baseline.push(await measure(page, bareUrl, (p) => p.getByRole("heading").first().waitFor()));
    const base = {
      lcp: p75(baseline.map((v) => v.lcp)),
      cls: p75(baseline.map((v) => v.cls)),
      inp: p75(baseline.map((v) => v.inp)),
    };
    console.log(
      `baseline (static Polaris page): LCP ${base.lcp.toFixed(0)} ms, CLS ${base.cls.toFixed(3)}, INP ${inpWords(base.inp)}`,
    );

    for (const pathname of PAGES) {
      const visits = [];
      for (let i = 0; i < VISITS; i++)
        visits.push(
          await measure(page, admin(pathname), (p) => p.locator(".Polaris-Page").first().waitFor({ timeout: 30_000 })),
        );
      const v = {
        lcp: p75(visits.map((x) => x.lcp)),
        cls: p75(visits.map((x) => x.cls)),
        inp: p75(visits.map((x) => x.inp)),
      };
      const ratio = Math.max(v.lcp / BARS.lcp, v.cls / BARS.cls, v.inp / BARS.inp);
      const aims = v.lcp <= AIMS.lcp && v.cls <= AIMS.cls && v.inp <= AIMS.inp ? "aims met" : "aims missed";
      report({
        name: `vitals:${pathname}`,
        figure: `LCP ${v.lcp.toFixed(0)} ms, CLS ${v.cls.toFixed(3)}, INP ${inpWords(v.inp)}`,
        baseline: `LCP ${base.lcp.toFixed(0)} ms (static Polaris page); bars ${BARS.lcp} ms, ${BARS.cls}, ${BARS.inp} ms`,
        ratio,
        aim: `LCP <= ${AIMS.lcp}, CLS <= ${AIMS.cls}, INP <= ${AIMS.inp}`,
        met: aims === "aims met",
      });
    }
  } finally {
    await browser.close();
    bare.close();
    await app.stop();
    await adminApi.close();
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  }
}

await main();
