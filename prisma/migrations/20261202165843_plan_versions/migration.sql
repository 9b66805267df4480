-- CreateEnum
CREATE TYPE "PlanChangeKind" AS ENUM ('INITIAL', 'CHANGE', 'ADJUSTMENT');

-- CreateEnum
CREATE TYPE "PlanChangeStatus" AS ENUM ('IN_FORCE', 'PENDING', 'REJECTED');

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "lightRules" JSONB,
ADD COLUMN     "targetChangeNeedsApproval" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ProgressReport" ADD COLUMN     "firstSubmittedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "BaselineMonth" (
    "indicatorId" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "value" DECIMAL(20,4) NOT NULL,
    "note" TEXT,
    "isSample" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "BaselineMonth_pkey" PRIMARY KEY ("indicatorId","month")
);

-- CreateTable
CREATE TABLE "PlanVersion" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "indicatorId" TEXT,
    "taskId" TEXT,
    "fromMonth" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "kind" "PlanChangeKind" NOT NULL,
    "status" "PlanChangeStatus" NOT NULL DEFAULT 'IN_FORCE',
    "reason" TEXT,
    "requestedById" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "inForceAt" TIMESTAMP(3),

    CONSTRAINT "PlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanVersion_indicatorId_status_idx" ON "PlanVersion"("indicatorId", "status");

-- CreateIndex
CREATE INDEX "PlanVersion_taskId_status_idx" ON "PlanVersion"("taskId", "status");

-- CreateIndex
CREATE INDEX "PlanVersion_planId_kind_idx" ON "PlanVersion"("planId", "kind");

-- AddForeignKey
ALTER TABLE "BaselineMonth" ADD CONSTRAINT "BaselineMonth_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Data: reports already submitted were first submitted when they were last.
UPDATE "ProgressReport" SET "firstSubmittedAt" = "submittedAt" WHERE "submittedAt" IS NOT NULL;

-- Data: the plan as it stands becomes each plan's, indicator's and task's INITIAL version (in force
-- from the start), with the status rule's thresholds as they were in the code until now, so that
-- nothing shown for a past month changes.
UPDATE "Plan" SET "lightRules" = '{"ytd":{"green":0,"amber":5},"rate":{"green":0,"amber":2},"level":{"green":0,"amber":5},"task":{"green":10,"amber":25},"campaign":{"green":0.8,"amber":0.6,"indicatorShare":0.5},"countUnapproved":true}'::jsonb;

INSERT INTO "PlanVersion" ("id", "planId", "fromMonth", "payload", "kind", "requestedAt")
SELECT gen_random_uuid()::text, p.id, 1,
       jsonb_build_object('reportDueDay', p."reportDueDay", 'escalateAfterDays', p."escalateAfterDays", 'rules', p."lightRules"),
       'INITIAL', p."createdAt"
FROM "Plan" p;

INSERT INTO "PlanVersion" ("id", "planId", "indicatorId", "fromMonth", "payload", "kind", "requestedAt")
SELECT gen_random_uuid()::text, i."planId", i.id, 1,
       jsonb_build_object(
         'target', CASE WHEN i."targetValue" IS NULL THEN NULL ELSE trim_scale(i."targetValue")::text END,
         'planned', COALESCE((SELECT jsonb_agg(trim_scale(t."plannedValue")::text ORDER BY t.month) FROM "TrajectoryPoint" t WHERE t."indicatorId" = i.id), '[]'::jsonb)),
       'INITIAL', i."createdAt"
FROM "Indicator" i;

INSERT INTO "PlanVersion" ("id", "planId", "taskId", "fromMonth", "payload", "kind", "requestedAt")
SELECT gen_random_uuid()::text, c."planId", t.id, 1,
       jsonb_build_object(
         'startDate', to_char(t."startDate", 'YYYY-MM-DD'),
         'dueDate', to_char(t."dueDate", 'YYYY-MM-DD'),
         'weight', trim_scale(t.weight)::text),
       'INITIAL', t."createdAt"
FROM "Task" t JOIN "Campaign" c ON c.id = t."campaignId";
