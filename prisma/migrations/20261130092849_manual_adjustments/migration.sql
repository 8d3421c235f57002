-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CommissionAdjustment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "influencerId" TEXT NOT NULL,
    "commissionId" TEXT,
    "amountMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "payoutId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CommissionAdjustment_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommissionAdjustment_influencerId_fkey" FOREIGN KEY ("influencerId") REFERENCES "Influencer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommissionAdjustment_commissionId_fkey" FOREIGN KEY ("commissionId") REFERENCES "Commission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommissionAdjustment_payoutId_fkey" FOREIGN KEY ("payoutId") REFERENCES "Payout" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CommissionAdjustment" ("amountMinor", "commissionId", "createdAt", "currency", "id", "influencerId", "payoutId", "reason", "shopId", "sourceKey") SELECT "amountMinor", "commissionId", "createdAt", "currency", "id", "influencerId", "payoutId", "reason", "shopId", "sourceKey" FROM "CommissionAdjustment";
DROP TABLE "CommissionAdjustment";
ALTER TABLE "new_CommissionAdjustment" RENAME TO "CommissionAdjustment";
CREATE UNIQUE INDEX "CommissionAdjustment_shopId_sourceKey_key" ON "CommissionAdjustment"("shopId", "sourceKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

