-- AlterTable
ALTER TABLE "BackfillRun" ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "worker" TEXT;

-- CreateIndex
CREATE INDEX "BackfillRun_status_leaseUntil_idx" ON "BackfillRun"("status", "leaseUntil");

