// The home dashboard's loader at scale: a shop with 1,000 influencers and 10 thousand, then 1
// million referred orders over the last 90 days, on SQLite and PostgreSQL. Prints the loader's
// time at 1M as a ratio of its time at 10k (aim: at most 1.5): reports read the daily roll-ups, so
// their cost follows influencer-days, not orders.
// Orders and their roll-ups are written with set-based SQL (a million Prisma calls would take an
// hour); the roll-ups are the same sums the app keeps (orders, code orders, net sales, commission).
import { createDb, type PrismaClient } from "../app/server/platform/db-factory.server";
import { dashboard } from "../app/server/reporting/dashboard.server";
import { failedEventCount } from "../app/server/webhooks/webhook-inbox.server";
import { benchDatabase } from "./support/databases";
import { median, report } from "./support/harness";

const INFLUENCERS = 1000;
const SIZES = (process.env.BENCH_DASHBOARD_ORDERS ?? "10000,1000000").split(",").map(Number);
const RUNS = 7;
const TO = "2026-11-30";
const FROM = "2026-11-01";

/** Order n: influencer n % 1000, placed ((n / 1000) * 7 + n) % 90 days before TO at noon UTC, 10.00 to 99.99. */
const ORDERS_SQL = {
  sqlite: (shopId: string, count: number) => `
    WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${count})
    INSERT INTO "Order" ("id", "shopId", "shopifyOrderId", "name", "influencerId", "source", "attributedCode", "currency",
      "subtotalMinor", "totalMinor", "netSalesMinor", "isNewCustomer", "placedAt", "createdAt", "updatedAt")
    SELECT 'o' || n, '${shopId}', CAST(n AS TEXT), '#' || n, 'inf-' || (n % ${INFLUENCERS}), 'CODE', 'CODE' || (n % ${INFLUENCERS}), 'USD',
      1000 + (n * 37) % 9000, 1000 + (n * 37) % 9000, 1000 + (n * 37) % 9000, n % 3 = 0,
      strftime('%Y-%m-%dT12:00:00.000Z', date('${TO}', '-' || (((n / 1000) * 7 + n) % 90) || ' days')),
      '${TO}T12:00:00.000Z', '${TO}T12:00:00.000Z'
    FROM seq`,
  postgresql: (shopId: string, count: number) => `
    INSERT INTO "Order" ("id", "shopId", "shopifyOrderId", "name", "influencerId", "source", "attributedCode", "currency",
      "subtotalMinor", "totalMinor", "netSalesMinor", "isNewCustomer", "placedAt", "createdAt", "updatedAt")
    SELECT 'o' || n, '${shopId}', n::text, '#' || n, 'inf-' || (n % ${INFLUENCERS}), 'CODE', 'CODE' || (n % ${INFLUENCERS}), 'USD',
      1000 + (n * 37) % 9000, 1000 + (n * 37) % 9000, 1000 + (n * 37) % 9000, n % 3 = 0,
      timestamp '${TO} 12:00' - (((n / 1000) * 7 + n) % 90) * interval '1 day', now(), now()
    FROM generate_series(1::bigint, ${count}::bigint) AS n`,
};

const DAY = { sqlite: `substr("placedAt", 1, 10)`, postgresql: `to_char("placedAt", 'YYYY-MM-DD')` };
/** The Monday of a day's week, as the app names its weeks. */
const WEEK = {
  sqlite: `date("day", '-6 days', 'weekday 1')`,
  postgresql: `to_char(date_trunc('week', "day"::date), 'YYYY-MM-DD')`,
};
const SUMS = ["clicks", "orders", "codeOrders", "newCustomerOrders", "netSalesMinor", "commissionMinor"];

