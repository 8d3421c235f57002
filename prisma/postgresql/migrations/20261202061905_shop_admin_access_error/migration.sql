-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "adminAccessError" TEXT,
ADD COLUMN     "adminAccessErrorAt" TIMESTAMP(3);

