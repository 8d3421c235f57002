-- CreateEnum
CREATE TYPE "BackfillStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "BackfillRun" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "status" "BackfillStatus" NOT NULL DEFAULT 'RUNNING',
    "codes" TEXT NOT NULL,
    "codeIndex" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "imported" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BackfillRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BackfillRun_shopId_startedAt_idx" ON "BackfillRun"("shopId", "startedAt");

-- AddForeignKey
ALTER TABLE "BackfillRun" ADD CONSTRAINT "BackfillRun_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

