-- AlterTable
ALTER TABLE "BackfillRun" DROP COLUMN "codeIndex",
DROP COLUMN "cursor",
ADD COLUMN     "bulkOperationId" TEXT,
ADD COLUMN     "objectCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ordersDone" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ordersTotal" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "resultUrl" TEXT;

