// The scheduled 催办: on each run, for every active plan, the month whose report is due, and every
// campaign still without it, the steps of the plan's schedule due today (schedule.ts) reach their
// people once: a ReminderRound per campaign, month and step and a Reminder per person are unique in the
// database, so several instances (or a restart) never send a step twice. A submitted report stops it.
import "server-only";
import { randomUUID } from "node:crypto";
import { audit, SYSTEM_ACTOR } from "@/lib/audit/record";
import { now as clockNow, reportingMonth } from "@/lib/clock";
import { db as appDb, WRITE_TX, type Db } from "@/lib/db";
import type { Channel, ChannelName } from "@/lib/notify/channels";
import { appChannels } from "@/lib/notify/queue";
import { remindOverdueInstructions } from "@/lib/comments/overdue";
import { createReminder } from "./deliver";
import { ARRIVED, dayOffset, dueSteps, levelOf, type ScheduleStep } from "./schedule";

/** instructions: overdue 批示 whose leads were reminded (lib/comments/overdue.ts). */
export type SchedulerRun = { rounds: number; reminders: number; instructions: number };

export async function runSchedulerOnce(
  at: Date = clockNow(),
  /** planIds: only these plans (the browser tests run the scheduler for their own plan). */
  options: { database?: Db; channels?: ReadonlyMap<ChannelName, Channel>; planIds?: string[] } = {},
): Promise<SchedulerRun> {
  const database = options.database ?? appDb();
  const channels = options.channels ?? appChannels();
  const result: SchedulerRun = { rounds: 0, reminders: 0, instructions: 0 };
  const plans = await database.plan.findMany({
    where: { status: "ACTIVE", ...(options.planIds ? { id: { in: options.planIds } } : {}) },
    select: {
      id: true,
      year: true,
      orgId: true,
      reportDueDay: true,
      remindDaysBefore: true,
      remindOnDueDay: true,
      escalateAfterDays: true,
      escalatePrincipalAfterDays: true,
    },
  });
  for (const plan of plans) {
    const month = reportingMonth(plan.year, at);
    if (month < 1) continue;
    const steps = dueSteps(plan, plan.year, month, at);
    if (!steps.length) continue;
    const daysLate = Math.max(0, dayOffset(plan.year, month, plan.reportDueDay, at));
    const campaigns = await database.campaign.findMany({
      where: { planId: plan.id, reports: { none: { year: plan.year, month, status: { in: [...ARRIVED] } } } },
      select: { id: true, name: true, leadingOfficialId: true, leads: { select: { userId: true, user: { select: { disabled: true } } } } },
      orderBy: { number: "asc" },
    });
    const principals = steps.includes("ESCALATE_PRINCIPAL")
      ? await database.user.findMany({
          where: { isPrincipal: true, disabled: false, orgId: plan.orgId, roles: { some: { role: "LEADER" } } },
          select: { id: true },
        })
      : [];
    for (const campaign of campaigns) {
      for (const step of steps) {
        const to = recipients(step, campaign, principals);
        if (!to.length) continue;
        const made = await database.$transaction(async (tx) => {
          // The round: once per campaign, month and step; a racing instance finds it made.
          await tx.$executeRaw`
            INSERT INTO "ReminderRound" ("id", "campaignId", "year", "month", "step", "createdAt")
            VALUES (${randomUUID()}, ${campaign.id}, ${plan.year}, ${month}, ${step}::"ReminderStep", ${at.toISOString()}::timestamp(3))
            ON CONFLICT ("campaignId", "year", "month", "step") DO NOTHING`;
          const round = await tx.reminderRound.findFirstOrThrow({ where: { campaignId: campaign.id, year: plan.year, month, step }, select: { id: true } });
          let count = 0;
          for (const toUserId of to) {
            const inserted = await createReminder(
              tx,
              { campaign, year: plan.year, month, toUserId, level: levelOf(step), roundId: round.id, step, sentById: null, daysLate, at },
              channels,
            );
            if (inserted) count++;
          }
          if (count) {
            await audit(tx, {
              actor: SYSTEM_ACTOR,
              action: "reminder.schedule",
              entityType: "Campaign",
              entityId: campaign.id,
              orgId: plan.orgId,
              campaignId: campaign.id,
              newValues: { year: plan.year, month, step, daysLate, recipients: count },
            });
          }
          return count;
        }, WRITE_TX);
        if (made) {
          result.rounds++;
          result.reminders += made;
        }
      }
    }
  }
  // Unanswered 批示 past their deadline are reminded like reports, on the same run.
  result.instructions = await remindOverdueInstructions(at, { database, channels, planIds: options.planIds });
  return result;
}

function recipients(
  step: ScheduleStep,
  campaign: { leadingOfficialId: string | null; leads: { userId: string; user: { disabled: boolean } }[] },
  principals: { id: string }[],
): string[] {
  if (step === "ESCALATE_OFFICIAL") return campaign.leadingOfficialId ? [campaign.leadingOfficialId] : [];
  if (step === "ESCALATE_PRINCIPAL") return principals.map((p) => p.id);
  return campaign.leads.filter((l) => !l.user.disabled).map((l) => l.userId);
}
