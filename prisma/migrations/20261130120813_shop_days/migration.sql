-- DropIndex
DROP INDEX "InfluencerDay_shopId_day_idx";

-- CreateTable
CREATE TABLE "ShopDay" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
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
    CONSTRAINT "ShopDay_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ShopDay_shopId_day_key" ON "ShopDay"("shopId", "day");

-- CreateIndex
CREATE INDEX "InfluencerDay_period_sums_idx" ON "InfluencerDay"("shopId", "day", "influencerId", "clicks", "orders", "newCustomerOrders", "netSalesMinor", "knownCostSalesMinor", "costOfGoodsMinor", "commissionMinor", "costsMinor");


-- Fill the shops' days from the influencers' days already kept.
INSERT INTO "ShopDay" ("id", "shopId", "day", "clicks", "orders", "codeOrders", "linkOrders", "newCustomerOrders", "netSalesMinor", "knownCostSalesMinor", "costOfGoodsMinor", "commissionMinor", "costsMinor")
SELECT "shopId" || ':' || "day", "shopId", "day", SUM("clicks"), SUM("orders"), SUM("codeOrders"), SUM("linkOrders"), SUM("newCustomerOrders"), SUM("netSalesMinor"), SUM("knownCostSalesMinor"), SUM("costOfGoodsMinor"), SUM("commissionMinor"), SUM("costsMinor")
FROM "InfluencerDay" GROUP BY "shopId", "day";
