// 批示 (a leader's comments) and the lead's note that they have read them.
import "server-only";
import { may } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { visibleCampaigns } from "@/lib/auth/scope";
import { audit } from "@/lib/audit/record";
import { chinaDay, now } from "@/lib/clock";
import { db, WRITE_TX } from "@/lib/db";
import { invalid, type ActionResult } from "@/lib/errors";
import { notifyPeople } from "@/lib/inbox/notify";
import { isoDay } from "@/lib/validation/form-fields";
import { instructionExcerpt } from "./instructions";
import { commentSchema } from "./schemas";

/**
 * 批示: a leader's comment on a campaign, one of its reports or one of its tasks; one that asks for a
 * 落实反馈 (by a deadline or not) starts OPEN. The campaign's leads find it in their inbox.
 */
export async function addComment(user: SessionUser, raw: unknown): Promise<ActionResult<{ commentId: string }>> {
  const parsed = commentSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  if (!may(user, "comment")) return { ok: false, error: "forbidden" };
  const { campaignId, reportId, taskId, body, asksResponse, dueDate } = parsed.data;
  if (dueDate && isoDay(dueDate)! < chinaDay()) return { ok: false, error: "invalid", fieldErrors: { dueDate: ["validation.dueInPast"] } };
  return db().$transaction(async (tx): Promise<ActionResult<{ commentId: string }>> => {
    const campaign = await tx.campaign.findFirst({
      where: {
        id: campaignId,
        ...visibleCampaigns(user),
        ...(reportId ? { reports: { some: { id: reportId } } } : {}),
        ...(taskId ? { tasks: { some: { id: taskId } } } : {}),
      },
      select: { id: true, name: true, plan: { select: { orgId: true } }, leads: { select: { userId: true } } },
    });
    if (!campaign) return { ok: false, error: "notFound" };
    const at = now();
    const comment = await tx.comment.create({
      data: { campaignId, reportId, taskId, authorId: user.id, body, createdAt: at, state: asksResponse ? "OPEN" : null, dueDate },
    });
    await audit(tx, {
      actor: user,
      action: "comment.add",
      entityType: "Comment",
      entityId: comment.id,
      orgId: campaign.plan.orgId,
      campaignId,
      newValues: { body, reportId: reportId ?? null, taskId: taskId ?? null, ...(asksResponse ? { state: "OPEN", dueDate: isoDay(dueDate) } : {}) },
    });
    await notifyPeople(tx, {
      kind: "instructionNew",
      to: campaign.leads.map((l) => l.userId),
      actorId: user.id,
      values: {
        campaign: campaign.name,
        instruction: instructionExcerpt(body),
        name: user.name,
        asks: asksResponse ? (dueDate ? "due" : "asks") : "none",
        due: dueDate ?? "",
      },
      path: `/campaigns/${campaignId}#instruction-${comment.id}`,
      at,
    });
    return { ok: true, data: { commentId: comment.id } };
  }, WRITE_TX);
}

/** The lead has read the new comments on their campaigns. */
export async function markCommentsSeen(user: SessionUser): Promise<void> {
  await db().user.update({ where: { id: user.id }, data: { commentsSeenAt: now() } });
}
