-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Shop" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "domain" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "email" TEXT,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "status" TEXT NOT NULL DEFAULT 'INSTALLED',
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" DATETIME,
    "attributionMode" TEXT NOT NULL DEFAULT 'CODE_AND_LINK',
    "attributionWindowDays" INTEGER NOT NULL DEFAULT 30,
    "linkCredit" TEXT NOT NULL DEFAULT 'LAST_CLICK',
    "holdPeriodDays" INTEGER NOT NULL DEFAULT 30,
    "defaultCommissionBps" INTEGER NOT NULL DEFAULT 1000,
    "defaultDiscountBps" INTEGER NOT NULL DEFAULT 1000,
    "payoutThresholdMinor" INTEGER NOT NULL DEFAULT 5000,
    "grossMarginBps" INTEGER NOT NULL DEFAULT 5000,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "adminAccessError" TEXT,
    "adminAccessErrorAt" DATETIME,
    "applicationFormSharedAt" DATETIME,
    "commissionReviewedAt" DATETIME,
    "setupGuideDismissedAt" DATETIME,
    "logoUrl" TEXT
);
INSERT INTO "new_Shop" ("adminAccessError", "adminAccessErrorAt", "applicationFormSharedAt", "attributionMode", "attributionWindowDays", "commissionReviewedAt", "createdAt", "currency", "defaultCommissionBps", "defaultDiscountBps", "domain", "email", "grossMarginBps", "handle", "holdPeriodDays", "id", "installedAt", "logoUrl", "name", "payoutThresholdMinor", "setupGuideDismissedAt", "status", "timezone", "uninstalledAt", "updatedAt") SELECT "adminAccessError", "adminAccessErrorAt", "applicationFormSharedAt", "attributionMode", "attributionWindowDays", "commissionReviewedAt", "createdAt", "currency", "defaultCommissionBps", "defaultDiscountBps", "domain", "email", "grossMarginBps", "handle", "holdPeriodDays", "id", "installedAt", "logoUrl", "name", "payoutThresholdMinor", "setupGuideDismissedAt", "status", "timezone", "uninstalledAt", "updatedAt" FROM "Shop";
DROP TABLE "Shop";
ALTER TABLE "new_Shop" RENAME TO "Shop";
CREATE UNIQUE INDEX "Shop_domain_key" ON "Shop"("domain");
CREATE UNIQUE INDEX "Shop_handle_key" ON "Shop"("handle");
CREATE TABLE "new_Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "shopifyOrderId" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "test" BOOLEAN NOT NULL DEFAULT false,
    "influencerId" TEXT,
    "source" TEXT NOT NULL DEFAULT 'NONE',
    "attributedCode" TEXT,
    "attributedSlug" TEXT,
    "attributionReason" TEXT NOT NULL DEFAULT '',
    "selfReferral" BOOLEAN NOT NULL DEFAULT false,
    "customerShopifyId" TEXT,
    "isNewCustomer" BOOLEAN,
    "currency" TEXT NOT NULL,
    "subtotalMinor" INTEGER NOT NULL DEFAULT 0,
    "discountsMinor" INTEGER NOT NULL DEFAULT 0,
    "shippingMinor" INTEGER NOT NULL DEFAULT 0,
    "taxesMinor" INTEGER NOT NULL DEFAULT 0,
    "totalMinor" INTEGER NOT NULL DEFAULT 0,
    "refundedMinor" INTEGER NOT NULL DEFAULT 0,
    "netSalesMinor" INTEGER NOT NULL DEFAULT 0,
    "financialStatus" TEXT NOT NULL DEFAULT '',
    "cancelledAt" DATETIME,
    "placedAt" DATETIME NOT NULL,
    "shopifyUpdatedAt" DATETIME,
    "snapshotHash" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "customerEmailHash" TEXT,
    "checkoutToken" TEXT,
    CONSTRAINT "Order_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Order_influencerId_fkey" FOREIGN KEY ("influencerId") REFERENCES "Influencer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Order" ("attributedCode", "attributedSlug", "cancelledAt", "checkoutToken", "createdAt", "currency", "customerEmailHash", "customerShopifyId", "discountsMinor", "financialStatus", "id", "influencerId", "isNewCustomer", "name", "netSalesMinor", "placedAt", "refundedMinor", "selfReferral", "shippingMinor", "shopId", "shopifyOrderId", "shopifyUpdatedAt", "snapshotHash", "source", "subtotalMinor", "taxesMinor", "test", "totalMinor", "updatedAt") SELECT "attributedCode", "attributedSlug", "cancelledAt", "checkoutToken", "createdAt", "currency", "customerEmailHash", "customerShopifyId", "discountsMinor", "financialStatus", "id", "influencerId", "isNewCustomer", "name", "netSalesMinor", "placedAt", "refundedMinor", "selfReferral", "shippingMinor", "shopId", "shopifyOrderId", "shopifyUpdatedAt", "snapshotHash", "source", "subtotalMinor", "taxesMinor", "test", "totalMinor", "updatedAt" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE INDEX "Order_shopId_influencerId_placedAt_idx" ON "Order"("shopId", "influencerId", "placedAt");
CREATE INDEX "Order_shopId_placedAt_idx" ON "Order"("shopId", "placedAt");
CREATE INDEX "Order_shopId_customerShopifyId_idx" ON "Order"("shopId", "customerShopifyId");
CREATE INDEX "Order_shopId_customerEmailHash_idx" ON "Order"("shopId", "customerEmailHash");
CREATE UNIQUE INDEX "Order_shopId_shopifyOrderId_key" ON "Order"("shopId", "shopifyOrderId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

