import "server-only";
import { may } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { reportableCampaigns, visibleCampaigns } from "@/lib/auth/scope";
import { now } from "@/lib/clock";
import { db, WRITE_TX } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { invalid, type ActionResult } from "@/lib/errors";
import type { SavedReport } from "./save";
import { commentSchema, correctionSchema } from "./schemas";

// Saving and submitting: save.ts; 初审, review and withdrawal: review.ts.

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
            create: approved.values.map((v) => ({ indicatorId: v.indicatorId, month: v.month, value: v.value, note: v.note, decreaseReason: v.decreaseReason, reportedById: user.id, reportedAt: at })),
          },
          taskUpdates: {
            create: approved.taskUpdates.map((t) => ({ taskId: t.taskId, month: t.month, percentDone: t.percentDone, status: t.status, note: t.note, reportedById: user.id, reportedAt: at })),
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

/** 批示: a leader's comment on a campaign, one of its reports or one of its tasks. */
export async function addComment(user: SessionUser, raw: unknown): Promise<ActionResult<{ commentId: string }>> {
  const parsed = commentSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  if (!may(user, "comment")) return { ok: false, error: "forbidden" };
  const { campaignId, reportId, taskId, body } = parsed.data;
  return db().$transaction(async (tx): Promise<ActionResult<{ commentId: string }>> => {
    const campaign = await tx.campaign.findFirst({
      where: {
        id: campaignId,
        ...visibleCampaigns(user),
        ...(reportId ? { reports: { some: { id: reportId } } } : {}),
        ...(taskId ? { tasks: { some: { id: taskId } } } : {}),
      },
      select: { id: true, plan: { select: { orgId: true } } },
    });
    if (!campaign) return { ok: false, error: "notFound" };
    const comment = await tx.comment.create({ data: { campaignId, reportId, taskId, authorId: user.id, body, createdAt: now() } });
    await audit(tx, {
      actor: user,
      action: "comment.add",
      entityType: "Comment",
      entityId: comment.id,
      orgId: campaign.plan.orgId,
      campaignId,
      newValues: { body, reportId: reportId ?? null, taskId: taskId ?? null },
    });
    return { ok: true, data: { commentId: comment.id } };
  }, WRITE_TX);
}

/** The lead has read the new comments on their campaigns. */
export async function markCommentsSeen(user: SessionUser): Promise<void> {
  await db().user.update({ where: { id: user.id }, data: { commentsSeenAt: now() } });
}
