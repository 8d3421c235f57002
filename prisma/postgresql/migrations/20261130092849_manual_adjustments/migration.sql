-- AlterTable
ALTER TABLE "CommissionAdjustment" ALTER COLUMN "commissionId" DROP NOT NULL;

