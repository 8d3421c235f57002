-- CreateTable
CREATE TABLE "InfluencerWeek" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "influencerId" TEXT NOT NULL,
    "week" TEXT NOT NULL,
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

    CONSTRAINT "InfluencerWeek_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InfluencerWeek_period_sums_idx" ON "InfluencerWeek"("shopId", "week", "influencerId", "clicks", "orders", "newCustomerOrders", "netSalesMinor", "knownCostSalesMinor", "costOfGoodsMinor", "commissionMinor", "costsMinor");

-- CreateIndex
CREATE UNIQUE INDEX "InfluencerWeek_influencerId_week_key" ON "InfluencerWeek"("influencerId", "week");

-- AddForeignKey
ALTER TABLE "InfluencerWeek" ADD CONSTRAINT "InfluencerWeek_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InfluencerWeek" ADD CONSTRAINT "InfluencerWeek_influencerId_fkey" FOREIGN KEY ("influencerId") REFERENCES "Influencer"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The weeks of the days kept so far (the week starts on the Monday on or before the day).
INSERT INTO "InfluencerWeek" ("id", "shopId", "influencerId", "week", "clicks", "orders", "codeOrders", "linkOrders", "newCustomerOrders", "netSalesMinor", "knownCostSalesMinor", "costOfGoodsMinor", "commissionMinor", "costsMinor")
SELECT "influencerId" || '|' || to_char(date_trunc('week', "day"::date), 'YYYY-MM-DD'), "shopId", "influencerId", to_char(date_trunc('week', "day"::date), 'YYYY-MM-DD'), SUM("clicks"), SUM("orders"), SUM("codeOrders"), SUM("linkOrders"), SUM("newCustomerOrders"), SUM("netSalesMinor"), SUM("knownCostSalesMinor"), SUM("costOfGoodsMinor"), SUM("commissionMinor"), SUM("costsMinor")
FROM "InfluencerDay" GROUP BY "shopId", "influencerId", to_char(date_trunc('week', "day"::date), 'YYYY-MM-DD');
