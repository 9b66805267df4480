-- AlterTable
ALTER TABLE "SummaryArchive" ADD COLUMN     "campaignNumbers" INTEGER[],
ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'zh-CN',
ADD COLUMN     "wholePlan" BOOLEAN NOT NULL DEFAULT true;

