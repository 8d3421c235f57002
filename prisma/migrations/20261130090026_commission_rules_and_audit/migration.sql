-- CreateTable
CREATE TABLE "CommissionRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "influencerId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'PERCENT',
    "percentBps" INTEGER NOT NULL DEFAULT 1000,
    "fixedMinor" INTEGER NOT NULL DEFAULT 0,
    "tiers" TEXT NOT NULL DEFAULT '[]',
    "overrides" TEXT NOT NULL DEFAULT '[]',
    "newCustomerBonusMinor" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CommissionRule_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommissionRule_influencerId_fkey" FOREIGN KEY ("influencerId") REFERENCES "Influencer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '{}',
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEntry_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Commission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "influencerId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "amountMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "baseMinor" INTEGER NOT NULL DEFAULT 0,
    "rule" TEXT NOT NULL,
    "holdUntil" DATETIME NOT NULL,
    "approvedAt" DATETIME,
    "paidAt" DATETIME,
    "payoutId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Commission_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Commission_influencerId_fkey" FOREIGN KEY ("influencerId") REFERENCES "Influencer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Commission_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Commission_payoutId_fkey" FOREIGN KEY ("payoutId") REFERENCES "Payout" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Commission" ("amountMinor", "approvedAt", "createdAt", "currency", "holdUntil", "id", "influencerId", "orderId", "paidAt", "payoutId", "rule", "shopId", "status", "updatedAt") SELECT "amountMinor", "approvedAt", "createdAt", "currency", "holdUntil", "id", "influencerId", "orderId", "paidAt", "payoutId", "rule", "shopId", "status", "updatedAt" FROM "Commission";
DROP TABLE "Commission";
ALTER TABLE "new_Commission" RENAME TO "Commission";
CREATE UNIQUE INDEX "Commission_orderId_key" ON "Commission"("orderId");
CREATE INDEX "Commission_shopId_status_holdUntil_idx" ON "Commission"("shopId", "status", "holdUntil");
CREATE INDEX "Commission_shopId_influencerId_status_idx" ON "Commission"("shopId", "influencerId", "status");
CREATE TABLE "new_Payout" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "influencerId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "method" TEXT NOT NULL DEFAULT 'PAYPAL',
    "amountMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "reference" TEXT,
    "paidAt" DATETIME,
    "createdBy" TEXT NOT NULL DEFAULT 'system',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Payout_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Payout_influencerId_fkey" FOREIGN KEY ("influencerId") REFERENCES "Influencer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Payout" ("amountMinor", "createdAt", "currency", "id", "influencerId", "method", "paidAt", "reference", "shopId", "status") SELECT "amountMinor", "createdAt", "currency", "id", "influencerId", "method", "paidAt", "reference", "shopId", "status" FROM "Payout";
DROP TABLE "Payout";
ALTER TABLE "new_Payout" RENAME TO "Payout";
CREATE INDEX "Payout_shopId_status_idx" ON "Payout"("shopId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "CommissionRule_influencerId_key" ON "CommissionRule"("influencerId");

-- CreateIndex
CREATE INDEX "CommissionRule_shopId_idx" ON "CommissionRule"("shopId");

-- CreateIndex
CREATE INDEX "AuditEntry_shopId_at_idx" ON "AuditEntry"("shopId", "at");

