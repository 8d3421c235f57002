-- CreateTable
CREATE TABLE "InfluencerDay" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "influencerId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "codeOrders" INTEGER NOT NULL DEFAULT 0,
    "linkOrders" INTEGER NOT NULL DEFAULT 0,
    "newCustomerOrders" INTEGER NOT NULL DEFAULT 0,
    "netSalesMinor" INTEGER NOT NULL DEFAULT 0,
    "knownCostSalesMinor" INTEGER NOT NULL DEFAULT 0,
    "costOfGoodsMinor" INTEGER NOT NULL DEFAULT 0,
    "commissionMinor" INTEGER NOT NULL DEFAULT 0,
    "costsMinor" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InfluencerDay_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InfluencerDay_shopId_day_idx" ON "InfluencerDay"("shopId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "InfluencerDay_influencerId_day_key" ON "InfluencerDay"("influencerId", "day");

-- AddForeignKey
ALTER TABLE "InfluencerDay" ADD CONSTRAINT "InfluencerDay_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InfluencerDay" ADD CONSTRAINT "InfluencerDay_influencerId_fkey" FOREIGN KEY ("influencerId") REFERENCES "Influencer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

