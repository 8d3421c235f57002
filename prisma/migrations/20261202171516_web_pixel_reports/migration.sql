-- AlterTable
ALTER TABLE "Order" ADD COLUMN "checkoutToken" TEXT;

-- CreateTable
CREATE TABLE "PixelReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "shopifyOrderId" TEXT NOT NULL,
    "checkoutToken" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "clickedAt" DATETIME,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PixelReport_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PixelReport_receivedAt_idx" ON "PixelReport"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PixelReport_shopId_shopifyOrderId_key" ON "PixelReport"("shopId", "shopifyOrderId");

