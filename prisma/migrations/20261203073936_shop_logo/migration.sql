-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "logoUrl" TEXT;

