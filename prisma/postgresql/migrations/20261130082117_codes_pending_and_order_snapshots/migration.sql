-- AlterEnum
ALTER TYPE "CodeStatus" ADD VALUE 'PENDING';

-- AlterTable
ALTER TABLE "DiscountCode" ALTER COLUMN "status" SET DEFAULT 'PENDING';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "snapshotHash" TEXT NOT NULL DEFAULT '';

