-- CreateEnum
CREATE TYPE "CategoryKind" AS ENUM ('PRODUCT_TYPE', 'COLLECTION');

-- CreateTable
CREATE TABLE "InfluencerCategoryDay" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "influencerId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "kind" "CategoryKind" NOT NULL,
    "category" TEXT NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "units" INTEGER NOT NULL DEFAULT 0,
    "netSalesMinor" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InfluencerCategoryDay_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InfluencerCategoryDay_shopId_day_idx" ON "InfluencerCategoryDay"("shopId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "InfluencerCategoryDay_influencerId_day_kind_category_key" ON "InfluencerCategoryDay"("influencerId", "day", "kind", "category");

-- AddForeignKey
ALTER TABLE "InfluencerCategoryDay" ADD CONSTRAINT "InfluencerCategoryDay_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InfluencerCategoryDay" ADD CONSTRAINT "InfluencerCategoryDay_influencerId_fkey" FOREIGN KEY ("influencerId") REFERENCES "Influencer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

