// The product cache: type, collections and unit cost, for splitting sales by category and for
// gross margin. Filled from the Admin API when an order names a product the app has not seen,
// and kept current by products/update.
import type { Db, Tx } from "../db.server";
import { toMinor } from "../domain/money";
import { adminQuery, type AdminGraphql } from "./admin-api.server";

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
  db: Tx,
  shopId: string,
  product: { shopifyProductId: string; title: string; productType: string; collections?: string[]; unitCostMinor?: number | null },
) {
  const data = {
    title: product.title,
    productType: product.productType,
    ...(product.collections ? { collections: JSON.stringify(product.collections) } : {}),
    ...(product.unitCostMinor !== undefined ? { unitCostMinor: product.unitCostMinor } : {}),
  };
  const row = await db.product.upsert({
    where: { shopId_shopifyProductId: { shopId, shopifyProductId: product.shopifyProductId } },
    create: { shopId, shopifyProductId: product.shopifyProductId, ...data },
    update: data,
  });
  // Lines stored before the product was known get their category now.
  await db.orderLine.updateMany({
    where: { shopId, shopifyProductId: product.shopifyProductId },
    data: { productId: row.id, productType: row.productType },
  });
  return row;
}

/** Fetches products the app has not seen from the Admin API; a failure leaves them for products/update. */
export async function fetchMissingProducts(db: Db, graphql: AdminGraphql, shopId: string, shopifyProductIds: string[]) {
  const known = await db.product.findMany({ where: { shopId, shopifyProductId: { in: shopifyProductIds } }, select: { shopifyProductId: true } });
  const missing = shopifyProductIds.filter((id) => !known.some((k) => k.shopifyProductId === id));
  for (const id of missing) {
    const data = await adminQuery<ProductData>(graphql, PRODUCT, { id: `gid://shopify/Product/${id}` });
    if (!data.product) continue;
    const cost = data.product.variants.nodes[0]?.inventoryItem.unitCost;
    await upsertProduct(db, shopId, {
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
export async function applyProductUpdate(db: Db, shopDomain: string, payload: unknown) {
  const p = payload as { id?: number | string; title?: string; product_type?: string };
  if (p?.id == null || !/^\d+$/.test(String(p.id))) throw new Error("Product payload: id is missing");
  const shop = await db.shop.findUnique({ where: { domain: shopDomain } });
  if (!shop) return null;
  return upsertProduct(db, shop.id, {
    shopifyProductId: String(p.id),
    title: String(p.title ?? ""),
    productType: String(p.product_type ?? ""),
  });
}
