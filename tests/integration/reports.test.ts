// Report figures against hand-computed expectations: a shop in euros in New York's timezone, an
// order late in the evening (next day in UTC), a partial refund, a cancellation, a flat fee.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_SHOP } from "../support/constants";
import { seedInfluencerWithLink } from "../support/factories";
import { useWorld } from "../support/harness";
import { orderPayload, refundPayload, moneySet } from "../support/orders";
import { adminFetch, sendWebhook } from "../support/shopify";

const world = useWorld();
let influencerId = "";

function euros<T>(payload: T): T {
  // Shop money in EUR; the shopper paid in USD (presentment), which reports must ignore.
  const text = JSON.stringify(payload).replace(
    /"shop_money":\{"amount":"([\d.]+)","currency_code":"USD"\}/g,
    '"shop_money":{"amount":"$1","currency_code":"EUR"}',
  );
  return JSON.parse(
    text.replace(
      /"presentment_money":\{"amount":"([\d.]+)"/g,
      (_m, a) => `"presentment_money":{"amount":"${(Number(a) * 1.1).toFixed(2)}"`,
    ),
  );
}

async function deliver(topic: string, payload: unknown) {
  expect((await sendWebhook(world.app.url, topic, euros(payload))).status).toBe(200);
}

function at(iso: string, order: ReturnType<typeof orderPayload>) {
  return { ...order, created_at: iso, updated_at: iso, processed_at: iso };
}

beforeAll(async () => {
  expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
  await world.database.db.shop.update({
    where: { domain: TEST_SHOP },
    data: { currency: "EUR", timezone: "America/New_York" },
  });
  const seeded = await seedInfluencerWithLink(world.database.db, TEST_SHOP, { slug: "report-me", code: "REPORT10" });
  influencerId = seeded.influencer.id;

  await deliver(
    "orders/create",
    at("2026-11-10T15:00:00Z", orderPayload({ id: 1, netMinor: 10_000, code: "REPORT10" })),
  );
  await deliver(
    "orders/create",
    at("2026-11-11T03:30:00Z", orderPayload({ id: 2, netMinor: 5_000, code: "REPORT10" })),
  ); // 22:30 on the 10th in New York
  await deliver(
    "orders/create",
    at("2026-11-12T12:00:00Z", orderPayload({ id: 3, netMinor: 8_000, code: "REPORT10" })),
  );
  await deliver("refunds/create", refundPayload({ id: 31, orderId: 3, amountMinor: 3_000 }));
  const cancelled = at("2026-11-12T13:00:00Z", orderPayload({ id: 4, netMinor: 4_000, code: "REPORT10" }));
  await deliver("orders/create", cancelled);
  await deliver("orders/cancelled", {
    ...cancelled,
    cancelled_at: "2026-11-12T14:00:00Z",
    updated_at: "2026-11-12T14:00:00Z",
  });
  const cost = await adminFetch(world.app.url, `/app/influencers/${influencerId}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      intent: "add-cost",
      costKind: "FLAT_FEE",
      amount: "20.00",
      incurredOn: "2026-11-10",
    }).toString(),
  });
  expect(await cost.text()).toContain("Cost added");
});

describe("influencer reports", () => {
  it("keeps daily roll-ups on the shop's calendar", async () => {
    const days = await world.database.db.influencerDay.findMany({ where: { influencerId }, orderBy: { day: "asc" } });
    expect(days.map((d) => [d.day, d.orders, d.netSalesMinor, d.commissionMinor, d.costsMinor])).toEqual([
      ["2026-11-10", 2, 15_000, 1_500, 2_000], // orders 1 and 2 (2 is on the 10th in New York), the fee
      ["2026-11-12", 1, 5_000, 500, 0], // order 3 less its refund; order 4 cancelled
    ]);
    const weeks = await world.database.db.influencerWeek.findMany({ where: { influencerId } });
    expect(weeks.map((w) => [w.week, w.orders, w.netSalesMinor, w.commissionMinor, w.costsMinor])).toEqual([
      ["2026-11-09", 3, 20_000, 2_000, 2_000], // Monday the 9th to Sunday the 15th: both days
    ]);
  });

  it("gives the same figures for a period read by its whole weeks as by its days", async () => {
    const figures = async (from: string, to: string) => {
      const response = await adminFetch(world.app.url, `/app/reports/influencers.csv?from=${from}&to=${to}`);
      return (await response.text()).trim().split("\r\n")[1].split(",").slice(4, 9);
    };
    const all = ["0", "3", "200.00", "20.00", "20.00"];
    expect(await figures("2026-11-09", "2026-11-15")).toEqual(all); // the week alone
    expect(await figures("2026-11-01", "2026-11-30")).toEqual(all); // three whole weeks and the days around them
    expect(await figures("2026-11-10", "2026-11-22")).toEqual(all); // days of one week, then a whole one
    expect(await figures("2026-11-11", "2026-11-22")).toEqual(["0", "1", "50.00", "5.00", "0.00"]); // the 12th only
    expect(await figures("2026-11-16", "2026-11-29")).toEqual(["0", "0", "0.00", "0.00", "0.00"]); // two weeks after
  });

  it("gives the same roll-ups when rebuilt in bulk as when kept day by day", async () => {
    const { rebuildRollups } = await import("~/server/ledger/rollups.server");
    const strip = (rows: Array<Record<string, unknown>>) => rows.map(({ id: _id, ...rest }) => rest);
    const db = world.database.db;
    const read = async () => ({
      influencerDays: strip(await db.influencerDay.findMany({ orderBy: [{ influencerId: "asc" }, { day: "asc" }] })),
      influencerWeeks: strip(await db.influencerWeek.findMany({ orderBy: [{ influencerId: "asc" }, { week: "asc" }] })),
      shopDays: strip(await db.shopDay.findMany({ orderBy: { day: "asc" } })),
    });
    const kept = await read();
    expect(kept.shopDays.map((d) => [d.day, d.orders, d.netSalesMinor])).toEqual([
      ["2026-11-10", 2, 15_000],
      ["2026-11-12", 1, 5_000],
    ]);
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } });
    await rebuildRollups(db, shop.id);
    expect(await read()).toEqual(kept);
  });

  it("exports GET /app/reports/influencers.csv with hand-computed figures", async () => {
    const response = await adminFetch(world.app.url, "/app/reports/influencers.csv?from=2026-11-10&to=2026-11-12");
    expect(response.status).toBe(200);
    const [header, row, ...rest] = (await response.text()).trim().split("\r\n");
    expect(header).toBe("influencer_id,name,email,codes,clicks,orders,net_sales,commission,costs,roas,roi,currency");
    expect(rest).toEqual([]);
    // Net 200.00; commission 10.00 + 5.00 + (8.00 - 3.00) = 20.00; costs 20.00.
    // ROAS = 200 / 40 = 5.00. ROI: no unit costs, so the shop's 50 % margin: (100 - 40) / 40 = 1.50.
    expect(row.split(",").slice(4)).toEqual(["0", "3", "200.00", "20.00", "20.00", "5.00", "1.50", "EUR"]);
  });

  it("streams the referred orders of a period as CSV, without shopper data", async () => {
    const response = await adminFetch(world.app.url, "/app/reports/orders.csv?from=2026-11-10&to=2026-11-12");
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "order,placed_at,influencer,source,code,link,new_customer,net_sales,refunded,commission,status,currency,credited_by",
    );
    const byOrder = new Map(lines.slice(1).map((l) => [l.split(",")[0], l.split(",")]));
    expect([...byOrder.keys()].sort()).toEqual(["#1", "#2", "#3", "#4"]);
    expect(byOrder.get("#3")!.slice(7)).toEqual(["50.00", "30.00", "5.00", "pending", "EUR", "discount code REPORT10"]);
    expect(byOrder.get("#4")!.slice(7)).toEqual(["0.00", "0.00", "0.00", "cancelled", "EUR", "discount code REPORT10"]);
    expect(lines.join("\n")).not.toContain("@example.com");
  });

  it("counts only the days asked for, in the shop's timezone", async () => {
    const response = await adminFetch(world.app.url, "/app/reports/influencers.csv?from=2026-11-11&to=2026-11-11");
    const lines = (await response.text()).trim().split("\r\n");
    // Nothing on the 11th in New York: the influencer is there, with zeros (no sale yet is a figure too).
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/,REPORT10,0,0,0\.00,0\.00,0\.00,,,EUR$/);
  });

  it("refuses a bad range, saying what is wrong", async () => {
    const bad = await adminFetch(world.app.url, "/app/reports/influencers.csv?from=2026-11-31&to=2026-11-12");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe("from must be a date like 2026-11-01");
    const reversed = await adminFetch(world.app.url, "/app/reports/influencers.csv?from=2026-11-12&to=2026-11-10");
    expect(await reversed.text()).toBe("from must not be after to");
  });
});

describe("categories", () => {
  it("shows which product types and collections sell through whom", async () => {
    const db = world.database.db;
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } });
    await db.product.create({
      data: {
        shopId: shop.id,
        shopifyProductId: "8801",
        title: "Serum",
        productType: "Skincare",
        collections: JSON.stringify(["Bestsellers", "Skincare"]),
        unitCostMinor: 1000,
      },
    });
    await db.product.create({
      data: {
        shopId: shop.id,
        shopifyProductId: "8802",
        title: "Lipstick",
        productType: "Makeup",
        collections: JSON.stringify(["Bestsellers"]),
      },
    });
    const order = at("2026-11-20T15:00:00Z", orderPayload({ id: 20, netMinor: 9_000, code: "REPORT10" }));
    const money = moneySet;
    order.line_items = [
      {
        id: 201,
        product_id: 8801,
        title: "Serum",
        quantity: 2,
        current_quantity: 2,
        price_set: money("30.00"),
        discount_allocations: [],
      },
      {
        id: 202,
        product_id: 8802,
        title: "Lipstick",
        quantity: 1,
        current_quantity: 1,
        price_set: money("30.00"),
        discount_allocations: [],
      },
    ];
    await deliver("orders/create", order);

    const rows = await db.influencerCategoryDay.findMany({ where: { day: "2026-11-20" } });
    const table = rows.map((r) => [r.kind, r.category, r.orders, r.units, r.netSalesMinor].join(" ")).sort();
    expect(table).toEqual([
      "COLLECTION Bestsellers 1 3 9000",
      "COLLECTION Skincare 1 2 6000",
      "PRODUCT_TYPE Makeup 1 1 3000",
      "PRODUCT_TYPE Skincare 1 2 6000",
    ]);

    const page = await (
      await adminFetch(world.app.url, "/app/categories?by=collection&from=2026-11-20&to=2026-11-20")
    ).text();
    expect(page).toContain("Bestsellers");
    expect(page).toContain("€90.00");

    const { name } = await db.influencer.findUniqueOrThrow({ where: { id: influencerId } });
    const csv = await adminFetch(
      world.app.url,
      "/app/reports/categories.csv?by=collection&from=2026-11-20&to=2026-11-20",
    );
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect((await csv.text()).trim().split("\r\n")).toEqual([
      "group_by,category,influencer_id,influencer,orders,units,net_sales,conversion,currency",
      `collection,Bestsellers,${influencerId},${name},1,3,90.00,,EUR`,
      `collection,Skincare,${influencerId},${name},1,2,60.00,,EUR`,
    ]);
    const bad = await adminFetch(world.app.url, "/app/reports/categories.csv?by=brand&from=2026-11-20&to=2026-11-20");
    expect([bad.status, await bad.text()]).toEqual([400, "by: use type or collection"]);
  });
});

describe("the influencer page", () => {
  it("shows the last 30 days: funnel, codes against links, spend and what the audience buys", async () => {
    const db = world.database.db;
    const seeded = await seedInfluencerWithLink(db, TEST_SHOP, { slug: "recent-one", code: "RECENT10" });
    await deliver("orders/create", orderPayload({ id: 900, netMinor: 12_345, daysAgo: 2, code: "RECENT10" }));
    const html = await (await adminFetch(world.app.url, `/app/influencers/${seeded.influencer.id}`)).text();
    expect(html).toContain("Performance");
    expect(html).toContain("€123.45"); // net sales
    expect(html).toContain("1 / 0"); // by code / by link
    expect(html).toContain("€12.35"); // commission + costs (10 %, rounded half up)
    expect(html).toContain("Top products");
    expect(html).toMatch(/Serum<\/span><span[^>]*>€123\.45<!-- --> · <!-- -->1</); // the one product bought, net, with its units
  });
});

describe("what works", () => {
  function post(fields: Record<string, string>) {
    return adminFetch(world.app.url, "/app/what-works", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }

  it("compares top performers with the rest and keeps best-practice notes, shown as text", async () => {
    const page = await (await adminFetch(world.app.url, "/app/what-works?from=2026-11-10&to=2026-11-12")).text();
    expect(page).toContain("Top quarter (1)");
    expect(page).toContain("€200.00"); // the only selling influencer's net sales in that period

    const refused = await (await post({ intent: "add", formKey: randomUUID(), title: "", body: "" })).text();
    expect(refused).toContain("Give the practice a short title");
    expect(await world.database.db.bestPracticeNote.count()).toBe(0);

    await post({
      intent: "add",
      formKey: randomUUID(),
      title: "Show the product <b>in use</b>",
      body: "Top performers film a routine, not an unboxing.",
    });
    const note = await world.database.db.bestPracticeNote.findFirstOrThrow();
    expect(note).toMatchObject({ shared: true });
    const html = await (await adminFetch(world.app.url, "/app/what-works")).text();
    expect(html).toContain("Show the product &lt;b&gt;in use&lt;/b&gt;");
    expect(html).not.toContain("<b>in use</b>");
  });
});
