import { beforeAll, describe, expect, it } from "vitest";
import { TEST_SHOP } from "../support/constants";
import { seedInfluencerWithLink, settingsForm } from "../support/factories";
import { useWorld } from "../support/harness";
import { orderPayload } from "../support/orders";
import { adminFetch, sendWebhook } from "../support/shopify";

const world = useWorld();

const settings = settingsForm({
  commissionPercent: "20",
  overrides: "Fragrance = 5",
  newCustomerBonus: "3.00",
  holdPeriodDays: "14",
  payoutThreshold: "25.00",
});

function save(fields: Record<string, string>) {
  return adminFetch(world.app.url, "/app/settings", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

beforeAll(async () => {
  expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
  await seedInfluencerWithLink(world.database.db, TEST_SHOP, { slug: "rule-me", code: "RULE10" });
});

describe("commission settings", () => {
  it("refuses bad values with a message on the field and changes nothing", async () => {
    const html = await (await save({ ...settings, commissionPercent: "120", holdPeriodDays: "x" })).text();
    expect(html).toContain("Enter a commission between 0 and 100 percent");
    expect(html).toContain("Enter a number of days from 0 to 365");
    expect(await world.database.db.commissionRule.count()).toBe(0);
    expect(await world.database.db.auditEntry.count()).toBe(0);
  });

  it("saves the rule, logs who changed it, and new orders earn by it; earlier commissions keep theirs", async () => {
    expect(
      (await sendWebhook(world.app.url, "orders/create", orderPayload({ id: 501, netMinor: 10_000, code: "RULE10" })))
        .status,
    ).toBe(200);
    expect((await save(settings)).status).toBe(200); // the toast that says so is the browser suite's
    const audit = await world.database.db.auditEntry.findFirstOrThrow({ where: { action: "settings.updated" } });
    expect(audit.actor).toBe("staff:1");
    expect(await world.database.db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).toMatchObject({
      holdPeriodDays: 14,
      payoutThresholdMinor: 2500,
    });

    expect(
      (
        await sendWebhook(
          world.app.url,
          "orders/create",
          orderPayload({ id: 502, netMinor: 10_000, code: "RULE10", customerId: 9 }),
        )
      ).status,
    ).toBe(200);
    const [before, after] = await Promise.all(
      ["501", "502"].map((id) =>
        world.database.db.commission.findFirstOrThrow({ where: { order: { shopifyOrderId: id } } }),
      ),
    );
    expect(before.amountMinor).toBe(1000); // 10 %, the default when it was placed
    expect(after.amountMinor).toBe(2000 + 300); // 20 % and the new-customer bonus
    expect(JSON.parse(after.rule).terms).toMatchObject({ percentBps: 2000, newCustomerBonusMinor: 300 });
    expect(after.holdUntil.getTime() - Date.parse(orderPayload({ id: 502, netMinor: 1 }).created_at)).toBeGreaterThan(
      13 * 86_400_000,
    );
  });
});

describe("costs besides commission", () => {
  async function addCost(fields: Record<string, string>) {
    const influencer = await world.database.db.influencer.findFirstOrThrow();
    return adminFetch(world.app.url, `/app/influencers/${influencer.id}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "add-cost", ...fields }).toString(),
    });
  }

  it("records a flat fee, and a gifted product at its unit cost", async () => {
    const shop = await world.database.db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } });
    const product = await world.database.db.product.create({
      data: { shopId: shop.id, shopifyProductId: "4242", title: "Serum", unitCostMinor: 1250 },
    });
    expect(
      await (
        await addCost({ costKind: "FLAT_FEE", amount: "150.00", incurredOn: "2026-11-02", note: "Launch video" })
      ).text(),
    ).toContain("Cost added");
    expect(
      await (
        await addCost({ costKind: "GIFTED_PRODUCT", productId: product.id, quantity: "3", incurredOn: "2026-11-03" })
      ).text(),
    ).toContain("Cost added");
    const costs = await world.database.db.cost.findMany({ orderBy: { incurredOn: "asc" } });
    expect(costs.map((c) => [c.kind, c.amountMinor, c.note])).toEqual([
      ["FLAT_FEE", 15000, "Launch video"],
      ["GIFTED_PRODUCT", 3750, ""],
    ]);
  });

  it("refuses a cost without an amount or date, saying why", async () => {
    const html = await (await addCost({ costKind: "SHIPPING", amount: "", incurredOn: "yesterday" })).text();
    expect(html).toContain("Enter an amount in USD, like 150.00");
    expect(html).toContain("Use a date like 2026-11-30");
    expect(await world.database.db.cost.count({ where: { kind: "SHIPPING" } })).toBe(0);
  });
});
