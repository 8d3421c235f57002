// Load with loss accounting: order and refund webhooks, a share sent twice, shuffled, 50 at a
// time through the real route. Every delivery is answered, every event stored once, and the
// ledger equals the one computed in advance, to the cent, with the roll-ups that follow it. `npm test` sends 1,000 deliveries;
// `npm run test:stress` sends 10,000 (LOAD_DELIVERIES).
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_SHOP } from "../support/constants";
import { eventually, seedInfluencerWithLink } from "../support/factories";
import { deliverAll } from "../support/deliveries";
import { useWorld } from "../support/harness";
import { ledgerDifferences, ledgerLoad, rollupsKeptAndRebuilt } from "../support/ledger-load";
import { adminFetch } from "../support/shopify";

const world = useWorld();
const DELIVERIES = Number(process.env.LOAD_DELIVERIES ?? 1000);

beforeAll(async () => {
  expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
  await seedInfluencerWithLink(world.database.db, TEST_SHOP, { slug: "load", code: "LOAD10" });
});

describe(`${DELIVERIES} webhook deliveries, 20% twice, shuffled, 50 at a time`, () => {
  it("answers every one, stores each event once, loses none, and ends in the expected ledger", async () => {
    const load = ledgerLoad({ deliveries: DELIVERIES, code: "LOAD10", firstOrderId: 500_000 });
    const started = performance.now();
    const stats = await deliverAll(world.app.url, load.deliveries, { concurrency: 50 });
    const answeredIn = (performance.now() - started) / 1000;
    expect(stats).toMatchObject({ answered: load.deliveries.length, gaveUp: 0 });

    const db = world.database.db;
    await eventually(
      async () => (await db.webhookEvent.count({ where: { status: "PROCESSED" } })) === load.unique,
      600_000,
    );
    const settledIn = (performance.now() - started) / 1000;
    expect(await db.webhookEvent.count()).toBe(load.unique); // duplicates stored once
    expect(await db.webhookEvent.count({ where: { status: { not: "PROCESSED" } } })).toBe(0);
    expect(await ledgerDifferences(db, load)).toEqual({ missing: 0, wrong: [], unexpected: 0 });
    // The roll-ups the dashboard reads, kept batch by batch through the burst, are the ones the source rows give.
    const { kept, rebuilt } = await rollupsKeptAndRebuilt(db, TEST_SHOP);
    expect(kept.days.length).toBeGreaterThan(0);
    expect(kept.weeks.length).toBeGreaterThan(1); // the burst spans weeks: each kept as its days add up
    expect(kept).toEqual(rebuilt);
    console.log(
      `load: ${load.deliveries.length} deliveries (${load.unique} events, ${load.duplicates} duplicates), ${stats.requests} requests, ` +
        `${stats.refusals} refused, answered in ${answeredIn.toFixed(1)} s, settled in ${settledIn.toFixed(1)} s, lost 0`,
    );
  }, 900_000);
});
