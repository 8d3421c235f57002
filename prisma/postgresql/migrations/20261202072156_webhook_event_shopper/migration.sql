-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "customerId" TEXT,
ADD COLUMN     "customerEmail" TEXT;

-- CreateIndex
CREATE INDEX "WebhookEvent_shopDomain_customerId_idx" ON "WebhookEvent"("shopDomain", "customerId");

-- CreateIndex
CREATE INDEX "WebhookEvent_shopDomain_customerEmail_idx" ON "WebhookEvent"("shopDomain", "customerEmail");

-- CreateIndex
CREATE INDEX "WebhookEvent_status_processedAt_idx" ON "WebhookEvent"("status", "processedAt");

