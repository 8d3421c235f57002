-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN "nextAttemptAt" DATETIME;

