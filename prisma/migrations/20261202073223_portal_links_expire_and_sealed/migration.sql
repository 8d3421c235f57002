-- AlterTable
ALTER TABLE "Influencer" ADD COLUMN "pendingPaypalAt" DATETIME;
ALTER TABLE "Influencer" ADD COLUMN "pendingPaypalEmail" TEXT;
ALTER TABLE "Influencer" ADD COLUMN "pendingPaypalTokenHash" TEXT;

-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN "sealedLink" TEXT;

-- AlterTable
ALTER TABLE "PortalToken" ADD COLUMN "expiresAt" DATETIME;

-- CreateIndex
CREATE UNIQUE INDEX "Influencer_pendingPaypalTokenHash_key" ON "Influencer"("pendingPaypalTokenHash");

