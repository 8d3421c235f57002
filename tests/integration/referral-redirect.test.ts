import { describe, expect, it } from "vitest";
import { TEST_SHOP } from "../support/constants";
import { eventually, seedInfluencerWithLink, shopRow } from "../support/factories";
import { useWorld } from "../support/harness";
import { BROWSER_USER_AGENT } from "../support/shopify";

const world = useWorld({ env: { LINK_CACHE_TTL_MS: "0", CLICK_FLUSH_MS: "20" } });

function click(slug: string, options: { userAgent?: string; query?: string; referer?: string } = {}) {
  return fetch(`${world.app.url}/r/${slug}${options.query ?? ""}`, {
    redirect: "manual",
    headers: {
      "User-Agent": options.userAgent ?? BROWSER_USER_AGENT,
      ...(options.referer ? { Referer: options.referer } : {}),
    },
  });
}

describe("GET /r/:slug", () => {
  it("answers 302 to the shop through /discount/CODE with ref, and stores one counted click", async () => {
    const db = world.database.db;
    await shopRow(db, TEST_SHOP);
    const { link } = await seedInfluencerWithLink(db, TEST_SHOP, {
      slug: "maya",
      code: "MAYA10",
      destinationPath: "/products/serum",
    });

    const response = await click("maya", {
      query: "?utm_source=instagram&utm_campaign=fall",
      referer: "https://www.instagram.com/p/abc",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(
      `https://${TEST_SHOP}/discount/MAYA10?redirect=${encodeURIComponent("/products/serum?ref=maya&utm_source=instagram&utm_campaign=fall")}`,
    );
    expect(response.headers.get("cache-control")).toContain("no-store");

    const clicks = await eventually(async () => {
      const rows = await db.click.findMany({ where: { linkId: link.id } });
      return rows.length ? rows : null;
    });
    expect(clicks).toHaveLength(1);
    expect(clicks[0]).toMatchObject({
      counted: true,
      isBot: false,
      referrerHost: "www.instagram.com",
      utmSource: "instagram",
      utmCampaign: "fall",
      influencerId: link.influencerId,
    });
    expect(clicks[0].visitorHash).not.toContain("127.0.0.1");
  });

  it("does not count a repeat click of the same visitor within a day (tallied), nor a bot's (flagged)", async () => {
    const db = world.database.db;
    const { link } = await seedInfluencerWithLink(db, TEST_SHOP, { slug: "leo", code: "LEO15" });
    expect((await click("leo")).status).toBe(302);
    await eventually(() => db.click.count({ where: { linkId: link.id } }));
    expect((await click("leo")).status).toBe(302);
    expect((await click("leo", { userAgent: "Googlebot/2.1 (+http://www.google.com/bot.html)" })).status).toBe(302);
    const clicks = await eventually(async () => {
      const rows = await db.click.findMany({ where: { linkId: link.id }, orderBy: { occurredAt: "asc" } });
      return rows.length === 2 ? rows : null;
    });
    expect(clicks.map((c) => [c.counted, c.isBot])).toEqual([
      [true, false],
      [false, true],
    ]);
    const tally = await eventually(() => db.clickTally.findFirst({ where: { linkId: link.id } }));
    expect(tally).toMatchObject({ repeats: 1, day: new Date().toISOString().slice(0, 10) });
  });

  it("sends a paused link to the shop home without attribution or a click", async () => {
    const db = world.database.db;
    const { link } = await seedInfluencerWithLink(db, TEST_SHOP, {
      slug: "paused-one",
      code: "PAUSE1",
      linkStatus: "PAUSED",
    });
    const response = await click("paused-one");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`https://${TEST_SHOP}/`);
    await new Promise((r) => setTimeout(r, 150));
    expect(await db.click.count({ where: { linkId: link.id } })).toBe(0);
  });

  it("answers 404 to a link that does not exist", async () => {
    const response = await click("no-such-link");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("does not exist");
  });
});
