// The demo as a test fixture: a seeded shop, the Admin API stand-in, and the app with the App
// Bridge stand-in on, the way `npm run demo` runs it.
import { afterAll, beforeAll } from "vitest";
import { DEMO_SHOP, seedDemoShop, type SeedSize } from "../../scripts/seed";
import { startAdminApiStandIn, type AdminApiStandIn } from "./admin-api/server";
import { startApp, type RunningApp } from "./app-server";
import { TEST_API_KEY, TEST_API_SECRET } from "./constants";
import { freshDatabase, type TestDatabase } from "./databases";

export type DemoWorld = {
  app: RunningApp;
  adminApi: AdminApiStandIn;
  database: TestDatabase;
  adminUrl: (path?: string) => string;
};

export function useDemo(size: SeedSize = { influencers: 12, days: 40, ordersPerDay: 6 }) {
  const world = {} as DemoWorld;
  beforeAll(async () => {
    world.database = await freshDatabase();
    world.adminApi = await startAdminApiStandIn({ apiKey: TEST_API_KEY, apiSecret: TEST_API_SECRET });
    await seedDemoShop(world.database.db, world.adminApi, size);
    world.app = await startApp({
      databaseUrl: world.database.url,
      adminApiUrl: world.adminApi.url,
      env: { APP_BRIDGE_URL: "/dev/app-bridge.js", NODE_ENV: "development" },
    });
    const host = Buffer.from("admin.shopify.com/store/demo-store").toString("base64url");
    world.adminUrl = (path = "/app") => `${world.app.url}${path}?embedded=1&shop=${DEMO_SHOP}&host=${host}`;
  });
  afterAll(async () => {
    await world.app?.stop();
    await world.adminApi?.close();
    await world.database?.drop();
  });
  return world;
}
