// Actions that move money or call Shopify, sent five times at once and with their ids missing:
// exactly one effect, in the database and in the Admin API stand-in's recorded calls, and a 4xx
// naming the field for a post without its id, with nothing changed.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_SHOP } from "../support/constants";
import { eventually, seedInfluencerWithLink } from "../support/factories";
import { useWorld } from "../support/harness";
import { orderPayload, pastOrder } from "../support/orders";
import { adminFetch, adminPost, sendWebhook } from "../support/shopify";

const world = useWorld();
let shopId = "";
let influencerId = "";

const post = (path: string, fields: Record<string, string>) => adminPost(world.app.url, path, fields);

const fiveTimes = <T>(send: () => Promise<T>) => Promise.all([1, 2, 3, 4, 5].map(() => send()));

async function draft(amountMinor: number) {
  return world.database.db.payout.create({ data: { shopId, influencerId, amountMinor, currency: "USD" } });
}

/** Every row the payout actions could touch, to compare before and after a refused post. */
async function payoutState() {
  const db = world.database.db;
  const [payouts, commissions, adjustments, audit] = await Promise.all([
    db.payout.findMany({ orderBy: { id: "asc" } }),
    db.commission.findMany({ orderBy: { id: "asc" } }),
    db.commissionAdjustment.findMany({ orderBy: { id: "asc" } }),
    db.auditEntry.count(),
  ]);
  return JSON.stringify({ payouts, commissions, adjustments, audit });
}

beforeAll(async () => {
  expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
  const seeded = await seedInfluencerWithLink(world.database.db, TEST_SHOP, { slug: "duo", code: "DUO10" });
  influencerId = seeded.influencer.id;
  shopId = seeded.influencer.shopId;
  await world.database.db.influencer.update({ where: { id: influencerId }, data: { shopifyCustomerId: "777" } });
  for (const id of [1, 2, 3]) {
    expect(
      (
        await sendWebhook(
          world.app.url,
          "orders/create",
          orderPayload({ id, netMinor: 10_000, daysAgo: 40, code: "DUO10" }),
        )
      ).status,
    ).toBe(200);
  }
});

