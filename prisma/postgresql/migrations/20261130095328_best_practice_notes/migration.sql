-- CreateTable
CREATE TABLE "BestPracticeNote" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BestPracticeNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BestPracticeNote_shopId_createdAt_idx" ON "BestPracticeNote"("shopId", "createdAt");

-- AddForeignKey
ALTER TABLE "BestPracticeNote" ADD CONSTRAINT "BestPracticeNote_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

