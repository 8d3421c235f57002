// Resolvers of the stand-in's schema: Shopify's response shapes and Shopify's userErrors.
import { readFileSync } from "node:fs";
import path from "node:path";
import { GraphQLError } from "graphql";
import {
  nextId,
  type MoneySetJson,
  type ShopState,
  type StandInDiscount,
  type StandInOrder,
  type StandInProduct,
} from "./state";

type Connection<T> = {
  nodes: T[];
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
};

function cursorOf(index: number): string {
  return Buffer.from(`i:${index}`).toString("base64");
}

function indexOf(cursor: string | undefined): number {
  if (!cursor) return -1;
  const text = Buffer.from(cursor, "base64").toString();
  if (!text.startsWith("i:")) throw new Error("Invalid cursor");
  return Number(text.slice(2));
}

/** A page of a connection; with no page size (a bulk query) everything. */
export function paginate<T>(items: T[], args: { first?: number; after?: string }): Connection<T> {
  if (args.first !== undefined && args.first > 250) throw new Error("The maximum value for first is 250.");
  const first = args.first ?? items.length;
  const start = indexOf(args.after) + 1;
  const page = items.slice(start, start + first);
  return {
    nodes: page,
    edges: page.map((node, i) => ({ cursor: cursorOf(start + i), node })),
    pageInfo: {
      hasNextPage: start + first < items.length,
      hasPreviousPage: start > 0,
      startCursor: page.length ? cursorOf(start) : null,
      endCursor: page.length ? cursorOf(start + page.length - 1) : null,
    },
  };
}

function productNode(shop: ShopState, p: StandInProduct) {
  return {
    id: `gid://shopify/Product/${p.id}`,
    legacyResourceId: String(p.id),
    title: p.title,
    handle: p.handle,
    productType: p.productType,
    vendor: p.vendor,
    collections: (args: { first?: number; after?: string }) =>
      paginate(
        p.collections.map((title) => ({
          id: `gid://shopify/Collection/${Buffer.from(title).toString("hex").slice(0, 12)}`,
          title,
          handle: title.toLowerCase().replace(/\W+/g, "-"),
        })),
        args,
      ),
    variants: (args: { first?: number; after?: string }) =>
      paginate(
        [
          {
            id: `gid://shopify/ProductVariant/${p.id}1`,
            title: "Default Title",
            price: p.price,
            inventoryItem: {
              id: `gid://shopify/InventoryItem/${p.id}1`,
              unitCost: p.unitCost ? { amount: p.unitCost, currencyCode: shop.currencyCode } : null,
            },
          },
        ],
        args,
      ),
  };
}

const moneyBag = (set: MoneySetJson | undefined) =>
  set && {
    shopMoney: { amount: set.shop_money.amount, currencyCode: set.shop_money.currency_code },
    presentmentMoney: {
      amount: (set.presentment_money ?? set.shop_money).amount,
      currencyCode: (set.presentment_money ?? set.shop_money).currency_code,
    },
  };

