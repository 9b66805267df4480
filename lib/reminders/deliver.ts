// One reminder to one person: the Reminder row (unique per person, step and month for scheduled ones),
// its in-app Notification and the deliveries on the person's channels, in the caller's transaction.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { toLocale } from "@/lib/i18n/config";
import { type Channel, type ChannelName } from "@/lib/notify/channels";
import { appChannels, enqueueNotification } from "@/lib/notify/queue";
import { catalogue } from "@/lib/summary/text";
import type { ScheduleStep } from "./schedule";

export type ReminderLevel = "LEAD" | "OFFICIAL" | "PRINCIPAL";

export type NewReminder = {
  campaign: { id: string; name: string };
  year: number;
  month: number;
  toUserId: string;
  level: ReminderLevel;
  roundId: string;
  step: ScheduleStep | null;
  sentById: string | null;
  daysLate: number;
  at: Date;
};

/**
 * Inserts the reminder unless this person already has this scheduled step this month (ON CONFLICT: the
 * unique index decides between racing schedulers); true when it was inserted and its message queued.
 */
export async function createReminder(tx: Tx, r: NewReminder, channels: ReadonlyMap<ChannelName, Channel> = appChannels()): Promise<boolean> {
  const id = randomUUID();
  const at = r.at.toISOString();
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Reminder" ("id", "campaignId", "year", "month", "level", "toUserId", "sentById", "roundId", "step", "createdAt")
    VALUES (${id}, ${r.campaign.id}, ${r.year}, ${r.month}, ${r.level}::"ReminderLevel", ${r.toUserId}, ${r.sentById}, ${r.roundId},
            ${r.step}::"ReminderStep", ${at}::timestamp(3))
    ON CONFLICT ("campaignId", "year", "month", "toUserId", "step") DO NOTHING
    RETURNING "id"`;
  if (!inserted.length) return false;
  const person = await tx.user.findUnique({ where: { id: r.toUserId }, select: { locale: true } });
  const t = catalogue(toLocale(person?.locale), "notify");
  const values = { campaign: r.campaign.name, month: r.month, year: r.year, days: r.daysLate };
  const kind =
    r.level === "LEAD"
      ? r.daysLate > 0
        ? "overdue"
        : r.step === "BEFORE_DUE"
          ? "beforeDue"
          : "dueDay"
      : r.level === "OFFICIAL"
        ? "escalateOfficial"
        : "escalatePrincipal";
  await enqueueNotification(
    tx,
    {
      userId: r.toUserId,
      kind: "reminder",
      title: t(`reminderTitle.${kind}`, values),
      body: t(`reminderBody.${kind}`, values),
      link: `${env.NEXTAUTH_URL?.replace(/\/$/, "") ?? ""}/campaigns/${r.campaign.id}`,
      reminderId: id,
    },
    channels,
    r.at,
  );
  return true;
}
