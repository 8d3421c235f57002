// Shopify's mandatory compliance topics for shopper data: customers/redact and customers/data_request.
// What the app holds of a shopper: the customer id and a keyed hash of the email on orders, the
// raw webhook payloads that have not been processed yet, and the data-request reports about them.
import type { Tx } from "../platform/db.server";
import { shopperEmailHash } from "../platform/shopper-email.server";
import { upsertRacing } from "../platform/db-errors.server";

export type CustomerRef = { id?: number | string | null; email?: string | null };

function orderFilter(shopId: string, customer: CustomerRef, orderIds: Array<number | string>) {
  const or: object[] = [];
  if (customer.id != null) or.push({ customerShopifyId: String(customer.id) });
  if (customer.email) or.push({ customerEmailHash: shopperEmailHash(customer.email) });
  if (orderIds.length) or.push({ shopifyOrderId: { in: orderIds.map(String) } });
  return { shopId, OR: or };
}

/** Removes the shopper's personal data; the order amounts stay, as the merchant's records. */
export async function redactCustomer(
  db: Tx,
  shopDomain: string,
  customer: CustomerRef,
  orderIds: Array<number | string>,
  keepEventId?: string,
) {
  const shop = await db.shop.findUnique({ where: { domain: shopDomain } });
  let orders = 0;
  if (shop) {
    const filter = orderFilter(shop.id, customer, orderIds);
    if (filter.OR.length) {
      const result = await db.order.updateMany({
        where: filter,
        data: { customerEmailHash: null, customerShopifyId: null },
      });
      orders = result.count;
    }
  }
  // Unprocessed payloads that name the shopper go too (processed ones keep none), found by the
  // indexed columns the intake fills, not by searching text.
  const names: object[] = [];
  if (customer.id != null) names.push({ customerId: String(customer.id) });
  if (customer.email) names.push({ customerEmailHash: shopperEmailHash(customer.email) });
  let events = 0;
  if (names.length) {
    const result = await db.webhookEvent.deleteMany({
      where: {
        shopDomain,
        topic: { not: "customers/redact" },
        OR: names,
        ...(keepEventId ? { NOT: { webhookId: keepEventId } } : {}),
      },
    });
    events = result.count;
  }
  // The reports sent for this shopper's data requests, which name them.
  if (shop && customer.id != null) {
    await db.outboundMessage.deleteMany({
      where: {
        shopId: shop.id,
        template: "customer_data_request",
        dedupeKey: { endsWith: `:customer:${customer.id}` },
      },
    });
  }
  return { orders, events };
}

export type CustomerDataReport = {
  customer: CustomerRef;
  held?: string;
  orders: Array<{
    order: string;
    placedAt: string;
    currency: string;
    totalMinor: number;
    referredBy: string | null;
    referralCode: string | null;
  }>;
};

/** What the app holds about one shopper, for the merchant to send on. */
export async function customerDataReport(
  db: Tx,
  shopDomain: string,
  customer: CustomerRef,
  orderIds: Array<number | string>,
): Promise<CustomerDataReport> {
  const shop = await db.shop.findUnique({ where: { domain: shopDomain } });
  if (!shop) return { customer, orders: [] };
  const filter = orderFilter(shop.id, customer, orderIds);
  if (!filter.OR.length) return { customer, orders: [] };
  const orders = await db.order.findMany({
    where: filter,
    include: { influencer: { select: { name: true } } },
    orderBy: { placedAt: "asc" },
  });
  return {
    customer,
    held: "On each order below: the customer's id and a keyed hash of their email (not the address itself). No name, address or phone number.",
    orders: orders.map((o) => ({
      order: o.name || o.shopifyOrderId,
      placedAt: o.placedAt.toISOString(),
      currency: o.currency,
      totalMinor: o.totalMinor,
      referredBy: o.influencer?.name ?? null,
      referralCode: o.attributedCode,
    })),
  };
}

/** customers/data_request: the report goes to the merchant's outbox, once per request id. */
export async function queueCustomerDataReport(
  db: Tx,
  shopDomain: string,
  requestId: string,
  report: CustomerDataReport,
) {
  const shop = await db.shop.findUnique({ where: { domain: shopDomain } });
  if (!shop) return null;
  const body = JSON.stringify(report, null, 2);
  // The customer in the key: customers/redact finds the report by it.
  const dedupeKey = `data_request:${requestId}:customer:${report.customer.id ?? "unknown"}`;
  return upsertRacing(() =>
    db.outboundMessage.upsert({
      where: { shopId_dedupeKey: { shopId: shop.id, dedupeKey } },
      create: {
        shopId: shop.id,
        dedupeKey,
        template: "customer_data_request",
        toEmail: shop.email ?? "",
        subject: `Customer data request ${requestId}: what Referral Loop holds`,
        bodyText: body,
        bodyHtml: `<pre>${escapeHtml(body)}</pre>`,
      },
      update: {},
    }),
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