/** The GraphQL Order of an order kept in its webhook (REST) shape. */
function orderNode(o: StandInOrder) {
  const lineNode = (line: StandInOrder["line_items"][number]) => ({
    id: `gid://shopify/LineItem/${line.id}`,
    title: line.title,
    quantity: line.quantity,
    currentQuantity: line.current_quantity ?? line.quantity,
    originalUnitPriceSet: moneyBag(line.price_set),
    discountAllocations: (line.discount_allocations ?? []).map((a) => ({ allocatedAmountSet: moneyBag(a.amount_set) })),
    product: line.product_id
      ? { id: `gid://shopify/Product/${line.product_id}`, legacyResourceId: String(line.product_id) }
      : null,
    variant: line.variant_id ? { id: `gid://shopify/ProductVariant/${line.variant_id}` } : null,
  });
  return {
    id: `gid://shopify/Order/${o.id}`,
    legacyResourceId: String(o.id),
    name: o.name,
    createdAt: o.created_at,
    processedAt: o.processed_at ?? o.created_at,
    updatedAt: o.updated_at,
    cancelledAt: o.cancelled_at ?? null,
    test: o.test,
    displayFinancialStatus: (o.financial_status ?? "paid").toUpperCase(),
    email: o.email ?? o.customer?.email ?? null, // Shopify: the customer's email, readable with read_orders
    customer: o.customer
      ? {
          id: `gid://shopify/Customer/${o.customer.id}`,
          legacyResourceId: String(o.customer.id),
          email: o.customer.email ?? null,
        }
      : null,
    discountCodes: o.discount_codes.map((c) => c.code),
    customAttributes: (o.note_attributes ?? []).map((a) => ({ key: a.name, value: a.value })),
    subtotalPriceSet: moneyBag(o.subtotal_price_set),
    totalDiscountsSet: moneyBag(o.total_discounts_set),
    totalShippingPriceSet: moneyBag(
      o.total_shipping_price_set ?? {
        shop_money: { amount: "0.00", currency_code: o.total_price_set.shop_money.currency_code },
      },
    ),
    totalTaxSet: moneyBag(o.total_tax_set),
    totalPriceSet: moneyBag(o.total_price_set),
    lineItems: (args: { first?: number; after?: string }) => paginate(o.line_items.map(lineNode), args),
    refunds: () =>
      (o.refunds ?? []).map((r) => ({
        id: `gid://shopify/Refund/${r.id}`,
        legacyResourceId: String(r.id),
        createdAt: r.created_at,
        refundLineItems: (args: { first?: number; after?: string }) =>
          paginate(
            r.refund_line_items.map((rl) => ({
              lineItem: lineNode(
                o.line_items.find((l) => l.id === rl.line_item_id) ?? {
                  id: rl.line_item_id,
                  title: "",
                  quantity: rl.quantity,
                  price_set: rl.subtotal_set,
                },
              ),
              quantity: rl.quantity,
              subtotalSet: moneyBag(rl.subtotal_set),
            })),
            args,
          ),
      })),
  };
}

function status(d: StandInDiscount, now: Date): "ACTIVE" | "EXPIRED" | "SCHEDULED" {
  if (!d.active) return "EXPIRED";
  if (d.endsAt && new Date(d.endsAt) <= now) return "EXPIRED";
  if (new Date(d.startsAt) > now) return "SCHEDULED";
  return "ACTIVE";
}

function discountNode(d: StandInDiscount) {
  return {
    id: `gid://shopify/DiscountCodeNode/${d.id}`,
    codeDiscount: {
      __typename: "DiscountCodeBasic", // DiscountCode is a union
      title: d.title,
      status: status(d, new Date()),
      startsAt: d.startsAt,
      endsAt: d.endsAt,
      usageLimit: d.usageLimit,
      appliesOncePerCustomer: d.appliesOncePerCustomer,
      asyncUsageCount: d.usageCount,
      combinesWith: d.combinesWith,
      codes: (args: { first?: number; after?: string }) =>
        paginate(
          [{ id: `gid://shopify/DiscountRedeemCode/${d.id}`, code: d.code, asyncUsageCount: d.usageCount }],
          args,
        ),
    },
  };
}

type UserError = { field: string[]; message: string; code: string; extraInfo: null };
const userError = (field: string[], code: string, message: string): UserError => ({
  field,
  code,
  message,
  extraInfo: null,
});

type DiscountInput = {
  appliesOncePerCustomer?: boolean | null;
  code?: string | null;
  combinesWith?: { orderDiscounts?: boolean; productDiscounts?: boolean; shippingDiscounts?: boolean } | null;
  context?: { all?: string } | null;
  customerGets?: {
    value?: {
      percentage?: number | null;
      discountAmount?: { amount?: string | null; appliesOnEachItem?: boolean } | null;
    } | null;
    items?: { all?: boolean } | null;
  } | null;
  endsAt?: string | null;
  minimumRequirement?: { subtotal?: { greaterThanOrEqualToSubtotal?: string | null } | null } | null;
  startsAt?: string | null;
  title?: string | null;
  usageLimit?: number | null;
};