describe("five submits at once", () => {
  it("create payouts: one payout for the influencer, each commission in it once", async () => {
    await world.database.db.shop.update({ where: { id: shopId }, data: { payoutThresholdMinor: 1000 } });
    const answers = await fiveTimes(() => post("/app/payouts?index", { intent: "create" }));
    expect(answers.map((a) => a.status).every((s) => s === 200 || s === 409)).toBe(true);
    const payouts = await world.database.db.payout.findMany({ include: { commissions: true } });
    expect(payouts).toHaveLength(1);
    expect(payouts[0].commissions).toHaveLength(3);
    expect(payouts[0].amountMinor).toBe(3000);
    await world.database.db.commission.updateMany({ data: { payoutId: null } });
    await world.database.db.payout.deleteMany();
  });

  it("pay as store credit: Shopify is asked once, the payout is paid once", async () => {
    const payout = await draft(2500);
    const answers = await fiveTimes(() => post("/app/payouts?index", { intent: "store-credit", payoutId: payout.id }));
    const texts = await Promise.all(answers.map((a) => a.text()));
    expect(texts.filter((t) => t.includes("Paid as store credit"))).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(4);
    expect(world.adminApi.callsOf("storeCreditAccountCredit")).toHaveLength(1);
    expect(world.adminApi.shop(TEST_SHOP).storeCredits).toHaveLength(1);
    const paid = await world.database.db.payout.findUniqueOrThrow({ where: { id: payout.id } });
    expect(paid).toMatchObject({ status: "PAID", method: "STORE_CREDIT" });
    expect(await world.database.db.auditEntry.count({ where: { subject: payout.id, action: "payout.paid" } })).toBe(1);
  });

  it("pay as store credit whose answer is lost: left for the merchant to settle, never credited again", async () => {
    const payout = await draft(1800);
    const callsBefore = world.adminApi.callsOf("storeCreditAccountCredit").length;
    world.adminApi.inject("lost-response");
    const first = await post("/app/payouts?index", { intent: "store-credit", payoutId: payout.id });
    expect(first.status).toBe(409);
    expect(await first.text()).toContain("answer to the store credit was lost");
    const again = await post("/app/payouts?index", { intent: "store-credit", payoutId: payout.id });
    expect(again.status).toBe(409);
    expect(world.adminApi.callsOf("storeCreditAccountCredit").length).toBe(callsBefore + 1);
    expect(await world.database.db.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({
      status: "PAYING",
    });

    // The merchant checked Shopify: the credit was made, so they record it.
    const settled = await post("/app/payouts?index", {
      intent: "paid",
      payoutId: payout.id,
      reference: "checked in Shopify",
    });
    expect(settled.status).toBe(200);
    expect(await world.database.db.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({
      status: "PAID",
      failure: null,
    });
  });

  it("mark paid: one payment, one audit entry", async () => {
    const payout = await draft(1200);
    const answers = await fiveTimes(() =>
      post("/app/payouts?index", { intent: "paid", payoutId: payout.id, reference: "BATCH-9" }),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(await world.database.db.auditEntry.count({ where: { subject: payout.id, action: "payout.paid" } })).toBe(1);
  });

  it("deductions: the payout never goes below nothing", async () => {
    const payout = await draft(1000);
    const answers = await fiveTimes(() =>
      post("/app/payouts?index", { intent: "adjust", payoutId: payout.id, amount: "-4.00", reason: "Returned sample" }),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(2);
    const after = await world.database.db.payout.findUniqueOrThrow({ where: { id: payout.id } });
    expect(after.amountMinor).toBe(200);
    const adjustments = await world.database.db.commissionAdjustment.findMany({ where: { payoutId: payout.id } });
    expect(adjustments.map((a) => a.amountMinor)).toEqual([-400, -400]);
  });

  it("cancel: one cancellation", async () => {
    const payout = await draft(900);
    const answers = await fiveTimes(() => post("/app/payouts?index", { intent: "cancel", payoutId: payout.id }));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(
      await world.database.db.auditEntry.count({ where: { subject: payout.id, action: "payout.cancelled" } }),
    ).toBe(1);
  });

  it("approve an application: one code in Shopify, one link, one portal token, one welcome", async () => {
    const db = world.database.db;
    const applicant = await db.influencer.create({
      data: { shopId, name: "Rita Ramos", email: "rita@example.com", status: "APPLIED" },
    });
    const codesBefore = world.adminApi.callsOf("discountCodeBasicCreate").length;
    const answers = await fiveTimes(() => post("/app/applications", { intent: "approve", influencerId: applicant.id }));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(world.adminApi.callsOf("discountCodeBasicCreate").length).toBe(codesBefore + 1);
    expect(await db.discountCode.count({ where: { influencerId: applicant.id } })).toBe(1);
    expect(await db.referralLink.count({ where: { influencerId: applicant.id } })).toBe(1);
    expect(await db.portalToken.count({ where: { influencerId: applicant.id } })).toBe(1);
    expect(await db.influencer.findUniqueOrThrow({ where: { id: applicant.id } })).toMatchObject({ status: "ACTIVE" });
  });

  it("import past orders: one run, one bulk query in Shopify", async () => {
    const db = world.database.db;
    const orders = world.adminApi.shop(TEST_SHOP).orders;
    for (let i = 1; i <= 3; i++) orders.push(pastOrder(70_000 + i, "DUO10"));
    const asked = world.adminApi.callsOf("bulkOperationRunQuery").length;
    const answers = await fiveTimes(() => post("/app/backfill", {}));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    await eventually(() => db.backfillRun.findFirst({ where: { status: "DONE" } }), 10_000);
    expect(await db.backfillRun.count()).toBe(1);
    expect(world.adminApi.callsOf("bulkOperationRunQuery").length - asked).toBe(1); // one bulk query
    expect(await db.order.count({ where: { shopifyOrderId: { in: ["70001", "70002", "70003"] } } })).toBe(3);
  });

  it("add a best-practice note: the same form five times is one note, each told it was added", async () => {
    const db = world.database.db;
    const form = { intent: "add", formKey: randomUUID(), title: "Pin the code", body: "Say it in the first line." };
    const answers = await fiveTimes(() => post("/app/what-works", form));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    for (const a of answers) expect(await a.text()).toContain("Note added");
    expect(await db.bestPracticeNote.count({ where: { shopId, title: "Pin the code" } })).toBe(1);
    // Another form (a new page) adds another note.
    expect((await post("/app/what-works", { ...form, formKey: randomUUID() })).status).toBe(200);
    expect(await db.bestPracticeNote.count({ where: { shopId, title: "Pin the code" } })).toBe(2);
  });
});

describe("a post without its id", () => {
  it.each([
    ["/app/payouts?index", { intent: "paid", reference: "X" }, "payoutId"],
    ["/app/payouts?index", { intent: "paid", payoutId: "", reference: "X" }, "payoutId"],
    ["/app/payouts?index", { intent: "cancel" }, "payoutId"],
    ["/app/payouts?index", { intent: "store-credit" }, "payoutId"],
    ["/app/payouts?index", { intent: "adjust", amount: "-1.00", reason: "x" }, "payoutId"],
    ["/app/payouts?index", { intent: "return-to-draft" }, "payoutId"],
    ["/app/payouts?index", { payoutId: "x" }, "intent"],
    ["/app/applications", { intent: "decline" }, "influencerId"],
    ["/app/applications", { intent: "approve" }, "influencerId"],
    ["/app/what-works", { intent: "add", title: "A note", body: "Its text" }, "formKey"],
    ["/app/what-works", { intent: "add", formKey: "not-a-key", title: "A note", body: "Its text" }, "formKey"],
  ])("POST %s %j is refused naming %s, and changes nothing", async (path, fields, field) => {
    const db = world.database.db;
    await draft(700);
    await db.influencer.create({
      data: {
        shopId,
        name: "Waiting Applicant",
        email: `wait${Date.now()}${Math.random()}@example.com`,
        status: "APPLIED",
      },
    });
    const before = await payoutState();
    const influencersBefore = JSON.stringify(await db.influencer.findMany({ orderBy: { id: "asc" } }));
    const response = await post(path, fields);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(field);
    expect(await payoutState()).toBe(before);
    expect(JSON.stringify(await db.influencer.findMany({ orderBy: { id: "asc" } }))).toBe(influencersBefore);
    expect(await db.bestPracticeNote.count({ where: { title: "A note" } })).toBe(0);
  });
});
