import "server-only";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { reportableCampaigns } from "@/lib/auth/scope";
import { now } from "@/lib/clock";
import { db, WRITE_TX } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { invalid, type ActionResult } from "@/lib/errors";
import type { SavedReport } from "./save";
import { correctionSchema } from "./schemas";

// Saving and submitting: save.ts; 初审, review and withdrawal: review.ts; 批示: lib/comments/.

/**
 * A correction after approval: a new revision of the month's report, starting as a copy of the
 * approved one. The approved revision stays as it is, with its own trail.
 */
export async function startCorrection(user: SessionUser, raw: unknown): Promise<ActionResult<SavedReport>> {
  const parsed = correctionSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  try {
    return await db().$transaction(async (tx): Promise<ActionResult<SavedReport>> => {
      const approved = await tx.progressReport.findFirst({
        where: { id: parsed.data.reportId, campaign: reportableCampaigns(user) },
        include: { values: true, taskUpdates: true, campaign: { select: { plan: { select: { orgId: true } } } } },
      });
      if (!approved) return { ok: false, error: "notFound" };
      const newer = await tx.progressReport.findFirst({
        where: { campaignId: approved.campaignId, year: approved.year, month: approved.month, revision: { gt: approved.revision } },
      });
      if (approved.status !== "APPROVED" || newer) return { ok: false, error: "locked", status: newer?.status ?? approved.status };
      const at = now();
      const revision = await tx.progressReport.create({
        data: {
          campaignId: approved.campaignId,
          year: approved.year,
          month: approved.month,
          revision: approved.revision + 1,
          progressText: approved.progressText,
          problemsText: approved.problemsText,
          nextStepsText: approved.nextStepsText,
          createdById: user.id,
          values: {
            create: approved.values.map((v) => ({
              indicatorId: v.indicatorId,
              month: v.month,
              value: v.value,
              note: v.note,
              decreaseReason: v.decreaseReason,
              reportedById: user.id,
              reportedAt: at,
            })),
          },
          taskUpdates: {
            create: approved.taskUpdates.map((t) => ({
              taskId: t.taskId,
              month: t.month,
              percentDone: t.percentDone,
              status: t.status,
              note: t.note,
              reportedById: user.id,
              reportedAt: at,
            })),
          },
        },
      });
      await audit(tx, {
        actor: user,
        action: "report.correction",
        entityType: "ProgressReport",
        entityId: revision.id,
        orgId: approved.campaign.plan.orgId,
        campaignId: approved.campaignId,
        newValues: { correctionOf: approved.id, revision: revision.revision, year: approved.year, month: approved.month },
      });
      return { ok: true, data: { reportId: revision.id, version: revision.version, status: revision.status } };
    }, WRITE_TX);
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "conflict", current: {} };
    throw error;
  }
}
