// One test file's world: a fresh database of the kind under test, an Admin API stand-in, and the
// built app running against both.
import { afterAll, beforeAll, expect } from "vitest";
import { startAdminApiStandIn, type AdminApiStandIn } from "./admin-api/server";
import { startApp, type RunningApp } from "./app-server";
import { TEST_API_KEY, TEST_API_SECRET } from "./constants";
import { freshDatabase, type TestDatabase } from "./databases";

export type World = { app: RunningApp; adminApi: AdminApiStandIn; database: TestDatabase };

/**
 * `env`: more variables for the app; `reachDatabase`: the URL the app uses for the fresh database
 * (through a proxy, say); `adminApi`: options of the Admin API stand-in (token lifetime, clock).
 */
export function useWorld(
  options: {
    env?: Record<string, string>;
    reachDatabase?: (url: string) => string;
    adminApi?: Omit<Parameters<typeof startAdminApiStandIn>[0], "apiKey" | "apiSecret">;
  } = {},
) {
  const world = {} as World;
  beforeAll(async () => {
    world.database = await freshDatabase();
    world.adminApi = await startAdminApiStandIn({
      ...options.adminApi,
      apiKey: TEST_API_KEY,
      apiSecret: TEST_API_SECRET,
    });
    const databaseUrl = options.reachDatabase ? options.reachDatabase(world.database.url) : world.database.url;
    world.app = await startApp({ databaseUrl, adminApiUrl: world.adminApi.url, env: options.env });
  });
  afterAll(async () => {
    // Whatever the test, every call the app made is one Shopify would have run: valid against the
    // published schema with the app's variables, within the granted scopes and the cost limit.
    const refused = (world.adminApi?.calls ?? []).filter(
      (c) => c.outcome === "invalid" || c.outcome === "denied" || c.outcome === "max-cost",
    );
    await world.app?.stop();
    await world.adminApi?.close();
    await world.database?.drop();
    expect(
      refused.map((c) => `${c.operation} ${c.outcome} (cost ${c.cost ?? "-"})`),
      "calls Shopify would refuse",
    ).toEqual([]);
  });
  return world;
}
