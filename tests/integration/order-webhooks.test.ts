// Conformance: Shopify's own example payloads for every topic the app subscribes to, through the
// real routes with real HMACs, with an influencer's code or link injected; the stored order is
// checked field by field against amounts computed by hand from the example.
import { beforeAll, describe, expect, it } from "vitest";
import { WEBHOOK_API_VERSION } from "~/api-version";
import { TEST_SHOP } from "../support/constants";
import { seedInfluencerWithLink, testEmailHash } from "../support/factories";
import { useWorld } from "../support/harness";
import { adminFetch, sendWebhook } from "../support/shopify";
import { shopifyExample } from "../support/shopify-examples";

const world = useWorld();
const ORDER_ID = "820982911946154500"; // the examples' order id, as JavaScript reads it
type Payload = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Shopify's order JSON, reshaped freely by the cases

let maya: Awaited<ReturnType<typeof seedInfluencerWithLink>>;

beforeAll(async () => {
  expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
  maya = await seedInfluencerWithLink(world.database.db, TEST_SHOP, {
    slug: "maya-rivera",
    code: "MAYA10",
    email: "maya@example.com",
  });
});

function example(topic: string, changes: (p: Payload) => void = () => {}): Payload {
  const payload = shopifyExample<Payload>(WEBHOOK_API_VERSION, topic);
  changes(payload);
  return payload;
}

/** The example order as a real, paid order that used Maya's code. */
const liveOrder = (p: Payload) => {
  p.test = false;
  p.cancelled_at = null;
  p.financial_status = "paid";
  p.discount_codes = [{ code: "maya10", amount: "20.00", type: "fixed_amount" }];
};

async function deliver(topic: string, payload: Payload) {
  const response = await sendWebhook(world.app.url, topic, payload);
  expect(response.status, `${topic}: ${world.app.output().slice(-500)}`).toBe(200);
  const event = await world.database.db.webhookEvent.findFirstOrThrow({
    where: { topic },
    orderBy: { receivedAt: "desc" },
  });
  expect(event.lastError).toBeNull();
  expect(event.status).toBe("PROCESSED");
}

async function storedOrder(shopifyOrderId = ORDER_ID) {
  return world.database.db.order.findFirstOrThrow({
    where: { shopifyOrderId },
    include: { lines: { orderBy: { shopifyLineId: "asc" } } },
  });
}

