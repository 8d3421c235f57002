-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('RUNNING', 'UNDOING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "Influencer" ADD COLUMN     "importRunId" TEXT;

-- AlterTable
ALTER TABLE "BackfillRun" ADD COLUMN     "activeShopId" TEXT;

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "activeShopId" TEXT,
    "status" "ImportStatus" NOT NULL DEFAULT 'RUNNING',
    "fileName" TEXT NOT NULL,
    "rows" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "nextRow" INTEGER NOT NULL DEFAULT 0,
    "problems" TEXT,
    "lastError" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "leaseUntil" TIMESTAMP(3),
    "worker" TEXT,

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportRun_activeShopId_key" ON "ImportRun"("activeShopId");

-- CreateIndex
CREATE INDEX "ImportRun_shopId_startedAt_idx" ON "ImportRun"("shopId", "startedAt");

-- CreateIndex
CREATE INDEX "ImportRun_status_leaseUntil_idx" ON "ImportRun"("status", "leaseUntil");

-- CreateIndex
CREATE INDEX "Influencer_importRunId_idx" ON "Influencer"("importRunId");

-- CreateIndex
CREATE UNIQUE INDEX "BackfillRun_activeShopId_key" ON "BackfillRun"("activeShopId");

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A shop's newest unfinished backfill is its active one.
UPDATE "BackfillRun" SET "activeShopId" = "shopId"
WHERE "status" <> 'DONE'
  AND "id" = (SELECT b2."id" FROM "BackfillRun" b2 WHERE b2."shopId" = "BackfillRun"."shopId" AND b2."status" <> 'DONE' ORDER BY b2."startedAt" DESC LIMIT 1);
