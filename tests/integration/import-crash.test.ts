// The CSV import is a durable job: a server killed in the middle of a row leaves the run to another
// server, which settles that row from what Shopify has and finishes the file; every code exists
// once in Shopify and once here. Five uploads at once start one run.
import { describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app-server";
import { TEST_SHOP } from "../support/constants";
import { eventually } from "../support/factories";
import { useWorld } from "../support/harness";
import { adminFetch } from "../support/shopify";

const LEASE = { JOB_LEASE_MS: "1500" };
const world = useWorld({ env: LEASE });

const header = "name,email,code,discountPercent,commissionPercent,tags\n";
const file = (count: number, prefix: string) =>
  header +
  Array.from(
    { length: count },
    (_, i) => `${prefix} ${i},${prefix.toLowerCase()}${i}@example.com,${prefix}${i},10,,`,
  ).join("\n") +
  "\n";

function upload(appUrl: string, csv: string) {
  const form = new FormData();
  form.set("file", new File([csv], "influencers.csv", { type: "text/csv" }));
  return adminFetch(appUrl, "/app/influencers/import", { method: "POST", body: form });
}

const runOver = (id?: string) =>
  eventually(async () => {
    const run = await world.database.db.importRun.findFirst({
      where: id ? { id } : {},
      orderBy: { startedAt: "desc" },
    });
    return run && (run.status === "DONE" || run.status === "FAILED") ? run : null;
  }, 30_000);

async function expectEachCodeOnce(prefix: string, count: number) {
  const db = world.database.db;
  const inShopify = [...world.adminApi.shop(TEST_SHOP).discounts.values()]
    .map((d) => d.code)
    .filter((c) => c.startsWith(prefix));
  expect(inShopify.sort()).toEqual(Array.from({ length: count }, (_, i) => `${prefix}${i}`).sort());
  const codes = await db.discountCode.findMany({ where: { code: { startsWith: prefix } } });
  expect(codes).toHaveLength(count);
  expect(codes.every((c) => c.status === "ACTIVE" && c.shopifyDiscountId)).toBe(true);
  expect(await db.influencer.count({ where: { email: { startsWith: prefix.toLowerCase() } } })).toBe(count);
  expect(await db.referralLink.count({ where: { influencer: { email: { startsWith: prefix.toLowerCase() } } } })).toBe(
    count,
  );
}

describe("the CSV import as a durable job", () => {
  it("starts one run for five uploads of a file at once", async () => {
    expect((await adminFetch(world.app.url, "/app")).status).toBe(200); // installs the shop
    const csv = file(3, "FIVE");
    const statuses = (await Promise.all(Array.from({ length: 5 }, () => upload(world.app.url, csv)))).map(
      (r) => r.status,
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409 || s === 400)).toHaveLength(4);
    await runOver();
    expect(await world.database.db.importRun.count()).toBe(1);
    expect(world.adminApi.callsOf("discountCodeBasicCreate")).toHaveLength(3);
    await expectEachCodeOnce("FIVE", 3);
  }, 30_000);

  it("is finished by another server when the first is killed mid-row, with no code made twice", async () => {
    const db = world.database.db;
    const creates = world.adminApi.callsOf("discountCodeBasicCreate").length;
    world.adminApi.inject("pass", 4); // rows 1-4 at once
    world.adminApi.inject("slow"); // row 5's code is made in Shopify 3 s later, after the server died
    expect((await upload(world.app.url, file(12, "CRASH"))).status).toBe(200);
    const run = await eventually(
      () => db.importRun.findFirst({ where: { fileName: "influencers.csv", nextRow: 4, status: "RUNNING" } }),
      10_000,
    );
    await eventually(async () => world.adminApi.callsOf("discountCodeBasicCreate").length === creates + 5);
    await world.app.crash();
    // Row 5 is half done: its influencer and pending code are saved, and Shopify is making the code.
    const half = await db.discountCode.findFirstOrThrow({ where: { code: "CRASH4" } });
    expect(half.status).toBe("PENDING");
    await new Promise((r) => setTimeout(r, 3500)); // the slow answer lands in Shopify

    let second: RunningApp | undefined;
    try {
      second = await startApp({ databaseUrl: world.database.url, adminApiUrl: world.adminApi.url, env: LEASE });
      const done = await runOver(run.id);
      expect(done).toMatchObject({ status: "DONE", nextRow: 12 });
      expect(done.worker).not.toBe(run.worker);
      await expectEachCodeOnce("CRASH", 12);
      // Row 5 was settled by asking Shopify, not by creating its code again.
      expect(
        world.adminApi
          .callsOf("discountCodeBasicCreate")
          .filter((c) => JSON.stringify(c.variables).includes('"CRASH4"')),
      ).toHaveLength(1);
      const page = await (await adminFetch(second.url, "/app/influencers/import")).text();
      expect(page).toContain("12 influencers imported");
    } finally {
      await second?.stop();
    }
  }, 60_000);
});
