import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "~/server/platform/db-factory.server";
import { createPayouts } from "~/server/payouts/payouts.server";
import { TEST_SHOP } from "../support/constants";
import { seedInfluencerWithLink } from "../support/factories";
import { useWorld } from "../support/harness";
import { orderPayload, refundPayload } from "../support/orders";
import { adminFetch, adminPost, sendWebhook } from "../support/shopify";

const world = useWorld();
let influencerId = "";

const post = (path: string, fields: Record<string, string>) => adminPost(world.app.url, path, fields);

async function order(options: Parameters<typeof orderPayload>[0]) {
  expect((await sendWebhook(world.app.url, "orders/create", orderPayload(options))).status).toBe(200);
}

async function ledger() {
  const db = world.database.db;
  const commissions = await db.commission.findMany({ where: { influencerId }, include: { payout: true } });
  const adjustments = await db.commissionAdjustment.findMany({
    where: { influencerId },
    include: { commission: true, payout: true },
  });
  const paidOut = await db.payout.aggregate({ where: { influencerId, status: "PAID" }, _sum: { amountMinor: true } });
  return { commissions, adjustments, paidOut: paidOut._sum.amountMinor ?? 0 };
}

beforeAll(async () => {
  expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
  const seeded = await seedInfluencerWithLink(world.database.db, TEST_SHOP, { slug: "pay-me", code: "PAY10" });
  influencerId = seeded.influencer.id;
  await world.database.db.influencer.update({
    where: { id: influencerId },
    data: { paypalEmail: "payme@paypal.example", shopifyCustomerId: "777" },
  });
});

