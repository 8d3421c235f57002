-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_BackfillRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "codes" TEXT NOT NULL,
    "imported" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    "leaseUntil" DATETIME,
    "worker" TEXT,
    "activeShopId" TEXT,
    "bulkOperationId" TEXT,
    "objectCount" INTEGER NOT NULL DEFAULT 0,
    "resultUrl" TEXT,
    "ordersTotal" INTEGER NOT NULL DEFAULT 0,
    "ordersDone" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "BackfillRun_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_BackfillRun" ("activeShopId", "codes", "finishedAt", "id", "imported", "lastError", "leaseUntil", "shopId", "startedAt", "status", "updatedAt", "worker") SELECT "activeShopId", "codes", "finishedAt", "id", "imported", "lastError", "leaseUntil", "shopId", "startedAt", "status", "updatedAt", "worker" FROM "BackfillRun";
DROP TABLE "BackfillRun";
ALTER TABLE "new_BackfillRun" RENAME TO "BackfillRun";
CREATE UNIQUE INDEX "BackfillRun_activeShopId_key" ON "BackfillRun"("activeShopId");
CREATE INDEX "BackfillRun_shopId_startedAt_idx" ON "BackfillRun"("shopId", "startedAt");
CREATE INDEX "BackfillRun_status_leaseUntil_idx" ON "BackfillRun"("status", "leaseUntil");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

