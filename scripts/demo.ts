// `npm run demo`: the whole app on this machine with nothing else to set up. A fresh SQLite file,
// the Admin API stand-in, a seeded demo shop, the built app, and the URL to open in a browser.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { createDb } from "../app/server/platform/db-factory.server";
import { startAdminApiStandIn } from "../tests/support/admin-api/server";
import { buildAppIfStale } from "./build-app";
import { applyMigrations } from "./migrate";
import { DEMO_SHOP, seedDemoShop } from "./seed";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const apiKey = "demo-api-key";
const apiSecret = "demo-api-secret";

async function main() {
  // The seed writes orders as the demo app would: shoppers' email hashes keyed from its secret.
  process.env.SHOPIFY_API_SECRET ??= apiSecret;
  const file = path.join(root, "prisma/demo.sqlite");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  const databaseUrl = `file:${file}`;
  console.log("Migrating the demo database...");
  await applyMigrations(databaseUrl);

  const adminApi = await startAdminApiStandIn({ apiKey, apiSecret, port: Number(process.env.ADMIN_API_PORT ?? 0) });
  const db = createDb(databaseUrl);
  console.log("Seeding the demo shop...");
  const seeded = await seedDemoShop(db, adminApi);
  await db.$disconnect();
  console.log(`  ${seeded.influencers} influencers, ${seeded.orders} orders, ${seeded.clicks} clicks`);

  console.log("Building the app...");
  buildAppIfStale();

  const appUrl = `http://localhost:${port}`;
  const app = spawn(process.execPath, [path.join(root, "server.mjs")], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "development",
      PORT: String(port),
      HOST: process.env.HOST ?? "127.0.0.1",
      DATABASE_URL: databaseUrl,
      SHOPIFY_API_KEY: apiKey,
      SHOPIFY_API_SECRET: apiSecret,
      SHOPIFY_APP_URL: appUrl,
      SHOPIFY_ADMIN_API_STAND_IN: adminApi.url,
      APP_BRIDGE_URL: "/dev/app-bridge.js",
    },
  });
  const host = Buffer.from(`admin.shopify.com/store/${DEMO_SHOP.replace(".myshopify.com", "")}`).toString("base64url");
  app.stdout?.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (text.includes("listening on")) {
      console.log(`\nOpen the demo admin: ${appUrl}/app?embedded=1&shop=${DEMO_SHOP}&host=${host}\n`);
    }
  });
  const stop = async () => {
    app.kill("SIGTERM");
    await adminApi.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  app.on("exit", async (code) => {
    await adminApi.close();
    process.exit(code ?? 0);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
