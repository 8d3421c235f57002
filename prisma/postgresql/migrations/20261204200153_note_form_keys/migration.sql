-- AlterTable
ALTER TABLE "BestPracticeNote" ADD COLUMN     "formKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "BestPracticeNote_formKey_key" ON "BestPracticeNote"("formKey");

