-- CreateEnum
CREATE TYPE "ReminderStep" AS ENUM ('BEFORE_DUE', 'DUE_DAY', 'ESCALATE_OFFICIAL', 'ESCALATE_PRINCIPAL');

-- CreateEnum
CREATE TYPE "NotifyChannel" AS ENUM ('EMAIL', 'SMS', 'DINGTALK', 'WECOM', 'WEBHOOK');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- AlterEnum
ALTER TYPE "ReminderLevel" ADD VALUE 'PRINCIPAL';

-- DropForeignKey
ALTER TABLE "Reminder" DROP CONSTRAINT "Reminder_sentById_fkey";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "contactsVersion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "dingtalkUserId" TEXT,
ADD COLUMN     "email" TEXT,
ADD COLUMN     "mobile" TEXT,
ADD COLUMN     "notifyChannels" "NotifyChannel"[] DEFAULT ARRAY[]::"NotifyChannel"[],
ADD COLUMN     "wecomUserId" TEXT;

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "escalatePrincipalAfterDays" INTEGER DEFAULT 7,
ADD COLUMN     "remindDaysBefore" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "remindOnDueDay" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Reminder" ADD COLUMN     "roundId" TEXT,
ADD COLUMN     "step" "ReminderStep",
ALTER COLUMN "sentById" DROP NOT NULL;

-- CreateTable
CREATE TABLE "ReminderRound" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "step" "ReminderStep",
    "sentById" TEXT,
    "forced" BOOLEAN NOT NULL DEFAULT false,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "reminderId" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL,
    "notificationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "channel" "NotifyChannel" NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReminderRound_campaignId_year_month_createdAt_idx" ON "ReminderRound"("campaignId", "year", "month", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderRound_campaignId_year_month_step_key" ON "ReminderRound"("campaignId", "year", "month", "step");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_reminderId_key" ON "Notification"("reminderId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Delivery_status_nextAttemptAt_idx" ON "Delivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Delivery_notificationId_idx" ON "Delivery"("notificationId");

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_campaignId_year_month_toUserId_step_key" ON "Reminder"("campaignId", "year", "month", "toUserId", "step");

-- AddForeignKey
ALTER TABLE "ReminderRound" ADD CONSTRAINT "ReminderRound_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderRound" ADD CONSTRAINT "ReminderRound_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_reminderId_fkey" FOREIGN KEY ("reminderId") REFERENCES "Reminder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ReminderRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Data: each earlier manual 催办 (the reminders one press made together) becomes one round, so the
-- 催办次数 of past months counts presses too.
INSERT INTO "ReminderRound" ("id", "campaignId", "year", "month", "sentById", "createdAt")
SELECT DISTINCT 'm' || md5("campaignId" || ':' || "year" || ':' || "month" || ':' || coalesce("sentById", '') || ':' || "createdAt"::text),
       "campaignId", "year", "month", "sentById", "createdAt"
FROM "Reminder";
UPDATE "Reminder"
SET "roundId" = 'm' || md5("campaignId" || ':' || "year" || ':' || "month" || ':' || coalesce("sentById", '') || ':' || "createdAt"::text)
WHERE "roundId" IS NULL;
