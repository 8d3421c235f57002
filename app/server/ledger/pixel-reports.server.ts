// Web pixel reports: stored once per order, and applied to the ledger in the same transaction, so
// an order already stored without attribution is attributed now, and one still to come takes the
// report when it arrives (OrderBook). A report for a shop not installed, or a link the shop does
// not have, is not kept.
import type { DatabaseKind } from "../platform/database-url";
import type { Db } from "../platform/db.server";
import { clickTime, type PixelReportInput } from "../../domain/pixel-report";
import { isUniqueViolation } from "../platform/db-errors.server";
import { applyLedgerChangesIn, ledgerShop } from "./orders.server";

export type PixelOutcome = "stored" | "duplicate" | "unknown-shop" | "unknown-link";

const TRANSACTION = { maxWait: 15_000, timeout: 30_000 };

export async function recordPixelReport(
  db: Db,
  kind: DatabaseKind,
  report: PixelReportInput,
  now = new Date(),
): Promise<PixelOutcome> {
  const shop = await ledgerShop(db, report.shop);
  if (!shop) return "unknown-shop";
  const link = await db.referralLink.findFirst({ where: { shopId: shop.id, slug: report.ref }, select: { id: true } });
  if (!link) return "unknown-link";
  try {
    await db.$transaction(async (tx) => {
      await tx.pixelReport.create({
        data: {
          shopId: shop.id,
          shopifyOrderId: report.orderId,
          checkoutToken: report.checkoutToken,
          slug: report.ref,
          clickedAt: clickTime(report.clickedAt, now),
        },
      });
      await applyLedgerChangesIn(tx, kind, [{ kind: "pixel", shop, orderId: report.orderId }]);
    }, TRANSACTION);
    return "stored";
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate"; // the first report of an order wins
    throw error;
  }
}

/**
 * Reports whose order never came (a checkout that did not become an order, or a forged one), read
 * a page at a time past the last one seen, so reports whose order did come never hide older ones.
 */
export async function purgeUnmatchedPixelReports(db: Db, olderThan: Date): Promise<number> {
  let deleted = 0;
  for (let after = ""; ;) {
    const stale = await db.pixelReport.findMany({
      where: { receivedAt: { lt: olderThan }, id: { gt: after } },
      select: { id: true, shopId: true, shopifyOrderId: true },
      orderBy: { id: "asc" },
      take: PURGE_PAGE,
    });
    if (!stale.length) return deleted;
    after = stale[stale.length - 1].id;
    const orders = await db.order.findMany({
      where: { OR: stale.map((r) => ({ shopId: r.shopId, shopifyOrderId: r.shopifyOrderId })) },
      select: { shopId: true, shopifyOrderId: true },
    });
    const kept = new Set(orders.map((o) => `${o.shopId}|${o.shopifyOrderId}`));
    const ids = stale.filter((r) => !kept.has(`${r.shopId}|${r.shopifyOrderId}`)).map((r) => r.id);
    if (ids.length) deleted += (await db.pixelReport.deleteMany({ where: { id: { in: ids } } })).count;
  }
}

// Two values bound a report to find its order: a page stays under SQLite's 999 (chunks.server.ts).
const PURGE_PAGE = 400;
