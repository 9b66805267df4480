import "server-only";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { reportableCampaigns } from "@/lib/auth/scope";
import { currentMonth } from "@/lib/clock";
import { db, WRITE_TX } from "@/lib/db";
import { invalid, type ActionResult } from "@/lib/errors";
import { taskProgressSchema } from "./schemas";

/**
 * A lead records a task's progress. The permission is in the write's own WHERE (the campaign must
 * be one the user reports for), and so is the version: a save based on a stale version changes
 * nothing and gets back what the other person saved.
 */
export async function updateTaskProgress(user: SessionUser, raw: unknown): Promise<ActionResult> {
  const parsed = taskProgressSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  return db().$transaction(async (tx) => {
    const scope = { id: input.taskId, campaignId: input.campaignId, campaign: reportableCampaigns(user) };
    const before = await tx.task.findFirst({
      where: scope,
      select: { percentDone: true, status: true, version: true, campaign: { select: { plan: { select: { year: true, orgId: true } } } } },
    });
    if (!before) return { ok: false, error: "notFound" } as const;
    const { count } = await tx.task.updateMany({
      where: { ...scope, version: input.version },
      data: { percentDone: input.percentDone, status: input.status, version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.task.findUniqueOrThrow({
        where: { id: input.taskId },
        select: { percentDone: true, status: true, version: true, updatedAt: true },
      });
      return { ok: false, error: "conflict", current: { ...current, updatedAt: current.updatedAt.toISOString() } } as const;
    }
    await tx.taskUpdate.create({
      data: {
        taskId: input.taskId,
        month: currentMonth(before.campaign.plan.year),
        percentDone: input.percentDone,
        status: input.status,
        note: input.note || null,
        reportedById: user.id,
      },
    });
    await audit(tx, {
      actor: user,
      action: "task.progress",
      entityType: "Task",
      entityId: input.taskId,
      orgId: before.campaign.plan.orgId,
      campaignId: input.campaignId,
      oldValues: { percentDone: before.percentDone, status: before.status, version: before.version },
      newValues: { percentDone: input.percentDone, status: input.status, version: before.version + 1, note: input.note || undefined },
    });
    return { ok: true } as const;
  }, WRITE_TX);
}
