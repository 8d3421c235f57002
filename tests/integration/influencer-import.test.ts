import { beforeAll, describe, expect, it } from "vitest";
import { TEST_SHOP } from "../support/constants";
import { eventually } from "../support/factories";
import { useWorld } from "../support/harness";
import { adminFetch } from "../support/shopify";

const world = useWorld();

function upload(csv: string) {
  const form = new FormData();
  form.set("file", new File([csv], "influencers.csv", { type: "text/csv" }));
  return adminFetch(world.app.url, "/app/influencers/import", { method: "POST", body: form });
}

/** The import page once the latest run is over. */
async function finishedPage() {
  await eventually(async () => {
    const run = await world.database.db.importRun.findFirst({ orderBy: { startedAt: "desc" } });
    return run && (run.status === "DONE" || run.status === "FAILED");
  }, 15_000);
  return (await adminFetch(world.app.url, "/app/influencers/import")).text();
}

const header = "name,email,code,discountPercent,commissionPercent,tags\n";

beforeAll(async () => {
  expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
});

describe("CSV import and export", () => {
  it("offers a template with the expected columns", async () => {
    const response = await adminFetch(world.app.url, "/app/influencers/template.csv");
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect((await response.text()).split("\r\n")[0]).toBe(
      "name,email,code,discountPercent,commissionPercent,tags,destinationPath,status",
    );
  });

  it("imports nothing when a row has a problem, and reports each problem by row", async () => {
    const csv =
      header + "Ann,ann@example.com,ANN10,10,,\nBob,not-an-email,BOB10,10,,\nCid,cid@example.com,ann10,250,,\n";
    const response = await upload(csv);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Nothing was imported");
    expect(html).toContain("Enter an email address like name@example.com");
    expect(html).toContain("Same code as row 2");
    expect(html).toContain("Enter a discount between 1 and 100 percent");
    expect(await world.database.db.influencer.count()).toBe(0);
    expect(await world.database.db.importRun.count()).toBe(0);
    expect(world.adminApi.callsOf("discountCodeBasicCreate")).toHaveLength(0);
  });

  it("imports every row with its code in Shopify", async () => {
    const csv = header + 'Ann,ann@example.com,ANN10,10,15,"vip, skincare"\nBob,bob@example.com,BOB10,12.5,,makeup\n';
    const response = await upload(csv);
    expect(response.status).toBe(200);
    expect(await finishedPage()).toContain("2 influencers imported");
    const rows = await world.database.db.influencer.findMany({ orderBy: { email: "asc" }, include: { codes: true } });
    expect(rows.map((r) => [r.email, r.tags, r.commissionBps, r.codes[0].status, r.codes[0].percentBps])).toEqual([
      ["ann@example.com", "vip,skincare", 1500, "ACTIVE", 1000],
      ["bob@example.com", "makeup", null, "ACTIVE", 1250],
    ]);
    expect([...world.adminApi.shop(TEST_SHOP).discounts.values()].map((d) => d.code).sort()).toEqual([
      "ANN10",
      "BOB10",
    ]);
  });

  it("imports prospects to pitch first, without a code, beside partners; an unknown status is named", async () => {
    const withStatus = "name,email,code,discountPercent,commissionPercent,tags,status\n";
    const bad = await upload(withStatus + "Pia,pia@example.com,,,,,maybe\n");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain(
      "Use &quot;active&quot; for a partner with a code now, &quot;prospect&quot; to pitch first, or leave it empty",
    );
    const noCode = await upload(withStatus + "Pia,pia@example.com,,,,,active\n");
    expect(await noCode.text()).toContain("Enter a code");
    expect(await world.database.db.influencer.count({ where: { email: "pia@example.com" } })).toBe(0);

    const creates = world.adminApi.callsOf("discountCodeBasicCreate").length;
    const response = await upload(
      withStatus + "Pia,pia@example.com,,,,skincare,prospect\nQuinn,quinn@example.com,QUINN10,10,,,active\n",
    );
    expect(response.status).toBe(200);
    expect(await finishedPage()).toContain("2 influencers imported");
    const pia = await world.database.db.influencer.findFirstOrThrow({
      where: { email: "pia@example.com" },
      include: { codes: true, links: true },
    });
    expect(pia).toMatchObject({ status: "PROSPECT", tags: "skincare", codes: [], links: [] });
    expect(
      (await world.database.db.influencer.findFirstOrThrow({ where: { email: "quinn@example.com" } })).status,
    ).toBe("ACTIVE");
    expect(world.adminApi.callsOf("discountCodeBasicCreate").length - creates).toBe(1); // Quinn's code only

    // A file of prospects only needs no code columns at all.
    const prospectsOnly = await upload("name,email,status\nRae,rae@example.com,prospect\n");
    expect(prospectsOnly.status).toBe(200);
    await finishedPage();
    expect((await world.database.db.influencer.findFirstOrThrow({ where: { email: "rae@example.com" } })).status).toBe(
      "PROSPECT",
    );
  });

  it("undoes the rows already created when Shopify refuses a later one", async () => {
    const shop = world.adminApi.shop(TEST_SHOP);
    shop.discounts.set(2, { ...[...shop.discounts.values()][0], id: 2, code: "TAKENBYSHOP" });
    const csv = header + "Cid,cid@example.com,CID10,10,,\nDee,dee@example.com,TAKENBYSHOP,10,,\n";
    expect((await upload(csv)).status).toBe(200);
    const html = await finishedPage();
    expect(html).toContain("Nothing was imported");
    expect(html).toContain("This code is already used in your store. Try another.");
    expect(
      await world.database.db.influencer.count({ where: { email: { in: ["cid@example.com", "dee@example.com"] } } }),
    ).toBe(0);
    expect([...shop.discounts.values()].some((d) => d.code === "CID10")).toBe(false);
  });

  it("exports influencers as CSV, with spreadsheet formulas neutralised", async () => {
    await world.database.db.influencer.updateMany({
      where: { email: "bob@example.com" },
      data: { name: '=HYPERLINK("http://x")' },
    });
    const response = await adminFetch(world.app.url, "/app/influencers/export.csv");
    const csv = await response.text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(
      "name,email,code,discountPercent,commissionPercent,tags,destinationPath,status,allCodes,links,currency",
    );
    expect(lines).toHaveLength(1 + (await world.database.db.influencer.count())); // the header and every influencer
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain("ann@example.com,ANN10,10,15");
  });
});
