-- AlterEnum
ALTER TYPE "PayoutStatus" ADD VALUE 'PAYING' BEFORE 'PAID';

-- AlterTable
ALTER TABLE "Payout" ADD COLUMN     "failure" TEXT;