function validateDiscount(shop: ShopState, input: DiscountInput, creating: boolean, selfId?: number): UserError[] {
  const errors: UserError[] = [];
  const at = (name: string) => ["basicCodeDiscount", name];
  if (creating || input.code !== undefined) {
    const code = input.code?.trim() ?? "";
    if (!code) errors.push(userError(at("code"), "BLANK", "Code can't be blank"));
    else if (code.length > 255)
      errors.push(userError(at("code"), "TOO_LONG", "Code is too long (maximum is 255 characters)"));
    else if (/[\r\n]/.test(code))
      errors.push(userError(at("code"), "INVALID", "Code cannot contain newline characters."));
    else {
      const taken = [...shop.discounts.values()].some(
        (d) => d.id !== selfId && d.code.toUpperCase() === code.toUpperCase(),
      );
      if (taken) errors.push(userError(at("code"), "TAKEN", "Code must be unique. Please try a different code."));
    }
  }
  if (creating && !input.title?.trim()) errors.push(userError(at("title"), "BLANK", "Title can't be blank"));
  if (creating && !input.context) {
    errors.push(userError(at("context"), "MISSING_ARGUMENT", "Context or customer selection must be specified."));
  }
  const value = input.customerGets?.value;
  if (creating && !value) errors.push(userError(at("customerGets"), "BLANK", "Customer gets value can't be blank"));
  if (value) {
    if (value.percentage != null && value.discountAmount) {
      errors.push(
        userError([...at("customerGets"), "value"], "INVALID", "Only one of percentage or discount amount can be set"),
      );
    }
    if (value.percentage != null && !(value.percentage > 0 && value.percentage <= 1)) {
      errors.push(
        userError(
          [...at("customerGets"), "value", "percentage"],
          "VALUE_OUTSIDE_RANGE",
          "Value must be between 0.0 and 1.0",
        ),
      );
    }
    if (value.discountAmount && !(Number(value.discountAmount.amount) > 0)) {
      errors.push(
        userError(
          [...at("customerGets"), "value", "discountAmount", "amount"],
          "GREATER_THAN",
          "Value must be greater than 0",
        ),
      );
    }
  }
  if (input.usageLimit != null && input.usageLimit < 1) {
    errors.push(userError(at("usageLimit"), "GREATER_THAN", "Usage limit must be greater than 0"));
  }
  if (input.startsAt && input.endsAt && new Date(input.endsAt) <= new Date(input.startsAt)) {
    errors.push(userError(at("endsAt"), "INVALID", "Ends at needs to be after starts_at"));
  }
  return errors;
}

function applyDiscountInput(d: StandInDiscount, input: DiscountInput) {
  if (input.code != null) d.code = input.code.trim();
  if (input.title != null) d.title = input.title;
  if (input.appliesOncePerCustomer != null) d.appliesOncePerCustomer = input.appliesOncePerCustomer;
  if (input.usageLimit !== undefined) d.usageLimit = input.usageLimit;
  if (input.startsAt != null) d.startsAt = input.startsAt;
  if (input.endsAt !== undefined) d.endsAt = input.endsAt;
  if (input.combinesWith) d.combinesWith = { ...d.combinesWith, ...input.combinesWith };
  const value = input.customerGets?.value;
  if (value?.percentage != null) {
    d.percentage = value.percentage;
    d.amount = null;
  }
  if (value?.discountAmount?.amount != null) {
    d.amount = value.discountAmount.amount;
    d.percentage = null;
  }
  if (input.minimumRequirement !== undefined) {
    d.minimumSubtotal = input.minimumRequirement?.subtotal?.greaterThanOrEqualToSubtotal ?? null;
  }
}

function discountIdOf(gid: string): number {
  const match = /^gid:\/\/shopify\/DiscountCodeNode\/(\d+)$/.exec(gid);
  if (!match) throw new Error(`Invalid global id '${gid}'`);
  return Number(match[1]);
}

/** What the server runs for bulk queries: starting one, and an operation as a `node`. */
export type BulkService = {
  run: (
    query: string,
  ) => { operation: { id: number } } | { userErrors: Array<{ field: string[]; message: string; code: string | null }> };
  node: (id: number) => Record<string, unknown> | null;
};

/**
 * The settings Shopify checks webPixelCreate and webPixelUpdate against: the fields of the app's
 * pixel extension (shopify.extension.toml), each required, with its minimum length.
 */
const pixelSettingsDefinition = (() => {
  const toml = readFileSync(
    path.resolve(import.meta.dirname, "../../../extensions/referral-pixel/shopify.extension.toml"),
    "utf8",
  );
  const fields = new Map<string, number>();
  let field: string | null = null;
  for (const line of toml.split("\n")) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) field = /^settings\.fields\.(\w+)$/.exec(header[1])?.[1] ?? null;
    if (header && field) fields.set(field, 0);
    const min = /name = "min", value = "(\d+)"/.exec(line);
    if (field && min) fields.set(field, Number(min[1]));
  }
  return fields;
})();

