import "server-only";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { reportableCampaigns } from "@/lib/auth/scope";
import { currentMonth, now } from "@/lib/clock";
import { db, WRITE_TX } from "@/lib/db";
import { invalid, type ActionResult } from "@/lib/errors";
import { isOverdue } from "./closure-rules";
import { taskProgressSchema } from "./schemas";

/**
 * A lead records a task's progress. The permission is in the write's own WHERE (the campaign must
 * be one the user reports for), and so is the version: a save based on a stale version changes
 * nothing and gets back what the other person saved. A task asked for or closed (销号) is locked; an
 * overdue one needs its 逾期原因 and 整改措施, kept on the task and with the update (for the 月报).
 */
export async function updateTaskProgress(user: SessionUser, raw: unknown): Promise<ActionResult> {
  const parsed = taskProgressSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  return db().$transaction(async (tx) => {
    const scope = { id: input.taskId, campaignId: input.campaignId, campaign: reportableCampaigns(user) };
    const before = await tx.task.findFirst({
      where: scope,
      select: {
        percentDone: true,
        status: true,
        version: true,
        dueDate: true,
        closure: true,
        campaign: { select: { plan: { select: { year: true, orgId: true } } } },
      },
    });
    if (!before) return { ok: false, error: "notFound" } as const;
    if (before.closure !== "OPEN") return { ok: false, error: "locked", status: before.closure } as const;
    const overdue = isOverdue({ ...before, status: input.status }, now());
    if (overdue) {
      const missing: Record<string, string[]> = {};
      if (!input.overdueReason) missing.overdueReason = ["validation.overdueReason"];
      if (!input.remedy) missing.remedy = ["validation.remedy"];
      if (Object.keys(missing).length) return { ok: false, error: "invalid", fieldErrors: missing } as const;
    }
    const late = overdue ? { overdueReason: input.overdueReason, remedy: input.remedy } : {};
    const { count } = await tx.task.updateMany({
      where: { ...scope, version: input.version, closure: "OPEN" },
      data: { percentDone: input.percentDone, status: input.status, ...late, version: { increment: 1 } },
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
        overdueReason: overdue ? input.overdueReason : null,
        remedy: overdue ? input.remedy : null,
        reportedById: user.id,
        // The app's clock (a pinned demo date too), so the board and 月报 of a month read it as of their cutoff.
        reportedAt: now(),
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
      newValues: { percentDone: input.percentDone, status: input.status, version: before.version + 1, note: input.note || undefined, ...late },
    });
    return { ok: true } as const;
  }, WRITE_TX);
}
