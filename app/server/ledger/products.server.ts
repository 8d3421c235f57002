// The product cache: type, collections and unit cost, for splitting sales by category and for
// gross margin. Filled from the Admin API when an order names a product the app has not seen,
// and kept current by products/update; the roll-ups of the days that sold it follow.
import { productCollections } from "../platform/json-columns.server";
import type { DatabaseKind } from "../platform/database-url";
import type { Db, Tx } from "../platform/db.server";
import { toMinor } from "../../domain/money";
import { adminQuery, type AdminGraphql } from "../platform/admin-api.server";
import { readInChunks } from "../platform/chunks.server";
import { DaysToRefresh } from "./rollups.server";

const PRODUCT = `#graphql
  query ProductForReports($id: ID!) {
    product(id: $id) {
      legacyResourceId
      title
      productType
      collections(first: 25) { nodes { title } }
      variants(first: 1) { nodes { inventoryItem { unitCost { amount currencyCode } } } }
    }
  }`;

type ProductData = {
  product: {
    legacyResourceId: string;
    title: string;
    productType: string;
    collections: { nodes: Array<{ title: string }> };
    variants: { nodes: Array<{ inventoryItem: { unitCost: { amount: string; currencyCode: string } | null } }> };
  } | null;
};

export async function upsertProduct(
  db: Db,
  kind: DatabaseKind,
  shopId: string,
  product: {
    shopifyProductId: string;
    title: string;
    productType: string;
    collections?: string[];
    unitCostMinor?: number | null;
  },
) {
  const data = {
    title: product.title,
    productType: product.productType,
    ...(product.collections ? { collections: productCollections.write(product.collections) } : {}),
    ...(product.unitCostMinor !== undefined ? { unitCostMinor: product.unitCostMinor } : {}),
  };
  const key = { shopId_shopifyProductId: { shopId, shopifyProductId: product.shopifyProductId } };
  return db.$transaction(
    async (tx) => {
      const before = await tx.product.findUnique({
        where: key,
        select: { productType: true, collections: true, unitCostMinor: true },
      });
      const row = await tx.product.upsert({
        where: key,
        create: { shopId, shopifyProductId: product.shopifyProductId, ...data },
        update: data,
      });
      // Lines stored before the product was known get their category now.
      const linked = await tx.orderLine.updateMany({
        where: {
          shopId,
          shopifyProductId: product.shopifyProductId,
          OR: [{ productId: null }, { productId: { not: row.id } }, { productType: { not: row.productType } }],
        },
        data: { productId: row.id, productType: row.productType },
      });
      const reported = (p: { productType: string; collections: string; unitCostMinor: number | null }) =>
        JSON.stringify([p.productType, p.collections, p.unitCostMinor]);
      // Categories and costs of goods in the roll-ups follow the product.
      if (linked.count > 0 || (before && reported(before) !== reported(row)))
        await refreshProductDays(tx, kind, shopId, row.id);
      return row;
    },
    { maxWait: 15_000, timeout: 60_000 },
  );
}

/** The roll-up days of every attributed order with a line of this product. */
async function refreshProductDays(tx: Tx, kind: DatabaseKind, shopId: string, productId: string) {
  const [shop, orders] = await Promise.all([
    tx.shop.findUniqueOrThrow({ where: { id: shopId }, select: { id: true, timezone: true } }),
    tx.order.findMany({
      where: { shopId, influencerId: { not: null }, lines: { some: { productId } } },
      select: { influencerId: true, placedAt: true },
    }),
  ]);
  const days = new DaysToRefresh();
  for (const order of orders) days.addOrder(shop, order.placedAt, [order.influencerId]);
  await days.refresh(tx, kind);
}

/** The products these orders (of one shop) name that the app has not seen: their lines have no category yet. */
export async function productsMissing(
  db: Db,
  orderIds: string[],
): Promise<{ shopId: string; productIds: string[] } | null> {
  if (!orderIds.length) return null;
  const lines = await readInChunks(orderIds, (ids) =>
    db.orderLine.findMany({
      where: { orderId: { in: ids }, productId: null, shopifyProductId: { not: null } },
      select: { shopId: true, shopifyProductId: true },
    }),
  );
  return lines.length
    ? { shopId: lines[0].shopId, productIds: [...new Set(lines.map((l) => l.shopifyProductId!))] }
    : null;
}

/** Fetches products the app has not seen from the Admin API; a failure leaves them for products/update. */
export async function fetchMissingProducts(
  db: Db,
  kind: DatabaseKind,
  graphql: AdminGraphql,
  shopId: string,
  shopifyProductIds: string[],
) {
  const known = await db.product.findMany({
    where: { shopId, shopifyProductId: { in: shopifyProductIds } },
    select: { shopifyProductId: true },
  });
  const missing = shopifyProductIds.filter((id) => !known.some((k) => k.shopifyProductId === id));
  for (const id of missing) {
    const data = await adminQuery<ProductData>(graphql, PRODUCT, { id: `gid://shopify/Product/${id}` });
    if (!data.product) continue;
    const cost = data.product.variants.nodes[0]?.inventoryItem.unitCost;
    await upsertProduct(db, kind, shopId, {
      shopifyProductId: id,
      title: data.product.title,
      productType: data.product.productType,
      collections: data.product.collections.nodes.map((c) => c.title),
      unitCostMinor: cost ? toMinor(cost.amount, cost.currencyCode) : null,
    });
  }
  return missing.length;
}

/** products/update: title and type from the payload (collections and costs are not in it). */
export async function applyProductUpdate(db: Db, kind: DatabaseKind, shopDomain: string, payload: unknown) {
  const p = payload as { id?: number | string; title?: string; product_type?: string };
  if (p?.id == null || !/^\d+$/.test(String(p.id))) throw new Error("Product payload: id is missing");
  const shop = await db.shop.findUnique({ where: { domain: shopDomain } });
  if (!shop) return null;
  return upsertProduct(db, kind, shop.id, {
    shopifyProductId: String(p.id),
    title: String(p.title ?? ""),
    productType: String(p.product_type ?? ""),
  });
}
