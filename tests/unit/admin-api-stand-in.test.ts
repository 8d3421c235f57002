// The Admin API stand-in refuses what Shopify refuses: fields beyond the granted scopes, queries
// over the cost limit or beyond the bucket, unsized connections, documents the published schema
// does not validate. What the app sends meets these in every integration test; this checks the
// stand-in itself, so that it cannot quietly accept what Shopify would not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_VERSION } from "~/api-version";
import { startAdminApiStandIn, type AdminApiStandIn } from "../support/admin-api/server";
import { pastOrder } from "../support/orders";

const SHOP = "scopes-shop.myshopify.com";
let now = Date.now();
let standIn: AdminApiStandIn;
let withCustomers: AdminApiStandIn;

async function ask(server: AdminApiStandIn, query: string, variables: Record<string, unknown> = {}) {
  const token = server.grantToken(SHOP).accessToken;
  const response = await fetch(`${server.url}/admin/api/${API_VERSION}/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Stand-In-Shop": SHOP, "X-Shopify-Access-Token": token },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: Record<string, unknown>;
    errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  };
}

beforeAll(async () => {
  const clock = () => now;
  standIn = await startAdminApiStandIn({ apiKey: "k", apiSecret: "s", clock });
  withCustomers = await startAdminApiStandIn({
    apiKey: "k",
    apiSecret: "s",
    clock,
    scopes: "read_orders,read_customers",
  });
  for (const server of [standIn, withCustomers]) server.shop(SHOP).orders.push(pastOrder(1, "CODE10"));
});
afterAll(async () => {
  await standIn.close();
  await withCustomers.close();
});

describe("the Admin API stand-in", () => {
  it("refuses an order's customer without read_customers, where Shopify does, and answers the rest", async () => {
    const answer = await ask(standIn, "{ orders(first: 1) { nodes { name email customer { id } } } }");
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: "Access denied for customer field. Required access: `read_customers` access scope.",
        path: ["orders", "nodes", 0, "customer"],
        extensions: expect.objectContaining({
          code: "ACCESS_DENIED",
          requiredAccess: "`read_customers` access scope.",
        }),
      }),
    ]);
    expect(answer.data).toEqual({ orders: { nodes: [{ name: "#1", email: "buyer1@example.com", customer: null }] } });
    expect((await ask(withCustomers, "{ orders(first: 1) { nodes { customer { id } } } }")).errors).toBeUndefined();
  });

  it("takes a write scope as its read scope, as Shopify grants them", async () => {
    expect((await ask(standIn, `{ codeDiscountNodeByCode(code: "NONE") { id } }`)).errors).toBeUndefined(); // read_discounts via write_discounts
  });

  it("refuses a query over 1,000 points, and a connection without first or last", async () => {
    const big = await ask(standIn, "{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { id } } } } }");
    expect(big.errors?.[0].extensions).toMatchObject({ code: "MAX_COST_EXCEEDED", maxCost: 1000 });
    const unsized = await ask(standIn, "{ orders { nodes { id } } }");
    expect(unsized.errors?.[0].message).toContain("you must provide one of first or last");
  });

  it("throttles when the bucket is spent, and refills it with time", async () => {
    const query = "{ orders(first: 120) { nodes { lineItems(first: 3) { nodes { id } } } } }"; // 2 + 120 x (1 + 2 + 3) = 722
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await ask(standIn, query));
    expect(answers.map((a) => a.errors?.[0].extensions?.code ?? "ok")).toEqual(["ok", "ok", "THROTTLED"]);
    now += 10_000; // 100 points a second
    expect((await ask(standIn, query)).errors).toBeUndefined();
  });

  it("validates against the published schema: a union needs its fragment, an enum is an enum", async () => {
    const union = await ask(standIn, `{ codeDiscountNodeByCode(code: "X") { codeDiscount { title } } }`);
    expect(union.errors?.[0].message).toContain('Cannot query field "title" on type "DiscountCode"');
    const fragment = await ask(
      standIn,
      `{ codeDiscountNodeByCode(code: "X") { codeDiscount { ... on DiscountCodeBasic { title } } } }`,
    );
    expect(fragment.errors).toBeUndefined();
    const enumValue = await ask(
      standIn,
      `mutation { discountCodeBasicCreate(basicCodeDiscount: { code: "A", context: { all: EVERYONE } }) { userErrors { message } } }`,
    );
    expect(enumValue.errors?.[0].message).toContain("EVERYONE");
  });

  it("saves the app's web pixel as Shopify does: settings as its extension defines them, one per shop, read_customer_events required", async () => {
    const create = `mutation ($settings: JSON!) { webPixelCreate(webPixel: { settings: $settings }) { webPixel { id settings } userErrors { field code message } } }`;
    const denied = await ask(withCustomers, create, {
      settings: JSON.stringify({ collectUrl: "https://app.example/pixel" }),
    });
    expect(denied.errors?.[0].extensions?.code).toBe("ACCESS_DENIED"); // no write_pixels

    const unknownField = await ask(standIn, create, {
      settings: JSON.stringify({ collectUrl: "https://app.example/pixel", accountID: "1" }),
    });
    expect(unknownField.data?.webPixelCreate).toMatchObject({
      webPixel: null,
      userErrors: [{ code: "INVALID_SETTINGS", message: "accountID is not a defined setting" }],
    });
    const tooShort = await ask(standIn, create, { settings: JSON.stringify({ collectUrl: "x" }) });
    expect(tooShort.data?.webPixelCreate).toMatchObject({ userErrors: [{ code: "INVALID_SETTINGS" }] });
    const notJson = await ask(standIn, create, { settings: "{collectUrl" });
    expect(notJson.data?.webPixelCreate).toMatchObject({ userErrors: [{ code: "INVALID_CONFIGURATION_JSON" }] });

    const created = await ask(standIn, create, {
      settings: JSON.stringify({ collectUrl: "https://app.example/pixel" }),
    });
    expect(created.data?.webPixelCreate).toMatchObject({
      webPixel: { id: expect.stringMatching(/^gid:\/\/shopify\/WebPixel\/\d+$/) },
      userErrors: [],
    });
    const again = await ask(standIn, create, { settings: JSON.stringify({ collectUrl: "https://app.example/pixel" }) });
    expect(again.data?.webPixelCreate).toMatchObject({ webPixel: null, userErrors: [{ code: "TAKEN" }] });
    expect((await ask(standIn, "{ webPixel { id settings } }")).data?.webPixel).toMatchObject({
      settings: JSON.stringify({ collectUrl: "https://app.example/pixel" }),
    });

    const noEvents = await startAdminApiStandIn({ apiKey: "k", apiSecret: "s", scopes: "write_pixels" });
    try {
      const answer = await ask(noEvents, create, {
        settings: JSON.stringify({ collectUrl: "https://app.example/pixel" }),
      });
      expect(answer.errors?.[0]).toMatchObject({
        message: expect.stringContaining("read_customer_events"),
        extensions: { code: "ACCESS_DENIED" },
      });
    } finally {
      await noEvents.close();
    }
  });
});
