-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "documentFirstMonth" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "documentIssuer" TEXT;

-- AlterTable
ALTER TABLE "SummaryArchive" ADD COLUMN     "appendix" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "issueNumber" INTEGER,
ADD COLUMN     "issuer" TEXT;

