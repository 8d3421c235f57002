// What the Admin API stand-in remembers per shop: what a merchant's store holds.
import type { StandInBulkOperation } from "./bulk";

export type StandInProduct = {
  id: number;
  title: string;
  handle: string;
  productType: string;
  vendor: string;
  collections: string[];
  price: string;
  unitCost: string | null;
};

export type StandInDiscount = {
  id: number;
  title: string;
  code: string;
  percentage: number | null;
  amount: string | null;
  appliesOncePerCustomer: boolean;
  usageLimit: number | null;
  minimumSubtotal: string | null;
  startsAt: string;
  endsAt: string | null;
  combinesWith: { orderDiscounts: boolean; productDiscounts: boolean; shippingDiscounts: boolean };
  active: boolean;
  usageCount: number;
};

/** An order as a webhook payload (REST shape): the stand-in answers GraphQL from it. */
export type StandInOrder = {
  id: number;
  name: string;
  created_at: string;
  updated_at: string;
  processed_at?: string;
  cancelled_at?: string | null;
  test: boolean;
  financial_status?: string;
  email?: string | null;
  customer?: { id: number; email?: string | null } | null;
  discount_codes: Array<{ code: string }>;
  note_attributes?: Array<{ name: string; value: string }>;
  subtotal_price_set?: MoneySetJson;
  total_discounts_set?: MoneySetJson;
  total_shipping_price_set?: MoneySetJson;
  total_tax_set?: MoneySetJson;
  total_price_set: MoneySetJson;
  line_items: Array<{
    id: number;
    product_id?: number | null;
    variant_id?: number | null;
    title: string;
    quantity: number;
    current_quantity?: number;
    price_set: MoneySetJson;
    discount_allocations?: Array<{ amount_set: MoneySetJson }>;
  }>;
  refunds?: Array<{
    id: number;
    created_at: string;
    refund_line_items: Array<{ line_item_id: number; quantity: number; subtotal_set: MoneySetJson }>;
  }>;
};

export type MoneySetJson = {
  shop_money: { amount: string; currency_code: string };
  presentment_money?: { amount: string; currency_code: string };
};

export type ShopState = {
  domain: string;
  name: string;
  email: string;
  currencyCode: string;
  ianaTimezone: string;
  /** Access tokens and when each expires (null: a legacy non-expiring token). */
  accessTokens: Map<string, { expiresAt: number | null; refreshToken: string | null }>;
  /** Refresh tokens: when each expires, and the pair it was exchanged for (still usable until that pair's access token is used). */
  refreshTokens: Map<string, { expiresAt: number; replacedBy: string | null }>;
  products: Map<number, StandInProduct>;
  discounts: Map<number, StandInDiscount>;
  orders: StandInOrder[];
  storeCredits: Array<{ id: number; customerId: string; amount: string; currencyCode: string }>;
  bulkOperations: Map<number, StandInBulkOperation>;
  /** The app's web pixel on this shop (webPixelCreate), with its settings as JSON text. */
  webPixel: { id: number; settings: string } | null;
  /** The shop's logo in its brand settings (Storefront API `shop.brand.logo`), if it set one. */
  logo: { url: string; altText: string | null } | null;
  /** The Storefront API answers 503 for this shop (an outage). */
  storefrontDown: boolean;
  /** The shop's staff by user id (a session token's `sub`), as an online token exchange names them. */
  staff: Map<string, { firstName: string; lastName: string; email: string; accountOwner: boolean }>;
};

export function newShopState(domain: string): ShopState {
  const handle = domain.replace(/\.myshopify\.com$/, "");
  return {
    domain,
    name: handle.replace(/-/g, " ").replace(/\b\w/g, (c) => c.toUpperCase()),
    email: `owner@${handle}.example`,
    currencyCode: "USD",
    ianaTimezone: "America/New_York",
    accessTokens: new Map(),
    refreshTokens: new Map(),
    products: new Map(),
    discounts: new Map(),
    orders: [],
    storeCredits: [],
    bulkOperations: new Map(),
    webPixel: null,
    logo: null,
    storefrontDown: false,
    staff: new Map([
      ["1", { firstName: "Ana", lastName: "Moreau", email: `ana@${handle}.example`, accountOwner: true }],
    ]),
  };
}

let lastId = 1_000_000;
export function nextId(): number {
  lastId += 1;
  return lastId;
}
