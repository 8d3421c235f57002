-- DropIndex
DROP INDEX "Order_shopId_customerEmail_idx";

-- DropIndex
DROP INDEX "WebhookEvent_shopDomain_customerEmail_idx";

-- AlterTable
ALTER TABLE "Order" DROP COLUMN "customerEmail",
ADD COLUMN     "customerEmailHash" TEXT;

-- AlterTable
ALTER TABLE "WebhookEvent" DROP COLUMN "customerEmail",
ADD COLUMN     "customerEmailHash" TEXT;

-- CreateIndex
CREATE INDEX "Order_shopId_customerEmailHash_idx" ON "Order"("shopId", "customerEmailHash");

-- CreateIndex
CREATE INDEX "WebhookEvent_shopDomain_customerEmailHash_idx" ON "WebhookEvent"("shopDomain", "customerEmailHash");

