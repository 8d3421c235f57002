-- AlterTable
ALTER TABLE "Influencer" ADD COLUMN     "pendingPaypalAt" TIMESTAMP(3),
ADD COLUMN     "pendingPaypalEmail" TEXT,
ADD COLUMN     "pendingPaypalTokenHash" TEXT;

-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN     "sealedLink" TEXT;

-- AlterTable
ALTER TABLE "PortalToken" ADD COLUMN     "expiresAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "Influencer_pendingPaypalTokenHash_key" ON "Influencer"("pendingPaypalTokenHash");