function rollupsSql(kind: "sqlite" | "postgresql", shopId: string) {
  return [
    `
    INSERT INTO "InfluencerDay" ("id", "shopId", "influencerId", "day", "clicks", "orders", "codeOrders", "newCustomerOrders", "netSalesMinor", "commissionMinor")
    SELECT "influencerId" || '|' || ${DAY[kind]}, '${shopId}', "influencerId", ${DAY[kind]}, count(*) * 20, count(*), count(*),
      sum(CASE WHEN "isNewCustomer" THEN 1 ELSE 0 END), sum("netSalesMinor"), sum("netSalesMinor") / 10
    FROM "Order" WHERE "shopId" = '${shopId}' GROUP BY "influencerId", ${DAY[kind]}`,
    `INSERT INTO "InfluencerWeek" ("id", "shopId", "influencerId", "week", ${SUMS.map((c) => `"${c}"`).join(", ")})
    SELECT "influencerId" || '|' || ${WEEK[kind]}, "shopId", "influencerId", ${WEEK[kind]}, ${SUMS.map((c) => `SUM("${c}")`).join(", ")}
    FROM "InfluencerDay" WHERE "shopId" = '${shopId}' GROUP BY "shopId", "influencerId", ${WEEK[kind]}`,
    `INSERT INTO "ShopDay" ("id", "shopId", "day", "clicks", "orders", "codeOrders", "newCustomerOrders", "netSalesMinor", "commissionMinor")
    SELECT "shopId" || ':' || "day", "shopId", "day", SUM("clicks"), SUM("orders"), SUM("codeOrders"), SUM("newCustomerOrders"), SUM("netSalesMinor"), SUM("commissionMinor")
    FROM "InfluencerDay" WHERE "shopId" = '${shopId}' GROUP BY "shopId", "day"`,
  ];
}

async function seed(db: PrismaClient, kind: "sqlite" | "postgresql", orders: number) {
  const shop = await db.shop.create({
    data: { domain: "bench-shop.myshopify.com", handle: "bench-shop", currency: "USD", timezone: "UTC" },
  });
  await db.influencer.createMany({
    data: Array.from({ length: INFLUENCERS }, (_, i) => ({
      id: `inf-${i}`,
      shopId: shop.id,
      name: `Influencer ${i}`,
      email: `influencer${i}@example.com`,
    })),
  });
  await db.$executeRawUnsafe(ORDERS_SQL[kind](shop.id, orders));
  for (const sql of rollupsSql(kind, shop.id)) await db.$executeRawUnsafe(sql);
  if (kind === "postgresql") await db.$executeRawUnsafe(`ANALYZE`);
  return db.shop.findUniqueOrThrow({ where: { id: shop.id } });
}

/** The home page loader's reads: the dashboard and the failed-webhooks banner. */
async function loaderMs(db: PrismaClient, shop: Awaited<ReturnType<typeof seed>>) {
  const started = performance.now();
  const [home] = await Promise.all([dashboard(db, shop, FROM, TO), failedEventCount(db, shop.domain)]);
  const elapsed = performance.now() - started;
  // A roll-up the seed forgot would make the loader fast and wrong: the leaderboard must add up.
  const leaderboardSales = home.leaderboard.reduce((sum, r) => sum + r.netSalesMinor, 0);
  if (leaderboardSales !== home.current.netSalesMinor || !leaderboardSales)
    throw new Error(`leaderboard sales ${leaderboardSales} differ from the period's ${home.current.netSalesMinor}`);
  return elapsed;
}

async function measure(kind: "sqlite" | "postgresql") {
  const times: number[] = [];
  for (const orders of SIZES) {
    const { databaseUrl, cleanup } = await benchDatabase(kind, "dashboard");
    const db = createDb(databaseUrl);
    try {
      const seeding = performance.now();
      const shop = await seed(db, kind, orders);
      const days = await db.influencerDay.count();
      const seeded = ((performance.now() - seeding) / 1000).toFixed(0);
      for (let i = 0; i < 2; i++) await loaderMs(db, shop); // warm up
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await loaderMs(db, shop));
      times.push(median(runs));
      console.log(
        `${kind}: ${orders} orders (${days} influencer-days, seeded in ${seeded} s): loader ${median(runs).toFixed(1)} ms`,
      );
    } finally {
      await db.$disconnect();
      await cleanup();
    }
  }
  const ratio = times[times.length - 1] / times[0];
  report({
    name: `dashboard-${kind}`,
    figure: `${times[times.length - 1].toFixed(0)} ms at ${SIZES[SIZES.length - 1]} orders`,
    baseline: `${times[0].toFixed(0)} ms at ${SIZES[0]} orders`,
    ratio,
    aim: "<= 1.50",
    met: ratio <= 1.5,
  });
}

async function main() {
  for (const kind of (process.env.BENCH_DATABASES ?? "sqlite,postgresql").split(",") as Array<
    "sqlite" | "postgresql"
  >) {
    await measure(kind);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
