import { beforeAll, describe, expect, it } from "vitest";
import { OTHER_SHOP, TEST_SHOP } from "../support/constants";
import { useWorld } from "../support/harness";
import { adminFetch, adminPost } from "../support/shopify";

const world = useWorld();

const postForm = (path: string, fields: Record<string, string>, shop = TEST_SHOP) =>
  adminPost(world.app.url, path, fields, shop);

const maya = {
  name: "Maya Rivera",
  email: "maya@example.com",
  code: "MAYA10",
  discountPercent: "10",
  commissionPercent: "12",
};

beforeAll(async () => {
  expect((await adminFetch(world.app.url, "/app")).status).toBe(200); // installs the shop
});

describe("POST /app/influencers/new", () => {
  it("creates the influencer, the code in Shopify with the right variables, and a referral link", async () => {
    const response = await postForm("/app/influencers/new", maya);
    expect(response.status).toBe(302);
    const db = world.database.db;
    const influencer = await db.influencer.findFirstOrThrow({
      where: { email: "maya@example.com" },
      include: { codes: true, links: true },
    });
    expect(response.headers.get("location")).toBe(`/app/influencers/${influencer.id}?added=1`);
    expect(influencer).toMatchObject({ name: "Maya Rivera", status: "ACTIVE", commissionBps: 1200 });
    expect(influencer.codes).toHaveLength(1);
    expect(influencer.codes[0]).toMatchObject({
      code: "MAYA10",
      codeKey: "MAYA10",
      status: "ACTIVE",
      percentBps: 1000,
    });
    expect(influencer.codes[0].shopifyDiscountId).toMatch(/^gid:\/\/shopify\/DiscountCodeNode\/\d+$/);
    expect(influencer.links).toHaveLength(1);
    expect(influencer.links[0]).toMatchObject({
      slug: "maya-rivera",
      destinationPath: "/",
      discountCodeId: influencer.codes[0].id,
    });

    const [call] = world.adminApi.callsOf("discountCodeBasicCreate");
    expect(call.variables).toEqual({
      discount: expect.objectContaining({
        title: "Maya Rivera (influencer code)",
        code: "MAYA10",
        context: { all: "ALL" },
        customerGets: { value: { percentage: 0.1 }, items: { all: true } },
        appliesOncePerCustomer: false,
        usageLimit: null,
        minimumRequirement: null,
        endsAt: null,
        combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: true },
      }),
    });
    const inShopify = [...world.adminApi.shop(TEST_SHOP).discounts.values()];
    expect(inShopify.map((d) => [d.code, d.percentage, d.active])).toEqual([["MAYA10", 0.1, true]]);
  });

  it("sends a fixed amount, a minimum and a usage limit in the shop's currency", async () => {
    const response = await postForm("/app/influencers/new", {
      name: "Leo Chen",
      email: "leo@example.com",
      code: "LEO5",
      discountType: "fixed_amount",
      discountAmount: "5",
      minimumSubtotal: "40",
      usageLimit: "100",
      oncePerCustomer: "true",
      endsAt: "2027-01-31",
    });
    expect(response.status).toBe(302);
    const call = world.adminApi.callsOf("discountCodeBasicCreate").at(-1)!;
    expect(call.variables.discount).toMatchObject({
      code: "LEO5",
      customerGets: { value: { discountAmount: { amount: "5.00", appliesOnEachItem: false } }, items: { all: true } },
      minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: "40.00" } },
      usageLimit: 100,
      appliesOncePerCustomer: true,
      endsAt: "2027-01-31T23:59:59.000Z",
    });
  });

  it("shows a field error for a code taken in Shopify and stores nothing on either side", async () => {
    const before = world.adminApi.shop(TEST_SHOP).discounts.size;
    world.adminApi.shop(TEST_SHOP).discounts.set(1, {
      id: 1,
      title: "Black Friday",
      code: "BLACKFRIDAY",
      percentage: 0.3,
      amount: null,
      appliesOncePerCustomer: false,
      usageLimit: null,
      minimumSubtotal: null,
      startsAt: new Date().toISOString(),
      endsAt: null,
      combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: false },
      active: true,
      usageCount: 0,
    });
    const response = await postForm("/app/influencers/new", {
      ...maya,
      email: "zoe@example.com",
      name: "Zoe",
      code: "blackfriday",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("This code is already used in your store. Try another.");
    const db = world.database.db;
    expect(await db.influencer.count({ where: { email: "zoe@example.com" } })).toBe(0);
    expect(await db.discountCode.count({ where: { codeKey: "BLACKFRIDAY" } })).toBe(0);
    expect(world.adminApi.shop(TEST_SHOP).discounts.size).toBe(before + 1); // only the merchant's own discount
  });

  it("shows a field error for a code another influencer has, without asking Shopify", async () => {
    const calls = world.adminApi.calls.length;
    const response = await postForm("/app/influencers/new", {
      ...maya,
      email: "copy@example.com",
      name: "Copy Cat",
      code: "maya10",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("This code already belongs to Maya Rivera");
    expect(world.adminApi.calls.length).toBe(calls);
    expect(await world.database.db.influencer.count({ where: { email: "copy@example.com" } })).toBe(0);
  });

  it("refuses invalid fields with a message on each, changing nothing", async () => {
    const calls = world.adminApi.calls.length;
    const response = await postForm("/app/influencers/new", {
      name: "",
      email: "nope",
      code: "x",
      discountPercent: "0",
      commissionPercent: "",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    for (const message of [
      "Enter a name",
      "Enter an email address like name@example.com",
      "Use at least 3 characters",
      "Enter a discount between 1 and 100 percent",
    ]) {
      expect(html).toContain(message);
    }
    expect(world.adminApi.calls.length).toBe(calls);
  });

  it("retries a throttled call and then creates the code", async () => {
    world.adminApi.inject("throttle", 2);
    const response = await postForm("/app/influencers/new", {
      ...maya,
      name: "Aisha Okafor",
      email: "aisha@example.com",
      code: "AISHA10",
    });
    expect(response.status).toBe(302);
    const creates = world.adminApi.callsOf("discountCodeBasicCreate").slice(-3);
    expect(creates.map((c) => c.outcome)).toEqual(["throttled", "throttled", "ok"]);
    const code = await world.database.db.discountCode.findFirstOrThrow({ where: { codeKey: "AISHA10" } });
    expect(code.status).toBe("ACTIVE");
  });

  it("leaves no orphan when Shopify fails before creating the code", async () => {
    world.adminApi.inject("server-error");
    const response = await postForm("/app/influencers/new", {
      ...maya,
      name: "Noah Larsen",
      email: "noah@example.com",
      code: "NOAH10",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Shopify could not be reached, so the code was not created");
    expect(await world.database.db.influencer.count({ where: { email: "noah@example.com" } })).toBe(0);
    expect([...world.adminApi.shop(TEST_SHOP).discounts.values()].some((d) => d.code === "NOAH10")).toBe(false);
  });

  it("adopts the code when Shopify created it but the answer was lost", async () => {
    world.adminApi.inject("lost-response");
    const response = await postForm("/app/influencers/new", {
      ...maya,
      name: "Priya Patel",
      email: "priya@example.com",
      code: "PRIYA10",
    });
    expect(response.status).toBe(302);
    const inShopify = [...world.adminApi.shop(TEST_SHOP).discounts.values()].filter((d) => d.code === "PRIYA10");
    expect(inShopify).toHaveLength(1);
    const code = await world.database.db.discountCode.findFirstOrThrow({ where: { codeKey: "PRIYA10" } });
    expect(code).toMatchObject({
      status: "ACTIVE",
      shopifyDiscountId: `gid://shopify/DiscountCodeNode/${inShopify[0].id}`,
    });
  });
});

describe("pausing and archiving", () => {
  it("archive deactivates the codes in Shopify and pauses the links; activate turns them back on", async () => {
    const db = world.database.db;
    const influencer = await db.influencer.findFirstOrThrow({ where: { email: "maya@example.com" } });
    const archived = await postForm(`/app/influencers/${influencer.id}`, { intent: "status", status: "ARCHIVED" });
    expect(archived.status).toBe(200);
    const code = await db.discountCode.findFirstOrThrow({ where: { influencerId: influencer.id } });
    expect(code.status).toBe("INACTIVE");
    const shopifyId = Number(code.shopifyDiscountId!.split("/").pop());
    expect(world.adminApi.shop(TEST_SHOP).discounts.get(shopifyId)?.active).toBe(false);
    expect(
      await db.referralLink.findMany({ where: { influencerId: influencer.id }, select: { status: true } }),
    ).toEqual([{ status: "PAUSED" }]);
    expect((await db.influencer.findUniqueOrThrow({ where: { id: influencer.id } })).status).toBe("ARCHIVED");

    await postForm(`/app/influencers/${influencer.id}`, { intent: "status", status: "ACTIVE" });
    expect(world.adminApi.shop(TEST_SHOP).discounts.get(shopifyId)?.active).toBe(true);
    expect((await db.discountCode.findUniqueOrThrow({ where: { id: code.id } })).status).toBe("ACTIVE");
  });
});

describe("one shop never sees another's influencers", () => {
  it("answers 404 to another shop's influencer and does not change it", async () => {
    const influencer = await world.database.db.influencer.findFirstOrThrow({ where: { email: "maya@example.com" } });
    await adminFetch(world.app.url, "/app", { shop: OTHER_SHOP });
    const read = await adminFetch(world.app.url, `/app/influencers/${influencer.id}`, { shop: OTHER_SHOP });
    expect(read.status).toBe(404);
    const write = await postForm(
      `/app/influencers/${influencer.id}`,
      { intent: "status", status: "PAUSED" },
      OTHER_SHOP,
    );
    expect(await write.text()).toContain("This influencer does not exist");
    expect((await world.database.db.influencer.findUniqueOrThrow({ where: { id: influencer.id } })).status).toBe(
      "ACTIVE",
    );
    const list = await adminFetch(world.app.url, "/app/influencers", { shop: OTHER_SHOP });
    expect(await list.text()).not.toContain("maya@example.com");
  });
});