describe(`Shopify's example payloads (${WEBHOOK_API_VERSION}) through the routes`, () => {
  it("ignores the example as sent: it is a test order", async () => {
    await deliver("orders/create", example("orders/create"));
    expect(await world.database.db.order.count()).toBe(0);
  });

  it("orders/create stores the order in shop money, attributed to the influencer's code", async () => {
    await deliver("orders/create", example("orders/create", liveOrder));
    const order = await storedOrder();
    expect(order).toMatchObject({
      name: "#9999",
      test: false,
      currency: "USD",
      influencerId: maya.influencer.id,
      source: "CODE",
      attributedCode: "maya10",
      attributedSlug: null,
      selfReferral: false,
      isNewCustomer: true,
      customerShopifyId: "115310627314723950",
      customerEmailHash: testEmailHash("john@example.com"),
      subtotalMinor: 40495,
      discountsMinor: 2000,
      shippingMinor: 1000,
      taxesMinor: 0,
      totalMinor: 40495,
      refundedMinor: 0,
      netSalesMinor: 40495,
      financialStatus: "paid",
      cancelledAt: null,
    });
    // Shopper data: no email, name or address in any stored row, only the email's keyed hash.
    const db = world.database.db;
    const stored = JSON.stringify([
      await db.order.findMany({ include: { lines: true } }),
      await db.webhookEvent.findMany(),
      await db.commission.findMany(),
    ]);
    for (const personal of [
      "john@example.com",
      "jon@example.com",
      "Smith",
      "Shipper",
      "123 Shipping Street",
      "555-555-SHIP",
    ])
      expect(stored).not.toContain(personal);
    expect(order.placedAt.toISOString()).toBe("2022-01-01T00:00:00.000Z");
    // Lines: 89.99, 19.99, 24.99, 159.99, 119.99 = 414.95, less the 10.00 of the order's discounts
    // not allocated to lines (subtotal 404.95), spread in proportion: 2.17, 0.48, 0.60, 3.86, 2.89.
    expect(order.lines.map((l) => [l.title, l.quantity, l.netMinor])).toEqual(
      expect.arrayContaining([
        ["Aviator sunglasses", 1, 8782],
        ["Mid-century lounger", 1, 15613],
        ["Coffee table", 1, 11710],
      ]),
    );
    expect(order.lines.reduce((sum, l) => sum + l.netMinor, 0)).toBe(40495);
  });

  it("orders/paid and orders/updated with the same snapshot change nothing", async () => {
    const before = await storedOrder();
    await deliver("orders/paid", example("orders/paid", liveOrder));
    await deliver("orders/updated", example("orders/updated", liveOrder));
    const after = await storedOrder();
    expect({ ...after, updatedAt: null, lines: after.lines.map((l) => ({ ...l, id: null })) }).toEqual({
      ...before,
      updatedAt: null,
      lines: before.lines.map((l) => ({ ...l, id: null })),
    });
  });

  it("products/update gives the lines of that product their category", async () => {
    await deliver("products/update", example("products/update"));
    const product = await world.database.db.product.findFirstOrThrow({
      where: { shopifyProductId: ORDER_ID.replace(/.*/, "788032119674292900") },
    });
    expect(product).toMatchObject({ title: "Example T-Shirt", productType: "Shirts" });
    const order = await storedOrder();
    const shirts = order.lines.filter((l) => l.shopifyProductId === "788032119674292900");
    expect(shirts.length).toBe(3);
    expect(shirts.every((l) => l.productType === "Shirts" && l.productId === product.id)).toBe(true);
    // The category report of Maya's day follows the product: her sales of shirts are counted as shirts.
    const categories = await world.database.db.influencerCategoryDay.findMany({
      where: { influencerId: maya.influencer.id, kind: "PRODUCT_TYPE" },
    });
    expect(categories.find((c) => c.category === "Shirts")).toMatchObject({ orders: 1, units: 3 });
  });

  it("refunds/create takes the refunded lines out of net sales", async () => {
    await deliver(
      "refunds/create",
      example("refunds/create", (p) => {
        p.refund_line_items = p.refund_line_items.slice(0, 1); // the sunglasses only: 89.99
      }),
    );
    const order = await storedOrder();
    // The line was worth 87.82 after the order's discounts: that much is refunded, not 89.99.
    expect(order).toMatchObject({ refundedMinor: 8782, netSalesMinor: 40495 - 8782 });
    const line = order.lines.find((l) => l.title === "Aviator sunglasses")!;
    expect(line).toMatchObject({ refundedQuantity: 1, refundedMinor: 8782 });
    expect(await world.database.db.refund.count()).toBe(1);
  });

  it("orders/cancelled leaves no net sales", async () => {
    await deliver(
      "orders/cancelled",
      example("orders/cancelled", (p) => {
        liveOrder(p);
        p.cancelled_at = "2022-01-02T10:00:00-05:00";
        p.updated_at = "2022-01-02T10:00:00-05:00";
        p.financial_status = "voided";
      }),
    );
    const order = await storedOrder();
    expect(order.cancelledAt?.toISOString()).toBe("2022-01-02T15:00:00.000Z");
    expect(order).toMatchObject({ netSalesMinor: 0, financialStatus: "voided", influencerId: maya.influencer.id });
  });

  it("attributes by the ref in the cart attributes when no code was used, and flags self-referrals", async () => {
    await deliver(
      "orders/create",
      example("orders/create", (p) => {
        liveOrder(p);
        p.id = 9_100_000_001;
        p.discount_codes = [];
        p.note_attributes = [
          { name: "ref", value: "maya-rivera" },
          { name: "ref_at", value: new Date().toISOString() },
        ];
        p.created_at = p.processed_at = p.updated_at = new Date().toISOString();
      }),
    );
    expect(await storedOrder("9100000001")).toMatchObject({
      source: "LINK",
      attributedSlug: "maya-rivera",
      influencerId: maya.influencer.id,
      selfReferral: false,
    });

    await deliver(
      "orders/create",
      example("orders/create", (p) => {
        liveOrder(p);
        p.id = 9_100_000_002;
        p.customer.email = "MAYA@example.com";
        p.email = "maya@example.com";
      }),
    );
    expect(await storedOrder("9100000002")).toMatchObject({
      source: "CODE",
      influencerId: maya.influencer.id,
      selfReferral: true,
    });
  });

  it("stores an order no influencer brought, for new-customer counts, unattributed", async () => {
    await deliver(
      "orders/create",
      example("orders/create", (p) => {
        liveOrder(p);
        p.id = 9_100_000_003;
        p.discount_codes = [{ code: "BLACKFRIDAY" }];
      }),
    );
    const order = await storedOrder("9100000003");
    expect(order).toMatchObject({ influencerId: null, source: "NONE", attributedCode: null });
    // Same customer as the first order, placed later: a returning customer.
    expect(order.isNewCustomer).toBe(false);
  });
});
