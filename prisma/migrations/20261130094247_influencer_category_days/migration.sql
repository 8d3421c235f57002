-- CreateTable
CREATE TABLE "InfluencerCategoryDay" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "influencerId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "units" INTEGER NOT NULL DEFAULT 0,
    "netSalesMinor" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "InfluencerCategoryDay_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InfluencerCategoryDay_influencerId_fkey" FOREIGN KEY ("influencerId") REFERENCES "Influencer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "InfluencerCategoryDay_shopId_day_idx" ON "InfluencerCategoryDay"("shopId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "InfluencerCategoryDay_influencerId_day_kind_category_key" ON "InfluencerCategoryDay"("influencerId", "day", "kind", "category");

