-- AlterTable
ALTER TABLE "Payout" ADD COLUMN "failure" TEXT;

