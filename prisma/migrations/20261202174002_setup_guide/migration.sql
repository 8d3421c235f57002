-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "applicationFormSharedAt" DATETIME;
ALTER TABLE "Shop" ADD COLUMN "commissionReviewedAt" DATETIME;
ALTER TABLE "Shop" ADD COLUMN "setupGuideDismissedAt" DATETIME;

