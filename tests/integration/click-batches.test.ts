// A click batch whose roll-up fails after its clicks were inserted: the retry must count those
// clicks, in the Click rows and in the day's roll-up, exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/server/platform/db-factory.server";
import { createReferralRedirector } from "~/server/program/referral-clicks.server";
import { TEST_SHOP } from "../support/constants";
import { freshDatabase, type TestDatabase } from "../support/databases";
import { seedInfluencerWithLink } from "../support/factories";
import { BROWSER_USER_AGENT } from "../support/shopify";

let database: TestDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database?.drop();
});

/**
 * The database, except that reading a shop for the roll-up fails once (after `succeeding` reads):
 * a connection lost mid-batch.
 */
function failingOnceAtRollup(db: PrismaClient, succeeding = 0) {
  let before = succeeding;
  let failures = 1;
  const wrap = <T extends object>(client: T): T =>
    new Proxy(client, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property === "shop") {
          return new Proxy(value as object, {
            get(shopTarget, method, shopReceiver) {
              const fn = Reflect.get(shopTarget, method, shopReceiver);
              if (method !== "findUnique" || typeof fn !== "function") return fn;
              return (...args: unknown[]) => {
                if (before-- <= 0 && failures-- > 0) return Promise.reject(new Error("connection lost"));
                return fn.apply(shopTarget, args);
              };
            },
          });
        }
        if (property === "$transaction") {
          return (work: (tx: object) => Promise<unknown>, options?: object) =>
            (value as PrismaClient["$transaction"]).call(target, (tx: object) => work(wrap(tx)), options);
        }
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return wrap(db);
}

describe("a click batch that fails after its clicks were written", () => {
  it("is retried whole: three visitors are three clicks in the rows and in the day's roll-up", async () => {
    const { influencer } = await seedInfluencerWithLink(database.db, TEST_SHOP, { slug: "flaky", code: "FLAKY10" });
    const redirector = createReferralRedirector({
      db: failingOnceAtRollup(database.db),
      databaseKind: database.kind,
      salt: "salt",
      cacheTtlMs: 60_000,
      flushMs: 3_600_000,
    });
    const at = new Date();
    for (const ip of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) {
      const outcome = await redirector.visit({
        slug: "flaky",
        search: new URLSearchParams(),
        ip,
        userAgent: BROWSER_USER_AGENT,
        referer: null,
        at,
      });
      expect(outcome.status).toBe(302);
    }
    await redirector.flush(); // fails at the roll-up
    expect(redirector.pending()).toBe(3);
    await redirector.flush(); // the retry
    await redirector.stop();
    expect(redirector.pending()).toBe(0);

    expect(await database.db.click.count({ where: { influencerId: influencer.id, counted: true } })).toBe(3);
    const days = await database.db.influencerDay.findMany({ where: { influencerId: influencer.id } });
    expect(days.reduce((sum, d) => sum + d.clicks, 0)).toBe(3);
  });

  it("tallies repeats it knows of in memory, once each, and keeps them through a failed write", async () => {
    const { link } = await seedInfluencerWithLink(database.db, TEST_SHOP, { slug: "again", code: "AGAIN10" });
    // The second batch's write fails: the one holding the repeats tallied in memory.
    const db = failingOnceAtRollup(database.db, 1);
    const redirector = createReferralRedirector({
      db,
      databaseKind: database.kind,
      salt: "salt",
      cacheTtlMs: 60_000,
      flushMs: 3_600_000,
    });
    const start = Date.now();
    const click = (minute: number, ip = "198.51.100.7") =>
      redirector.visit({
        slug: "again",
        search: new URLSearchParams(),
        ip,
        userAgent: BROWSER_USER_AGENT,
        referer: null,
        at: new Date(start + minute * 60_000),
      });
    await click(0);
    await redirector.flush(); // counted
    await click(1);
    await redirector.flush(); // a repeat, the database says: from now on this server knows
    for (let minute = 2; minute <= 40; minute++) await click(minute); // repeats, tallied in memory
    expect(redirector.pending()).toBe(1); // one tally, no rows
    await click(41, "198.51.100.8"); // someone else: counted
    await redirector.flush(); // fails at the roll-up
    expect(redirector.pending()).toBeGreaterThan(0);
    await redirector.stop(); // the retry
    expect(redirector.pending()).toBe(0);
    expect(await database.db.click.count({ where: { linkId: link.id, counted: true } })).toBe(2);
    expect(await database.db.click.count({ where: { linkId: link.id, counted: false } })).toBe(0); // no rows for repeats
    const tallies = await database.db.clickTally.findMany({ where: { linkId: link.id } });
    expect(tallies.reduce((sum, t) => sum + t.repeats, 0)).toBe(40);
  });
});
