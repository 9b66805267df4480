import "server-only";
import { z } from "zod";
import { may } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { visibleCampaigns } from "@/lib/auth/scope";
import { now, reportDueDate, startOfChinaDayOf, wholeDaysBetween } from "@/lib/clock";
import { db, WRITE_TX } from "@/lib/db";
import { invalid, type ActionResult } from "@/lib/errors";
import type { Channel, ChannelName } from "@/lib/notify/channels";
import { createReminder } from "./deliver";
import { ARRIVED } from "./schedule";

const schema = z
  .object({
    campaignId: z.string().min(1).max(64),
    month: z
      .string()
      .regex(/^\d{1,2}$/)
      .transform(Number)
      .pipe(z.number().min(1).max(12)),
    /** A second 催办 on one day is sent only when forced, with a reason. */
    force: z.enum(["1"]).optional(),
    reason: z.string().trim().max(200, "reminders.reasonTooLong").optional(),
  })
  .refine((v) => !v.force || !!v.reason, { path: ["reason"], message: "reminders.reasonNeeded" });

export type ReminderResult = ActionResult<{ sent: number; escalated: boolean }>;

/**
 * 催办 pressed: reminds a campaign's leads that a month's report is missing. Once the report is more than
 * the plan's escalateAfterDays late, the reminder also goes to the campaign's leading official. Office
 * staff, leadership and admins may remind; once a day per campaign and month unless forced with a reason
 * (a second press answers "locked", status "remindedToday"). Each press is one ReminderRound (what
 * 催办次数 counts), with a reminder, an in-app message and queued deliveries per person; audited.
 */
export async function sendReminder(user: SessionUser, raw: unknown, channels?: ReadonlyMap<ChannelName, Channel>): Promise<ReminderResult> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  if (!may(user, "remind")) return { ok: false, error: "forbidden" };
  const { campaignId, month, force, reason } = parsed.data;
  return db().$transaction(async (tx): Promise<ReminderResult> => {
    const campaign = await tx.campaign.findFirst({
      where: { id: campaignId, ...visibleCampaigns(user) },
      select: {
        id: true,
        name: true,
        leadingOfficialId: true,
        leads: { select: { userId: true } },
        plan: { select: { year: true, orgId: true, reportDueDay: true, escalateAfterDays: true } },
      },
    });
    if (!campaign) return { ok: false, error: "notFound" };
    const year = campaign.plan.year;
    // Presses on one campaign one after another, so two at once cannot both pass the daily limit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`reminder:${campaignId}`}))`;
    const arrived = await tx.progressReport.findFirst({ where: { campaignId, year, month, status: { in: [...ARRIVED] } }, select: { id: true } });
    if (arrived) return { ok: false, error: "locked", status: "SUBMITTED" };
    const at = now();
    const today = await tx.reminderRound.findFirst({
      where: { campaignId, year, month, step: null, createdAt: { gte: startOfChinaDayOf(at) } },
      select: { id: true },
    });
    if (today && !force) return { ok: false, error: "locked", status: "remindedToday" };
    const daysLate = wholeDaysBetween(reportDueDate(year, month, campaign.plan.reportDueDay), at);
    const escalated = daysLate > campaign.plan.escalateAfterDays && !!campaign.leadingOfficialId;
    const recipients = [
      ...campaign.leads.map((l) => ({ toUserId: l.userId, level: "LEAD" as const })),
      ...(escalated && campaign.leadingOfficialId ? [{ toUserId: campaign.leadingOfficialId, level: "OFFICIAL" as const }] : []),
    ];
    const forced = !!today && !!force;
    const round = await tx.reminderRound.create({
      data: { campaignId, year, month, sentById: user.id, forced, reason: forced ? (reason ?? null) : null, createdAt: at },
      select: { id: true },
    });
    for (const r of recipients) {
      await createReminder(
        tx,
        { campaign, year, month, toUserId: r.toUserId, level: r.level, roundId: round.id, step: null, sentById: user.id, daysLate: Math.max(0, daysLate), at },
        channels,
      );
    }
    await audit(tx, {
      actor: user,
      action: "reminder.send",
      entityType: "Campaign",
      entityId: campaignId,
      orgId: campaign.plan.orgId,
      campaignId,
      newValues: { month, daysLate, escalated, recipients: recipients.length, ...(forced ? { forced, reason } : {}) },
    });
    return { ok: true, data: { sent: recipients.length, escalated } };
  }, WRITE_TX);
}
