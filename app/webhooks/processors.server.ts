// What each webhook topic does once its event is stored. The retry command uses the same table.
import { dbKind, type Db } from "../db.server";
import type { Processor, StoredEvent } from "../models/webhook-inbox.server";
import { deleteShopData, markUninstalled } from "../models/shops.server";
import { customerDataReport, queueCustomerDataReport, redactCustomer } from "../models/privacy.server";
import { applyOrderSnapshot, applyRefund } from "../models/orders.server";
import { applyProductUpdate, fetchMissingProducts } from "../models/products.server";
import { unauthenticated } from "../shopify.server";

type CustomerPayload = {
  customer?: { id?: number | null; email?: string | null };
  orders_to_redact?: Array<number | string>;
  orders_requested?: Array<number | string>;
  data_request?: { id?: number | string };
};

function payloadOf<T>(event: StoredEvent): T {
  return JSON.parse(event.payload) as T;
}

/** Categories come from products: fetch the ones this order names that the app has not seen. */
async function completeProducts(db: Db, shopDomain: string, orderId: string) {
  const lines = await db.orderLine.findMany({
    where: { orderId, productId: null, shopifyProductId: { not: null } },
    select: { shopId: true, shopifyProductId: true },
  });
  if (!lines.length) return;
  try {
    const { admin } = await unauthenticated.admin(shopDomain);
    await fetchMissingProducts(db, admin.graphql, lines[0].shopId, [...new Set(lines.map((l) => l.shopifyProductId!))]);
  } catch (error) {
    console.error(`products of order ${orderId} not fetched yet: ${(error as Error).message}`);
  }
}

const orderSnapshot: Processor = async (db, event) => {
  const result = await applyOrderSnapshot(db, dbKind, event.shopDomain, JSON.parse(event.payload));
  if (result.stored && result.orderId) await completeProducts(db, event.shopDomain, result.orderId);
};

const processors: Record<string, Processor> = {
  "orders/create": orderSnapshot,
  "orders/updated": orderSnapshot,
  "orders/paid": orderSnapshot,
  "orders/cancelled": orderSnapshot,
  "refunds/create": async (db, event) => {
    await applyRefund(db, dbKind, event.shopDomain, JSON.parse(event.payload));
  },
  "products/update": async (db, event) => {
    await applyProductUpdate(db, event.shopDomain, JSON.parse(event.payload));
  },
  "app/uninstalled": async (db, event) => {
    await markUninstalled(db, event.shopDomain, new Date());
  },
  "app/scopes_update": async (db, event) => {
    const { current } = payloadOf<{ current?: string[] }>(event);
    if (!Array.isArray(current)) throw new Error("app/scopes_update without a current scope list");
    await db.session.updateMany({ where: { shop: event.shopDomain }, data: { scope: current.join(",") } });
  },
  "shop/redact": async (db, event) => {
    await deleteShopData(db, event.shopDomain, event.webhookId);
  },
  "customers/redact": async (db, event) => {
    const payload = payloadOf<CustomerPayload>(event);
    await redactCustomer(db, event.shopDomain, payload.customer ?? {}, payload.orders_to_redact ?? [], event.webhookId);
  },
  "customers/data_request": async (db, event) => {
    const payload = payloadOf<CustomerPayload>(event);
    const report = await customerDataReport(db, event.shopDomain, payload.customer ?? {}, payload.orders_requested ?? []);
    await queueCustomerDataReport(db, event.shopDomain, String(payload.data_request?.id ?? event.webhookId), report);
  },
};

export function processorFor(topic: string): Processor | undefined {
  return processors[topic];
}
