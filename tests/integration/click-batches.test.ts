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

/** The database, except that reading a shop for the roll-up fails once: a connection lost mid-batch. */
function failingOnceAtRollup(db: PrismaClient) {
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
                if (failures-- > 0) return Promise.reject(new Error("connection lost"));
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
});
