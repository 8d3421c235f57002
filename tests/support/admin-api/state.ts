// What the Admin API stand-in remembers per shop: what a merchant's store holds.

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

export type StandInOrder = {
  id: number;
  name: string;
  createdAt: string;
  updatedAt: string;
  test: boolean;
  discountCodes: string[];
};

export type ShopState = {
  domain: string;
  name: string;
  email: string;
  currencyCode: string;
  ianaTimezone: string;
  accessTokens: Set<string>;
  products: Map<number, StandInProduct>;
  discounts: Map<number, StandInDiscount>;
  orders: StandInOrder[];
};

export function newShopState(domain: string): ShopState {
  const handle = domain.replace(/\.myshopify\.com$/, "");
  return {
    domain,
    name: handle.replace(/-/g, " ").replace(/\b\w/g, (c) => c.toUpperCase()),
    email: `owner@${handle}.example`,
    currencyCode: "USD",
    ianaTimezone: "America/New_York",
    accessTokens: new Set(),
    products: new Map(),
    discounts: new Map(),
    orders: [],
  };
}

let lastId = 1_000_000;
export function nextId(): number {
  lastId += 1;
  return lastId;
}
