// What each webhook topic does once its event is stored. The retry command uses the same table.
import { dbKind, type Db } from "../platform/db.server";
import type { Processor, StoredEvent } from "./webhook-inbox.server";
import type { WebhookTopic } from "./topics";
import { deleteShopData, markUninstalled } from "../shop/shops.server";
import { customerDataReport, queueCustomerDataReport, redactCustomer } from "../ledger/privacy.server";
import {
  applyLedgerChanges,
  ledgerShop,
  orderSnapshotChange,
  refundChange,
  type LedgerChange,
  type LedgerShop,
} from "../ledger/orders.server";
import { applyProductUpdate, fetchMissingProducts, productsMissing } from "../ledger/products.server";
import { offlineGraphql } from "../platform/shopify-access.server";

const REDACT_AFTER_MS = 48 * 3_600_000;

type CustomerPayload = {
  customer?: { id?: number | null; email?: string | null };
  orders_to_redact?: Array<number | string>;
  orders_requested?: Array<number | string>;
  data_request?: { id?: number | string };
};

function payloadOf<T>(event: StoredEvent): T {
  return JSON.parse(event.payload) as T;
}

/** Categories come from products: fetch the ones these orders name that the app has not seen. */
export async function completeProducts(db: Db, shopDomain: string, orderIds: string[]) {
  const missing = await productsMissing(db, orderIds);
  if (!missing) return;
  try {
    await fetchMissingProducts(db, dbKind, await offlineGraphql(shopDomain), missing.shopId, missing.productIds);
  } catch (error) {
    console.error(`products of ${orderIds.length} order(s) not fetched yet: ${(error as Error).message}`);
  }
}

// The topics that change a shop's ledger of orders, refunds and commissions: applied in batches.
const ledgerChanges: Partial<Record<WebhookTopic, (shop: LedgerShop, payload: unknown) => LedgerChange | null>> = {
  "orders/create": orderSnapshotChange,
  "orders/updated": orderSnapshotChange,
  "orders/paid": orderSnapshotChange,
  "orders/cancelled": orderSnapshotChange,
  "refunds/create": refundChange,
};

export function isLedgerTopic(topic: string): boolean {
  return Object.hasOwn(ledgerChanges, topic);
}

/** The ledger change an event asks for; null when there is none (a test order, an unknown shop). */
export function ledgerChangeFor(event: StoredEvent, shop: LedgerShop | null): LedgerChange | null {
  const change = ledgerChanges[event.topic as WebhookTopic];
  if (!change) throw new Error(`${event.topic} does not change the ledger`);
  return shop ? change(shop, JSON.parse(event.payload)) : null;
}

const ledgerEvent: Processor = async (db, event) => {
  const change = ledgerChangeFor(event, await ledgerShop(db, event.shopDomain));
  if (!change) return;
  const [orderId] = await applyLedgerChanges(db, dbKind, [change]);
  if (orderId) await completeProducts(db, event.shopDomain, [orderId]);
};

// One processor per topic the app subscribes to: a new topic without one does not compile.
const processors: Record<WebhookTopic, Processor> = {
  "orders/create": ledgerEvent,
  "orders/updated": ledgerEvent,
  "orders/paid": ledgerEvent,
  "orders/cancelled": ledgerEvent,
  "refunds/create": ledgerEvent,
  "products/update": async (db, event) => {
    await applyProductUpdate(db, dbKind, event.shopDomain, JSON.parse(event.payload));
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
    // Shopify asks 48 hours after an uninstall. A shop that is installed, or uninstalled since
    // less, keeps its data: the request is logged and the event kept as processed.
    const shop = await db.shop.findUnique({
      where: { domain: event.shopDomain },
      select: { status: true, uninstalledAt: true },
    });
    const redactable =
      !shop ||
      (shop.status === "UNINSTALLED" &&
        shop.uninstalledAt !== null &&
        Date.now() - shop.uninstalledAt.getTime() >= REDACT_AFTER_MS);
    if (!redactable) {
      console.warn(
        `shop/redact for ${event.shopDomain} ignored: the shop is ${shop!.status === "INSTALLED" ? "installed" : "uninstalled for less than 48 hours"}`,
      );
      return;
    }
    await deleteShopData(db, event.shopDomain, event.webhookId);
  },
  "customers/redact": async (db, event) => {
    const payload = payloadOf<CustomerPayload>(event);
    await redactCustomer(db, event.shopDomain, payload.customer ?? {}, payload.orders_to_redact ?? [], event.webhookId);
  },
  "customers/data_request": async (db, event) => {
    const payload = payloadOf<CustomerPayload>(event);
    const report = await customerDataReport(
      db,
      event.shopDomain,
      payload.customer ?? {},
      payload.orders_requested ?? [],
    );
    await queueCustomerDataReport(db, event.shopDomain, String(payload.data_request?.id ?? event.webhookId), report);
  },
};

export function processorFor(topic: string): Processor | undefined {
  return Object.hasOwn(processors, topic) ? processors[topic as WebhookTopic] : undefined;
}
