import "server-only";
// What the 销号 page shows: the task as anyone who sees its campaign may read it, its requests and
// evidence, and whether this user may ask (a lead of the campaign) or decide (the plan's confirmer).
import type { SessionUser } from "@/lib/auth/roles";
import { closableTasks, confirmableClosures, visibleCampaigns } from "@/lib/auth/scope";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { isOverdue, mayAskClosure } from "./closure-rules";

export async function getTaskClosure(user: SessionUser, campaignId: string, taskId: string) {
  const where = { id: taskId, campaignId, campaign: visibleCampaigns(user) };
  const task = await db().task.findFirst({
    where,
    select: {
      id: true,
      title: true,
      dueDate: true,
      status: true,
      percentDone: true,
      closure: true,
      closedAt: true,
      overdueReason: true,
      remedy: true,
      version: true,
      owner: { select: { name: true } },
      campaign: { select: { id: true, name: true, leadingOfficial: { select: { name: true } }, plan: { select: { closureConfirmedBy: true } } } },
      closureRequests: {
        orderBy: { requestedAt: "desc" },
        select: {
          id: true,
          note: true,
          status: true,
          requestedAt: true,
          decidedAt: true,
          returnReason: true,
          requestedBy: { select: { name: true } },
          decidedBy: { select: { name: true } },
        },
      },
      evidence: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true, createdAt: true, uploadedBy: { select: { name: true } } } },
    },
  });
  if (!task) return null;
  const [closable, confirmable] = await Promise.all([
    db().task.count({ where: { AND: [where, closableTasks(user)] } }),
    db().task.count({ where: { AND: [where, confirmableClosures(user)] } }),
  ]);
  return {
    task,
    overdue: isOverdue(task, now()),
    /** A lead of the campaign: keeps the evidence while the task is open, asks once it is finished. */
    mayKeepEvidence: closable > 0 && task.closure === "OPEN",
    mayAsk: closable > 0 && mayAskClosure(task),
    mayDecide: confirmable > 0 && task.closure === "REQUESTED",
  };
}
