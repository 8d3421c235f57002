// The database goes away in the middle of a load (PostgreSQL, through a proxy that kills its
// connections and refuses new ones). While it is down, webhooks that cannot be stored are answered
// 5xx and Shopify delivers them again; events accepted before the cut and not yet processed wait
// in the inbox. Once it is back, Shopify's retries and the retry job bring the ledger to exactly
// the expected state: nothing accepted is lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_SHOP } from "../support/constants";
import { databaseUnderTest } from "../support/databases";
import { deliverAll } from "../support/deliveries";
import { eventually, seedInfluencerWithLink } from "../support/factories";
import { useWorld } from "../support/harness";
import { ledgerDifferences, ledgerLoad, rollupsKeptAndRebuilt } from "../support/ledger-load";
import { adminFetch } from "../support/shopify";
import { startTcpProxy } from "../support/tcp-proxy";

const onPostgres = databaseUnderTest() === "postgresql";
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
beforeAll(async () => {
  if (onPostgres) proxy = await startTcpProxy({ host: "127.0.0.1", port: 5432 });
});
afterAll(() => proxy?.close());
const world = useWorld({
  reachDatabase: (url) => {
    if (!onPostgres) return url;
    const through = new URL(url);
    through.port = String(proxy.port);
    return through.toString();
  },
});

describe.runIf(onPostgres)("the database going away under load", () => {
  beforeAll(async () => {
    expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
    await seedInfluencerWithLink(world.database.db, TEST_SHOP, { slug: "faults", code: "FAULT10" });
  });

  it("answers 5xx while it is down, and after it is back the ledger is exact with nothing lost", async () => {
    const load = ledgerLoad({ deliveries: 600, code: "FAULT10", firstOrderId: 700_000 });
    let cuts = 0;
    let outage: Promise<void> = Promise.resolve();
    const cutAt = Math.floor(load.deliveries.length / 3);
    const stats = await deliverAll(world.app.url, load.deliveries, {
      concurrency: 50,
      retryMs: 250,
      onAnswered: (answered) => {
        if (answered !== cutAt) return;
        proxy.cut(); // a third in: connections killed, new ones refused, for 3 s
        cuts += 1;
        outage = new Promise((resolve) => setTimeout(resolve, 3000)).then(() => proxy.restore());
      },
    });
    await outage;
    expect(cuts).toBe(1);
    expect(stats.refusals).toBeGreaterThan(0); // some deliveries met the outage and were refused
    expect(stats).toMatchObject({ answered: load.deliveries.length, gaveUp: 0 });

    // Events accepted but not processed when the database went away: the retry job takes them.
    const db = world.database.db;
    await eventually(async () => {
      await adminFetch(world.app.url, "/app?index", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "intent=retry-webhooks",
      });
      return (await db.webhookEvent.count({ where: { status: "PROCESSED" } })) === load.unique;
    }, 120_000);
    expect(await db.webhookEvent.count()).toBe(load.unique);
    expect(await ledgerDifferences(db, load)).toEqual({ missing: 0, wrong: [], unexpected: 0 });
    // Roll-ups whose refresh the outage cut short were refreshed when their events were retried.
    const { kept, rebuilt } = await rollupsKeptAndRebuilt(db, TEST_SHOP);
    expect(kept).toEqual(rebuilt);
    console.log(
      `faults: ${load.deliveries.length} deliveries (${load.unique} events, ${load.duplicates} duplicates), 1 outage of 3 s, ` +
        `${stats.refusals} answers 5xx, ${stats.networkErrors} connection errors, ${stats.requests} requests in all, lost 0`,
    );
  }, 300_000);
});
