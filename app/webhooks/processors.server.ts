// What each webhook topic does once its event is stored. The retry command uses the same table.
import type { Processor, StoredEvent } from "../models/webhook-inbox.server";
import { deleteShopData, markUninstalled } from "../models/shops.server";
import { customerDataReport, queueCustomerDataReport, redactCustomer } from "../models/privacy.server";

type CustomerPayload = {
  customer?: { id?: number | null; email?: string | null };
  orders_to_redact?: Array<number | string>;
  orders_requested?: Array<number | string>;
  data_request?: { id?: number | string };
};

function payloadOf<T>(event: StoredEvent): T {
  return JSON.parse(event.payload) as T;
}

const processors: Record<string, Processor> = {
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
