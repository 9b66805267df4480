import "server-only";
import { z } from "zod";
import { COUNTED_STATUSES } from "@/lib/reports/official";
import { may } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { visibleCampaigns } from "@/lib/auth/scope";
import { now, reportDueDate, wholeDaysBetween } from "@/lib/clock";
import { db, WRITE_TX } from "@/lib/db";
import { invalid, type ActionResult } from "@/lib/errors";

const schema = z.object({
  campaignId: z.string().min(1).max(64),
  month: z.string().regex(/^\d{1,2}$/).transform(Number).pipe(z.number().min(1).max(12)),
});


/**
 * 催办: reminds a campaign's leads that a month's report is missing. Once the report is more than
 * the plan's escalateAfterDays late, the reminder also goes to the campaign's leading official.
 * Office staff, leadership and admins may remind; every reminder is audited.
 */
export async function sendReminder(user: SessionUser, raw: unknown): Promise<ActionResult<{ sent: number; escalated: boolean }>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  if (!may(user, "remind")) return { ok: false, error: "forbidden" };
  const { campaignId, month } = parsed.data;
  return db().$transaction(async (tx): Promise<ActionResult<{ sent: number; escalated: boolean }>> => {
    const campaign = await tx.campaign.findFirst({
      where: { id: campaignId, ...visibleCampaigns(user) },
      select: {
        id: true,
        name: true,
        leadingOfficialId: true,
        leads: { select: { userId: true } },
        plan: { select: { year: true, orgId: true, reportDueDay: true, escalateAfterDays: true } },
        reports: { where: { month, status: { in: [...COUNTED_STATUSES] } }, select: { id: true }, take: 1 },
      },
    });
    if (!campaign) return { ok: false, error: "notFound" };
    if (campaign.reports.length) return { ok: false, error: "locked", status: "SUBMITTED" };
    const at = now();
    const daysLate = wholeDaysBetween(reportDueDate(campaign.plan.year, month, campaign.plan.reportDueDay), at);
    const escalated = daysLate > campaign.plan.escalateAfterDays && !!campaign.leadingOfficialId;
    const recipients = [
      ...campaign.leads.map((l) => ({ toUserId: l.userId, level: "LEAD" as const })),
      ...(escalated && campaign.leadingOfficialId ? [{ toUserId: campaign.leadingOfficialId, level: "OFFICIAL" as const }] : []),
    ];
    await tx.reminder.createMany({
      data: recipients.map((r) => ({ ...r, campaignId, year: campaign.plan.year, month, sentById: user.id, createdAt: at })),
    });
    await audit(tx, {
      actor: user,
      action: "reminder.send",
      entityType: "Campaign",
      entityId: campaignId,
      orgId: campaign.plan.orgId,
      campaignId,
      newValues: { month, daysLate, escalated, recipients: recipients.length },
    });
    return { ok: true, data: { sent: recipients.length, escalated } };
  }, WRITE_TX);
}
