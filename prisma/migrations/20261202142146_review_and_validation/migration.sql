-- AlterTable
ALTER TABLE "User" ADD COLUMN     "isPrincipal" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "preReview" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "reviewerId" TEXT;

-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "allowOutOfRange" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "IndicatorValue" ADD COLUMN     "decreaseReason" TEXT;

-- AlterTable
ALTER TABLE "ProgressReport" ADD COLUMN     "preReviewedAt" TIMESTAMP(3),
ADD COLUMN     "preReviewedById" TEXT;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_preReviewedById_fkey" FOREIGN KEY ("preReviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

