-- CreateEnum
CREATE TYPE "InstructionState" AS ENUM ('OPEN', 'ANSWERED', 'CLOSED');

-- CreateEnum
CREATE TYPE "InstructionStepKind" AS ENUM ('ANSWER', 'ASK_AGAIN', 'CLOSE');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "redSeenCampaignIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "instructionStepId" TEXT;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "dueDate" DATE,
ADD COLUMN     "overdueRemindedAt" TIMESTAMP(3),
ADD COLUMN     "state" "InstructionState",
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "InstructionStep" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "kind" "InstructionStepKind" NOT NULL,
    "body" TEXT NOT NULL,
    "dueDate" DATE,
    "byId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstructionStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InstructionStep_commentId_createdAt_idx" ON "InstructionStep"("commentId", "createdAt");

-- CreateIndex
CREATE INDEX "Attachment_instructionStepId_idx" ON "Attachment"("instructionStepId");

-- CreateIndex
CREATE INDEX "Comment_state_dueDate_idx" ON "Comment"("state", "dueDate");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_instructionStepId_fkey" FOREIGN KEY ("instructionStepId") REFERENCES "InstructionStep"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstructionStep" ADD CONSTRAINT "InstructionStep_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstructionStep" ADD CONSTRAINT "InstructionStep_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