describe("commissions and payouts", () => {
  it("waits out the hold period and pays only over the threshold", async () => {
    await order({ id: 1, netMinor: 10_000, daysAgo: 40, code: "PAY10" });
    await order({ id: 2, netMinor: 10_000, daysAgo: 35, code: "PAY10" });
    await order({ id: 3, netMinor: 10_000, daysAgo: 5, code: "PAY10" }); // still in the 30-day hold
    const { commissions } = await ledger();
    expect(commissions.map((c) => [c.amountMinor, c.status]).sort()).toEqual([
      [1000, "PENDING"],
      [1000, "PENDING"],
      [1000, "PENDING"],
    ]);

    const below = await post("/app/payouts?index", { intent: "create" }); // default threshold: 50.00
    expect(await below.text()).toContain("Nobody has reached the payout threshold yet");
    const afterApproval = await ledger();
    expect(afterApproval.commissions.filter((c) => c.status === "APPROVED")).toHaveLength(2);
    expect(await world.database.db.payout.count()).toBe(0);

    await world.database.db.shop.update({ where: { domain: TEST_SHOP }, data: { payoutThresholdMinor: 1500 } });
    const created = await post("/app/payouts?index", { intent: "create" });
    expect(await created.text()).toContain("1 payouts ready for review");
    const payout = await world.database.db.payout.findFirstOrThrow({ include: { commissions: true } });
    expect(payout).toMatchObject({ amountMinor: 2000, status: "DRAFT", currency: "USD" });
    expect(payout.commissions).toHaveLength(2);
  });

  it("exports a PayPal Payouts file whose rows add up to the drafts", async () => {
    const response = await adminFetch(world.app.url, "/app/payouts/paypal.csv");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe("Email,Amount,Currency code,Reference ID,Note to recipient");
    expect(lines).toHaveLength(2);
    const payout = await world.database.db.payout.findFirstOrThrow();
    expect(lines[1]).toMatch(new RegExp(`^payme@paypal\\.example,20\\.00,USD,${payout.id},Your commission`));
    expect(response.headers.get("x-payout-total")).toBe("2000");
  });

  it("marks a payout paid with its reference, and carries a later refund into the next payout", async () => {
    const payout = await world.database.db.payout.findFirstOrThrow();
    const paid = await post("/app/payouts?index", { intent: "paid", payoutId: payout.id, reference: "PAYPAL-BATCH-1" });
    expect(await paid.text()).toContain("Payout marked paid");
    expect(await world.database.db.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({
      status: "PAID",
      reference: "PAYPAL-BATCH-1",
    });

    // Order 1 is refunded in full after its commission was paid: 10.00 is clawed back.
    expect(
      (await sendWebhook(world.app.url, "refunds/create", refundPayload({ id: 91, orderId: 1, amountMinor: 10_000 })))
        .status,
    ).toBe(200);
    const { adjustments } = await ledger();
    expect(adjustments.map((a) => [a.amountMinor, a.payoutId])).toEqual([[-1000, null]]);

    // Order 3 is cancelled while pending: its commission is void.
    expect(
      (
        await sendWebhook(
          world.app.url,
          "orders/cancelled",
          orderPayload({ id: 3, netMinor: 10_000, daysAgo: 5, code: "PAY10", cancelled: true }),
        )
      ).status,
    ).toBe(200);
    expect(
      (await world.database.db.commission.findFirstOrThrow({ where: { order: { shopifyOrderId: "3" } } })).status,
    ).toBe("VOID");

    // Two new approved commissions (10.00 each) less the 10.00 clawback: a payout of 10.00.
    await order({ id: 4, netMinor: 10_000, daysAgo: 33, code: "PAY10" });
    await order({ id: 5, netMinor: 10_000, daysAgo: 32, code: "PAY10" });
    await world.database.db.shop.update({ where: { domain: TEST_SHOP }, data: { payoutThresholdMinor: 500 } });
    await post("/app/payouts?index", { intent: "create" });
    const second = await world.database.db.payout.findFirstOrThrow({
      where: { status: "DRAFT" },
      include: { commissions: true, adjustments: true },
    });
    expect(second.amountMinor).toBe(1000);
    expect(second.commissions).toHaveLength(2);
    expect(second.adjustments.map((a) => a.amountMinor)).toEqual([-1000]);
  });

  it("shows a statement listing every order behind a payout, adding up to it", async () => {
    const second = await world.database.db.payout.findFirstOrThrow({ where: { status: "DRAFT" } });
    // Placed at 3 in the morning UTC: still the evening before in the shop's New York.
    await world.database.db.order.updateMany({
      where: { name: "#4" },
      data: { placedAt: new Date("2026-10-20T03:00:00Z") },
    });
    const html = await (await adminFetch(world.app.url, `/app/payouts/${second.id}`)).text();
    for (const text of ["#4", "#5", "#1", "Refunded to the shopper", "$10.00", "2026-10-19"])
      expect(html).toContain(text);
    expect(html).not.toContain("2026-10-20");
  });

  it("pays a payout as Shopify store credit to the influencer's customer account", async () => {
    const second = await world.database.db.payout.findFirstOrThrow({ where: { status: "DRAFT" } });
    const response = await post("/app/payouts?index", { intent: "store-credit", payoutId: second.id });
    expect(await response.text()).toContain("Paid as store credit");
    const [credit] = world.adminApi.shop(TEST_SHOP).storeCredits;
    expect(credit).toMatchObject({ customerId: "777", amount: "10.00", currencyCode: "USD" });
    const paid = await world.database.db.payout.findUniqueOrThrow({ where: { id: second.id } });
    expect(paid).toMatchObject({
      status: "PAID",
      method: "STORE_CREDIT",
      reference: `gid://shopify/StoreCreditAccountCreditTransaction/${credit.id}`,
    });
  });

  it("accounts for every cent: commissions + adjustments = paid + payable + pending", async () => {
    const { commissions, adjustments, paidOut } = await ledger();
    const live = commissions.filter((c) => c.status !== "VOID");
    const earned =
      live.reduce((s, c) => s + c.amountMinor, 0) +
      adjustments.filter((a) => a.commission?.status !== "VOID").reduce((s, a) => s + a.amountMinor, 0);
    expect(earned).toBe(3000); // orders 1, 2, 4, 5 at 10.00, less order 1's refund
    expect(paidOut).toBe(3000);
    const audit = await world.database.db.auditEntry.findMany({ orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["commissions.approved", "payouts.created", "payout.paid"]),
    );
  });

  it("never pays twice when two people create payouts at the same moment", async () => {
    for (let id = 6; id <= 15; id++) await order({ id, netMinor: 10_000, daysAgo: 31, code: "PAY10" });
    const db = world.database.db;
    await db.commission.updateMany({
      where: { status: "PENDING", holdUntil: { lte: new Date() } },
      data: { status: "APPROVED" },
    });
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } });
    // Two separate clients: two real connections, two concurrent transactions.
    const [a, b] = [createDb(world.database.url), createDb(world.database.url)];
    const results = await Promise.allSettled([
      createPayouts(a, world.database.kind, shop, "staff:1"),
      createPayouts(b, world.database.kind, shop, "staff:2"),
    ]);
    await Promise.all([a.$disconnect(), b.$disconnect()]);
    const created = results.flatMap((r) => (r.status === "fulfilled" ? r.value : []));
    expect(created).toHaveLength(1);
    const payout = await db.payout.findUniqueOrThrow({ where: { id: created[0] }, include: { commissions: true } });
    expect(payout.amountMinor).toBe(10_000);
    expect(payout.commissions).toHaveLength(10);
    expect(await db.commission.count({ where: { status: "APPROVED", payoutId: null } })).toBe(0);
  });
});

describe("reviewing a payout", () => {
  it("adds a bonus or deduction by hand, with its reason on the statement, and logs who did it", async () => {
    const db = world.database.db;
    const draft = await db.payout.findFirstOrThrow({ where: { status: "DRAFT" } });
    const refused = await post("/app/payouts?index", {
      intent: "adjust",
      payoutId: draft.id,
      amount: "5.00",
      reason: "",
    });
    expect(await refused.text()).toContain("Say why, for the influencer&#x27;s statement");
    const adjusted = await post("/app/payouts?index", {
      intent: "adjust",
      payoutId: draft.id,
      amount: "5.00",
      reason: "Launch bonus",
    });
    expect(await adjusted.text()).toContain("Payout adjusted");
    expect((await db.payout.findUniqueOrThrow({ where: { id: draft.id } })).amountMinor).toBe(draft.amountMinor + 500);
    const statement = await (await adminFetch(world.app.url, `/app/payouts/${draft.id}`)).text();
    expect(statement).toContain("Launch bonus");
    expect(await db.auditEntry.count({ where: { action: "payout.adjusted", subject: draft.id } })).toBe(1);

    // Cancelling the draft drops the hand-made adjustment and frees the commissions again.
    await post("/app/payouts?index", { intent: "cancel", payoutId: draft.id });
    expect(await db.commissionAdjustment.count({ where: { reason: "Launch bonus" } })).toBe(0);
    expect(await db.commission.count({ where: { payoutId: draft.id } })).toBe(0);
  });
});
