-- CreateEnum
CREATE TYPE "LinkCredit" AS ENUM ('LAST_CLICK', 'FIRST_CLICK');

-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "linkCredit" "LinkCredit" NOT NULL DEFAULT 'LAST_CLICK';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "attributionReason" TEXT NOT NULL DEFAULT '';

