-- CreateEnum
CREATE TYPE "ClosureConfirmer" AS ENUM ('OFFICIAL', 'STAFF');

-- CreateEnum
CREATE TYPE "TaskClosure" AS ENUM ('OPEN', 'REQUESTED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ClosureRequestStatus" AS ENUM ('PENDING', 'RETURNED', 'CONFIRMED');

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "closureConfirmedBy" "ClosureConfirmer" NOT NULL DEFAULT 'OFFICIAL';

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "closure" "TaskClosure" NOT NULL DEFAULT 'OPEN',
ADD COLUMN     "overdueReason" TEXT,
ADD COLUMN     "remedy" TEXT;

-- AlterTable
ALTER TABLE "TaskUpdate" ADD COLUMN     "overdueReason" TEXT,
ADD COLUMN     "remedy" TEXT;

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "taskId" TEXT;

-- CreateTable
CREATE TABLE "TaskClosureRequest" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "ClosureRequestStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "returnReason" TEXT,

    CONSTRAINT "TaskClosureRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TaskClosureRequest_taskId_requestedAt_idx" ON "TaskClosureRequest"("taskId", "requestedAt");

-- CreateIndex
CREATE INDEX "Attachment_taskId_idx" ON "Attachment"("taskId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskClosureRequest" ADD CONSTRAINT "TaskClosureRequest_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskClosureRequest" ADD CONSTRAINT "TaskClosureRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskClosureRequest" ADD CONSTRAINT "TaskClosureRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Tasks finished before 销号 existed count as closed since they were first reported done, so the
-- boards and 月报 of past months stay as they were.
UPDATE "Task" t SET "closure" = 'CLOSED',
  "closedAt" = COALESCE((SELECT min(u."reportedAt") FROM "TaskUpdate" u WHERE u."taskId" = t."id" AND u."status" = 'DONE'), t."updatedAt")
WHERE t."status" = 'DONE';
