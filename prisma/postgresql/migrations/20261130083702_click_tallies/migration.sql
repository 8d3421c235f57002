-- CreateTable
CREATE TABLE "ClickTally" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "influencerId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "repeats" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ClickTally_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClickTally_shopId_influencerId_day_idx" ON "ClickTally"("shopId", "influencerId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "ClickTally_linkId_day_key" ON "ClickTally"("linkId", "day");

-- AddForeignKey
ALTER TABLE "ClickTally" ADD CONSTRAINT "ClickTally_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClickTally" ADD CONSTRAINT "ClickTally_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "ReferralLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

