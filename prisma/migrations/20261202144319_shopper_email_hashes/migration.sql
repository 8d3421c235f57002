-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    CONSTRAINT "Order_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Order_influencerId_fkey" FOREIGN KEY ("influencerId") REFERENCES "Influencer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Order" ("attributedCode", "attributedSlug", "cancelledAt", "createdAt", "currency", "customerShopifyId", "discountsMinor", "financialStatus", "id", "influencerId", "isNewCustomer", "name", "netSalesMinor", "placedAt", "refundedMinor", "selfReferral", "shippingMinor", "shopId", "shopifyOrderId", "shopifyUpdatedAt", "snapshotHash", "source", "subtotalMinor", "taxesMinor", "test", "totalMinor", "updatedAt") SELECT "attributedCode", "attributedSlug", "cancelledAt", "createdAt", "currency", "customerShopifyId", "discountsMinor", "financialStatus", "id", "influencerId", "isNewCustomer", "name", "netSalesMinor", "placedAt", "refundedMinor", "selfReferral", "shippingMinor", "shopId", "shopifyOrderId", "shopifyUpdatedAt", "snapshotHash", "source", "subtotalMinor", "taxesMinor", "test", "totalMinor", "updatedAt" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE INDEX "Order_shopId_influencerId_placedAt_idx" ON "Order"("shopId", "influencerId", "placedAt");
CREATE INDEX "Order_shopId_placedAt_idx" ON "Order"("shopId", "placedAt");
CREATE INDEX "Order_shopId_customerShopifyId_idx" ON "Order"("shopId", "customerShopifyId");
CREATE INDEX "Order_shopId_customerEmailHash_idx" ON "Order"("shopId", "customerEmailHash");
CREATE UNIQUE INDEX "Order_shopId_shopifyOrderId_key" ON "Order"("shopId", "shopifyOrderId");
CREATE TABLE "new_WebhookEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "webhookId" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "apiVersion" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RECEIVED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" DATETIME,
    "customerId" TEXT,
    "nextAttemptAt" DATETIME,
    "customerEmailHash" TEXT
);
INSERT INTO "new_WebhookEvent" ("apiVersion", "attempts", "customerId", "id", "lastError", "nextAttemptAt", "payload", "processedAt", "receivedAt", "shopDomain", "status", "topic", "webhookId") SELECT "apiVersion", "attempts", "customerId", "id", "lastError", "nextAttemptAt", "payload", "processedAt", "receivedAt", "shopDomain", "status", "topic", "webhookId" FROM "WebhookEvent";
DROP TABLE "WebhookEvent";
ALTER TABLE "new_WebhookEvent" RENAME TO "WebhookEvent";
CREATE UNIQUE INDEX "WebhookEvent_webhookId_key" ON "WebhookEvent"("webhookId");
CREATE INDEX "WebhookEvent_shopDomain_status_idx" ON "WebhookEvent"("shopDomain", "status");
CREATE INDEX "WebhookEvent_shopDomain_customerId_idx" ON "WebhookEvent"("shopDomain", "customerId");
CREATE INDEX "WebhookEvent_shopDomain_customerEmailHash_idx" ON "WebhookEvent"("shopDomain", "customerEmailHash");
CREATE INDEX "WebhookEvent_status_processedAt_idx" ON "WebhookEvent"("status", "processedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

