// The CSV import as a merchant does it in Chromium: the file chooser behind "Add CSV file", a file
// with a bad row (nothing created), then a good file, followed to its end on the page.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, merchantContext, useBrowser } from "../support/browser";
import { useDemo } from "../support/demo-app";

const world = useDemo({ influencers: 2, days: 3, ordersPerDay: 1 });
const chromium = useBrowser();

const header = "name,email,code,discountPercent,commissionPercent,tags\n";

describe("importing influencers from a CSV file in the browser", () => {
  it("chooses a file, shows a bad row's problem, then imports a good file", async () => {
    const context = await merchantContext(chromium.browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(world.adminUrl("/app/influencers/import"));
    await page.getByRole("heading", { name: "Import influencers" }).waitFor({ timeout: 20_000 });
    const upload = async (csv: string) => {
      const chooser = page.waitForEvent("filechooser", { timeout: 10_000 });
      await page.getByText("Add CSV file").click();
      await (await chooser).setFiles({ name: "influencers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
      await page.getByRole("button", { name: "Import", exact: true }).click();
    };

    await upload(header + "Bad Row,not-an-email,BADROW10,10,,\n");
    await page.getByText("Enter an email address like name@example.com").waitFor({ timeout: 10_000 });
    expect(await world.database.db.influencer.count({ where: { name: "Bad Row" } })).toBe(0);

    await page.reload();
    await page.getByRole("heading", { name: "Import influencers" }).waitFor();
    await upload(header + "Ivy Stone,ivy@example.com,IVY10,10,,\nJon Reed,jon.reed@example.com,JONR10,15,,\n");
    await page.getByText("2 influencers imported").waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, "csv-import.png"), fullPage: true });
    const imported = await world.database.db.influencer.findMany({
      where: { email: { in: ["ivy@example.com", "jon.reed@example.com"] } },
      include: { codes: true },
    });
    expect(imported.map((i) => i.codes[0]?.status)).toEqual(["ACTIVE", "ACTIVE"]);
    expect(errors.filter((e) => /Buffer|is not defined/.test(e))).toEqual([]);
    await context.close();
  }, 60_000);

  it("exports every influencer, those without a sale yet too, as a CSV file", async () => {
    const db = world.database.db;
    const shop = await db.shop.findFirstOrThrow();
    await db.influencer.create({ data: { shopId: shop.id, name: "Zed Nosales", email: "zed.nosales@example.com" } });
    const context = await merchantContext(chromium.browser);
    const page = await context.newPage();
    await page.goto(world.adminUrl("/app/influencers"));
    const download = page.waitForEvent("download", { timeout: 20_000 });
    await page.getByRole("button", { name: "Export", exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("influencers.csv");
    const csv = (await import("node:fs")).readFileSync((await file.path())!, "utf8");
    const [head, ...rows] = csv.trim().split(/\r?\n/);
    expect(head.split(",").slice(0, 3)).toEqual(["name", "email", "code"]);
    const all = await db.influencer.findMany({ where: { shopId: shop.id, status: { not: "PROSPECT" } } });
    for (const influencer of all) expect(rows.some((r) => r.includes(influencer.email))).toBe(true);
    expect(rows.find((r) => r.includes("zed.nosales@example.com"))).toMatch(/^Zed Nosales,zed.nosales@example.com,/);
    await context.close();
  }, 60_000);
});
