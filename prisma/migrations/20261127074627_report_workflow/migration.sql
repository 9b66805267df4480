-- AlterTable
ALTER TABLE "User" ADD COLUMN     "commentsSeenAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "TaskUpdate_reportId_taskId_key" ON "TaskUpdate"("reportId", "taskId");

