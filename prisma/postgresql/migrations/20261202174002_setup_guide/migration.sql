-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "applicationFormSharedAt" TIMESTAMP(3),
ADD COLUMN     "commissionReviewedAt" TIMESTAMP(3),
ADD COLUMN     "setupGuideDismissedAt" TIMESTAMP(3);

