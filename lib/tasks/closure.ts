import "server-only";
// 销号 of a task: its lead asks (申请销号) with a note once the task is finished and its evidence is
// uploaded; the confirmer the plan names (the campaign's 分管领导, or the town's office staff)
// confirms it (CLOSED: from then on the task counts as done) or returns it with a reason (OPEN again,
// the reason shown to the lead). Each step moves the task's version and closure state in one guarded
// updateMany, so a stale or repeated decision changes nothing; each is audited, and the person who
// acts next gets an in-app Notification (and its deliveries).
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { closableTasks, confirmableClosures } from "@/lib/auth/scope";
import { now } from "@/lib/clock";
import { db, WRITE_TX, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { invalid, type ActionResult } from "@/lib/errors";
import { toLocale } from "@/lib/i18n/config";
import { enqueueNotification } from "@/lib/notify/queue";
import { catalogue } from "@/lib/summary/text";
import { askClosureSchema, decideClosureSchema } from "./closure-schemas";
import { mayAskClosure } from "./closure-rules";

const NOT_FOUND = { ok: false, error: "notFound" } as const;

const taskSelect = {
  id: true,
  title: true,
  status: true,
  percentDone: true,
  closure: true,
  version: true,
  campaignId: true,
  campaign: { select: { name: true, leadingOfficialId: true, plan: { select: { orgId: true, closureConfirmedBy: true } } } },
} as const;

async function conflict(tx: Tx, taskId: string): Promise<ActionResult> {
  const current = await tx.task.findUniqueOrThrow({
    where: { id: taskId },
    select: { closure: true, percentDone: true, status: true, version: true, updatedAt: true },
  });
  return { ok: false, error: "conflict", current: { ...current, updatedAt: current.updatedAt.toISOString() } };
}

/** Who confirms this task's 销号: its campaign's 分管领导, or the town's office staff (active people only). */
async function confirmers(
  tx: Tx,
  task: { campaign: { leadingOfficialId: string | null; plan: { orgId: string; closureConfirmedBy: string } } },
): Promise<string[]> {
  if (task.campaign.plan.closureConfirmedBy === "OFFICIAL") return task.campaign.leadingOfficialId ? [task.campaign.leadingOfficialId] : [];
  const staff = await tx.user.findMany({
    where: { orgId: task.campaign.plan.orgId, disabled: false, roles: { some: { role: "STAFF" } } },
    select: { id: true },
  });
  return staff.map((s) => s.id);
}

async function notify(
  tx: Tx,
  userId: string,
  kind: "closureAsked" | "closureConfirmed" | "closureReturned",
  task: { id: string; title: string; campaignId: string; campaign: { name: string } },
  values: Record<string, string> = {},
) {
  const person = await tx.user.findUnique({ where: { id: userId }, select: { locale: true } });
  const t = catalogue(toLocale(person?.locale), "notify");
  const words = { task: task.title, campaign: task.campaign.name, ...values };
  await enqueueNotification(tx, {
    userId,
    kind,
    title: t(`${kind}Title`, words),
    body: t(`${kind}Body`, words),
    link: `${env.NEXTAUTH_URL?.replace(/\/$/, "") ?? ""}/campaigns/${task.campaignId}/tasks/${task.id}/closure`,
  });
}

/** 申请销号: the task must be finished (100 %), open, and have at least one evidence file. */
export async function askClosure(user: SessionUser, raw: unknown): Promise<ActionResult> {
  const parsed = askClosureSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  return db()
    .$transaction(async (tx): Promise<ActionResult> => {
      const scope = { AND: [{ id: input.taskId, campaignId: input.campaignId }, closableTasks(user)] };
      const task = await tx.task.findFirst({ where: scope, select: taskSelect });
      if (!task) return NOT_FOUND;
      if (task.version !== input.version) return conflict(tx, task.id);
      if (!mayAskClosure(task)) return { ok: false, error: "locked", status: task.closure === "OPEN" ? "UNFINISHED" : task.closure };
      // Evidence is checked under the same guard that freezes it (an upload or delete locks the task's row).
      const { count } = await tx.task.updateMany({
        where: { ...scope, version: input.version, closure: "OPEN" },
        data: { closure: "REQUESTED", version: { increment: 1 } },
      });
      if (count === 0) return conflict(tx, task.id);
      const files = await tx.attachment.count({ where: { taskId: task.id } });
      if (files === 0) throw new NoEvidence();
      const at = now();
      const request = await tx.taskClosureRequest.create({
        data: { taskId: task.id, note: input.note, requestedById: user.id, requestedAt: at },
        select: { id: true },
      });
      await audit(tx, {
        actor: user,
        action: "task.closure.ask",
        entityType: "Task",
        entityId: task.id,
        orgId: task.campaign.plan.orgId,
        campaignId: task.campaignId,
        oldValues: { closure: "OPEN", version: task.version },
        newValues: { closure: "REQUESTED", version: task.version + 1, note: input.note, files, requestId: request.id },
      });
      for (const id of await confirmers(tx, task)) await notify(tx, id, "closureAsked", task, { lead: user.name });
      return { ok: true };
    }, WRITE_TX)
    .catch((error: unknown) => {
      if (error instanceof NoEvidence) return { ok: false, error: "invalid", fieldErrors: { evidence: ["validation.closureEvidence"] } } as const;
      throw error;
    });
}

/** Rolls the request back: asked without any evidence file. */
class NoEvidence extends Error {}

/** 确认销号 or 退回 by the plan's confirmer; a task not awaiting 销号 is locked. */
export async function decideClosure(user: SessionUser, raw: unknown): Promise<ActionResult> {
  const parsed = decideClosureSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  return db().$transaction(async (tx): Promise<ActionResult> => {
    const scope = { AND: [{ id: input.taskId }, confirmableClosures(user)] };
    const task = await tx.task.findFirst({ where: scope, select: taskSelect });
    if (!task) return NOT_FOUND;
    if (task.version !== input.version) return conflict(tx, task.id);
    if (task.closure !== "REQUESTED") return { ok: false, error: "locked", status: task.closure };
    const at = now();
    const confirm = input.decision === "confirm";
    const { count } = await tx.task.updateMany({
      where: { ...scope, version: input.version, closure: "REQUESTED" },
      data: confirm ? { closure: "CLOSED", closedAt: at, version: { increment: 1 } } : { closure: "OPEN", version: { increment: 1 } },
    });
    if (count === 0) return conflict(tx, task.id);
    const request = await tx.taskClosureRequest.findFirst({
      where: { taskId: task.id, status: "PENDING" },
      orderBy: { requestedAt: "desc" },
      select: { id: true, requestedById: true },
    });
    if (request) {
      await tx.taskClosureRequest.update({
        where: { id: request.id },
        data: { status: confirm ? "CONFIRMED" : "RETURNED", decidedById: user.id, decidedAt: at, returnReason: confirm ? null : input.reason },
      });
    }
    await audit(tx, {
      actor: user,
      action: confirm ? "task.closure.confirm" : "task.closure.return",
      entityType: "Task",
      entityId: task.id,
      orgId: task.campaign.plan.orgId,
      campaignId: task.campaignId,
      oldValues: { closure: "REQUESTED", version: task.version },
      newValues: { closure: confirm ? "CLOSED" : "OPEN", version: task.version + 1, ...(confirm ? {} : { reason: input.reason }) },
    });
    if (request) await notify(tx, request.requestedById, confirm ? "closureConfirmed" : "closureReturned", task, { reason: input.reason });
    return { ok: true };
  }, WRITE_TX);
}
