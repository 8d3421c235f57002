-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "nextAttemptAt" TIMESTAMP(3);

