-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DiscountCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "influencerId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "codeKey" TEXT NOT NULL,
    "shopifyDiscountId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'PERCENTAGE',
    "percentBps" INTEGER,
    "amountMinor" INTEGER,
    "currency" TEXT,
    "oncePerCustomer" BOOLEAN NOT NULL DEFAULT false,
    "usageLimit" INTEGER,
    "minimumSubtotalMinor" INTEGER,
    "startsAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endsAt" DATETIME,
    "combinesWithOrder" BOOLEAN NOT NULL DEFAULT false,
    "combinesWithProduct" BOOLEAN NOT NULL DEFAULT false,
    "combinesWithShipping" BOOLEAN NOT NULL DEFAULT true,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DiscountCode_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DiscountCode_influencerId_fkey" FOREIGN KEY ("influencerId") REFERENCES "Influencer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DiscountCode" ("amountMinor", "code", "codeKey", "combinesWithOrder", "combinesWithProduct", "combinesWithShipping", "createdAt", "currency", "endsAt", "id", "influencerId", "kind", "minimumSubtotalMinor", "oncePerCustomer", "percentBps", "shopId", "shopifyDiscountId", "startsAt", "status", "updatedAt", "usageLimit") SELECT "amountMinor", "code", "codeKey", "combinesWithOrder", "combinesWithProduct", "combinesWithShipping", "createdAt", "currency", "endsAt", "id", "influencerId", "kind", "minimumSubtotalMinor", "oncePerCustomer", "percentBps", "shopId", "shopifyDiscountId", "startsAt", "status", "updatedAt", "usageLimit" FROM "DiscountCode";
DROP TABLE "DiscountCode";
ALTER TABLE "new_DiscountCode" RENAME TO "DiscountCode";
CREATE INDEX "DiscountCode_influencerId_idx" ON "DiscountCode"("influencerId");
CREATE UNIQUE INDEX "DiscountCode_shopId_codeKey_key" ON "DiscountCode"("shopId", "codeKey");
CREATE UNIQUE INDEX "DiscountCode_shopifyDiscountId_key" ON "DiscountCode"("shopifyDiscountId");
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
    "selfReferral" BOOLEAN NOT NULL DEFAULT false,
    "customerShopifyId" TEXT,
    "customerEmail" TEXT,
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
    CONSTRAINT "Order_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Order_influencerId_fkey" FOREIGN KEY ("influencerId") REFERENCES "Influencer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Order" ("attributedCode", "attributedSlug", "cancelledAt", "createdAt", "currency", "customerEmail", "customerShopifyId", "discountsMinor", "financialStatus", "id", "influencerId", "isNewCustomer", "name", "netSalesMinor", "placedAt", "refundedMinor", "selfReferral", "shippingMinor", "shopId", "shopifyOrderId", "shopifyUpdatedAt", "source", "subtotalMinor", "taxesMinor", "test", "totalMinor", "updatedAt") SELECT "attributedCode", "attributedSlug", "cancelledAt", "createdAt", "currency", "customerEmail", "customerShopifyId", "discountsMinor", "financialStatus", "id", "influencerId", "isNewCustomer", "name", "netSalesMinor", "placedAt", "refundedMinor", "selfReferral", "shippingMinor", "shopId", "shopifyOrderId", "shopifyUpdatedAt", "source", "subtotalMinor", "taxesMinor", "test", "totalMinor", "updatedAt" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE INDEX "Order_shopId_influencerId_placedAt_idx" ON "Order"("shopId", "influencerId", "placedAt");
CREATE INDEX "Order_shopId_placedAt_idx" ON "Order"("shopId", "placedAt");
CREATE UNIQUE INDEX "Order_shopId_shopifyOrderId_key" ON "Order"("shopId", "shopifyOrderId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