function pixelSettingsProblem(settings: unknown): { code: string; message: string } | null {
  let parsed: unknown = settings;
  if (typeof settings === "string") {
    try {
      parsed = JSON.parse(settings);
    } catch {
      return { code: "INVALID_CONFIGURATION_JSON", message: "Settings are not valid JSON" };
    }
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
    return { code: "INVALID_SETTINGS", message: "Settings must be an object" };
  const given = parsed as Record<string, unknown>;
  for (const name of Object.keys(given))
    if (!pixelSettingsDefinition.has(name))
      return { code: "INVALID_SETTINGS", message: `${name} is not a defined setting` };
  for (const [name, min] of pixelSettingsDefinition) {
    const value = given[name];
    if (typeof value !== "string" || value.length < min)
      return { code: "INVALID_SETTINGS", message: `${name} must be at least ${min} characters` };
  }
  return null;
}

/** What the token was granted, for the calls whose needs Shopify documents beyond a field's scope. */
export type Grants = (scope: string) => boolean;

export function rootFor(shop: ShopState, bulk: BulkService, grants: Grants = () => true) {
  const findDiscount = (gid: string) => shop.discounts.get(discountIdOf(gid));
  const notFound = { codeDiscountNode: null, userErrors: [userError(["id"], "INVALID", "Discount does not exist")] };
  const setActive = (gid: string, active: boolean) => {
    const d = findDiscount(gid);
    if (!d) return notFound;
    d.active = active;
    return { codeDiscountNode: discountNode(d), userErrors: [] };
  };

  // webPixelCreate also needs read_customer_events (Shopify's documentation of the mutation).
  function savePixel(id: string | null, settings: unknown) {
    if (!grants("read_customer_events")) {
      throw new GraphQLError(
        "Access denied for webPixelCreate field. Required access: `read_customer_events` access scope.",
        { extensions: { code: "ACCESS_DENIED" } },
      );
    }
    const fail = (field: string[], code: string, message: string) => ({
      webPixel: null,
      userErrors: [{ field, code, message }],
    });
    if (id === null && shop.webPixel) return fail(["webPixel"], "TAKEN", "Web pixel is taken.");
    if (id !== null && (!shop.webPixel || id !== `gid://shopify/WebPixel/${shop.webPixel.id}`))
      return fail(["id"], "NOT_FOUND", "Web pixel not found.");
    const problem = pixelSettingsProblem(settings);
    if (problem) return fail(["webPixel", "settings"], problem.code, problem.message);
    const text = typeof settings === "string" ? settings : JSON.stringify(settings);
    shop.webPixel = { id: shop.webPixel?.id ?? nextId(), settings: text };
    return { webPixel: { id: `gid://shopify/WebPixel/${shop.webPixel.id}`, settings: text }, userErrors: [] };
  }

  return {
    shop: () => ({
      id: "gid://shopify/Shop/1",
      name: shop.name,
      email: shop.email,
      currencyCode: shop.currencyCode,
      ianaTimezone: shop.ianaTimezone,
      myshopifyDomain: shop.domain,
      primaryDomain: { host: shop.domain, url: `https://${shop.domain}` },
    }),
    products: (args: { first?: number; after?: string }) =>
      paginate(
        [...shop.products.values()].map((p) => productNode(shop, p)),
        args,
      ),
    product: ({ id }: { id: string }) => {
      const match = /^gid:\/\/shopify\/Product\/(\d+)$/.exec(id);
      const p = match ? shop.products.get(Number(match[1])) : undefined;
      return p ? productNode(shop, p) : null;
    },
    codeDiscountNodeByCode: ({ code }: { code: string }) => {
      const d = [...shop.discounts.values()].find((x) => x.code.toUpperCase() === code.toUpperCase());
      return d ? discountNode(d) : null;
    },
    codeDiscountNode: ({ id }: { id: string }) => {
      const d = findDiscount(id);
      return d ? discountNode(d) : null;
    },
    orders: (args: { first?: number; after?: string; query?: string }) => {
      const wanted = /discount_code:'?([^'\s]+)'?/.exec(args.query ?? "")?.[1]?.toUpperCase();
      const orders = shop.orders
        .filter((o) => !wanted || o.discount_codes.some((c) => c.code.toUpperCase() === wanted))
        .map(orderNode);
      return paginate(orders, args);
    },
    discountCodeBasicCreate: ({ basicCodeDiscount: input }: { basicCodeDiscount: DiscountInput }) => {
      const userErrors = validateDiscount(shop, input, true);
      if (userErrors.length) return { codeDiscountNode: null, userErrors };
      const d: StandInDiscount = {
        id: nextId(),
        title: "",
        code: "",
        percentage: null,
        amount: null,
        appliesOncePerCustomer: false,
        usageLimit: null,
        minimumSubtotal: null,
        startsAt: new Date().toISOString(),
        endsAt: null,
        combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: false },
        active: true,
        usageCount: 0,
      };
      applyDiscountInput(d, input);
      shop.discounts.set(d.id, d);
      return { codeDiscountNode: discountNode(d), userErrors: [] };
    },
    discountCodeBasicUpdate: ({ id, basicCodeDiscount: input }: { id: string; basicCodeDiscount: DiscountInput }) => {
      const d = findDiscount(id);
      if (!d) return notFound;
      const userErrors = validateDiscount(shop, input, false, d.id);
      if (userErrors.length) return { codeDiscountNode: null, userErrors };
      applyDiscountInput(d, input);
      return { codeDiscountNode: discountNode(d), userErrors: [] };
    },
    storeCreditAccountCredit: ({
      id,
      creditInput,
    }: {
      id: string;
      creditInput: { creditAmount: { amount: string; currencyCode: string } };
    }) => {
      const customer = /^gid:\/\/shopify\/Customer\/(\d+)$/.exec(id);
      const fail = (field: string[], code: string, message: string) => ({
        storeCreditAccountTransaction: null,
        userErrors: [{ field, code, message }],
      });
      if (!customer) return fail(["id"], "ACCOUNT_NOT_FOUND", "Store credit account does not exist");
      const { amount, currencyCode } = creditInput.creditAmount;
      if (!(Number(amount) > 0))
        return fail(
          ["creditInput", "creditAmount", "amount"],
          "NEGATIVE_OR_ZERO_AMOUNT",
          "A positive amount must be used to credit a store credit account",
        );
      if (currencyCode !== shop.currencyCode)
        return fail(
          ["creditInput", "creditAmount", "currencyCode"],
          "MISMATCHING_CURRENCY",
          "The currency provided does not match the currency of the store credit account",
        );
      const credit = { id: nextId(), customerId: customer[1], amount, currencyCode };
      shop.storeCredits.push(credit);
      return {
        storeCreditAccountTransaction: {
          id: `gid://shopify/StoreCreditAccountCreditTransaction/${credit.id}`,
          amount: { amount, currencyCode },
        },
        userErrors: [],
      };
    },
    bulkOperationRunQuery: ({ query }: { query: string }) => {
      const started = bulk.run(query);
      return "operation" in started
        ? { bulkOperation: bulk.node(started.operation.id), userErrors: [] }
        : { bulkOperation: null, userErrors: started.userErrors };
    },
    node: ({ id }: { id: string }) => {
      const operation = /^gid:\/\/shopify\/BulkOperation\/(\d+)$/.exec(id);
      return operation ? bulk.node(Number(operation[1])) : null;
    },
    webPixel: ({ id }: { id?: string }) => {
      const pixel = shop.webPixel;
      if (!pixel || (id && id !== `gid://shopify/WebPixel/${pixel.id}`)) return null;
      return { id: `gid://shopify/WebPixel/${pixel.id}`, settings: pixel.settings };
    },
    webPixelCreate: ({ webPixel }: { webPixel: { settings: unknown } }) => savePixel(null, webPixel.settings),
    webPixelUpdate: ({ id, webPixel }: { id: string; webPixel: { settings: unknown } }) =>
      savePixel(id, webPixel.settings),
    discountCodeActivate: ({ id }: { id: string }) => setActive(id, true),
    discountCodeDeactivate: ({ id }: { id: string }) => setActive(id, false),
    discountCodeDelete: ({ id }: { id: string }) => {
      const d = findDiscount(id);
      if (!d) return { deletedCodeDiscountId: null, userErrors: notFound.userErrors };
      shop.discounts.delete(d.id);
      return { deletedCodeDiscountId: id, userErrors: [] };
    },
  };
}
