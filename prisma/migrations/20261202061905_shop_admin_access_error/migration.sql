-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "adminAccessError" TEXT;
ALTER TABLE "Shop" ADD COLUMN "adminAccessErrorAt" DATETIME;

