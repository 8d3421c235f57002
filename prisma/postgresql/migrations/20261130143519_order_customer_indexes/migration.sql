-- CreateIndex
CREATE INDEX "Order_shopId_customerShopifyId_idx" ON "Order"("shopId", "customerShopifyId");

-- CreateIndex
CREATE INDEX "Order_shopId_customerEmail_idx" ON "Order"("shopId", "customerEmail");

