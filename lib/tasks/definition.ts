// Adding and editing a campaign's task nodes (title, owner, dates, weight, parent). Progress is the
// leads' business (lib/tasks); office staff keep the plan of the work. A task's dates and weight are
// part of the plan's history (lib/plans/history/versioning.ts): on an active plan a change applies from a
// chosen month, and one reaching back to a month already reported is a 调整 with its reason.
import "server-only";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { db, WRITE_TX, type Tx } from "@/lib/db";
import { fieldErrorsOf, Refusal, refusable, type Saved } from "@/lib/errors";
import { dateOf } from "@/lib/plans/history/history";
import { parseChangeRequest, recordInitial, recordTaskPlan } from "@/lib/plans/history/versioning";
import type { TaskPlan } from "@/lib/plans/history/versions";
import { changes } from "@/lib/audit/diff";
import { isoDay } from "@/lib/validation/form-fields";
import { keepableCampaigns } from "@/lib/auth/scope";
import { taskErrors } from "./definition-checks";
import { createTaskSchema, updateTaskSchema } from "./definition-schema";

async function snapshot(tx: Tx, taskId: string) {
  const t = await tx.task.findUniqueOrThrow({ where: { id: taskId } });
  return {
    title: t.title,
    ownerId: t.ownerId,
    startDate: isoDay(t.startDate),
    dueDate: isoDay(t.dueDate),
    weight: t.weight.toFixed(),
    parentId: t.parentId,
    version: t.version,
  };
}

const campaignSelect = { id: true, plan: { select: { id: true, orgId: true, year: true, status: true, targetChangeNeedsApproval: true } } } as const;

const planOf = (t: { startDate: Date | null; dueDate: Date; weight: string }): TaskPlan => ({
  startDate: isoDay(t.startDate),
  dueDate: isoDay(t.dueDate) ?? "",
  weight: t.weight,
});

async function applyTaskPlan(tx: Tx, taskId: string, p: TaskPlan) {
  await tx.task.update({ where: { id: taskId }, data: { startDate: p.startDate ? dateOf(p.startDate) : null, dueDate: dateOf(p.dueDate), weight: p.weight } });
}

export async function createTask(user: SessionUser, raw: unknown): Promise<Saved> {
  const parsed = createTaskSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const { campaignId, ...input } = parsed.data;
  return db().$transaction(async (tx): Promise<Saved> => {
    const campaign = await tx.campaign.findFirst({ where: { AND: [{ id: campaignId }, keepableCampaigns(user)] }, select: campaignSelect });
    if (!campaign) return { ok: false, error: "notFound" };
    const errors = await taskErrors(tx, { campaignId, orgId: campaign.plan.orgId, year: campaign.plan.year }, input);
    if (Object.keys(errors).length) return { ok: false, error: "invalid", fieldErrors: errors };
    const last = await tx.task.aggregate({ where: { campaignId, parentId: input.parentId }, _max: { sortOrder: true } });
    const created = await tx.task.create({ data: { ...input, campaignId, sortOrder: (last._max.sortOrder ?? -1) + 1 }, select: { id: true } });
    await recordInitial(tx, campaign.plan.id, { taskId: created.id }, planOf(input), user);
    await audit(tx, {
      actor: user,
      action: "task.create",
      entityType: "Task",
      entityId: created.id,
      orgId: campaign.plan.orgId,
      campaignId,
      newValues: await snapshot(tx, created.id),
    });
    return { ok: true, data: { id: created.id } };
  }, WRITE_TX);
}

export async function updateTask(user: SessionUser, raw: unknown): Promise<Saved> {
  const parsed = updateTaskSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const { campaignId, taskId, version, ...input } = parsed.data;
  return refusable(() =>
    db().$transaction(async (tx): Promise<Saved> => {
      const scope = { AND: [{ id: taskId, campaignId }, { campaign: keepableCampaigns(user) }] };
      const found = await tx.task.findFirst({
        where: scope,
        select: { ownerId: true, campaign: { select: campaignSelect }, _count: { select: { children: true } } },
      });
      if (!found) return { ok: false, error: "notFound" };
      const before = await snapshot(tx, taskId);
      if (before.version !== version) return { ok: false, error: "conflict", current: before };
      const task = { id: taskId, ownerId: found.ownerId, hasChildren: found._count.children > 0 };
      const errors = await taskErrors(tx, { campaignId, orgId: found.campaign.plan.orgId, year: found.campaign.plan.year, task }, input);
      if (Object.keys(errors).length) return { ok: false, error: "invalid", fieldErrors: errors };
      const { startDate, dueDate, weight, ...described } = input;
      const { count } = await tx.task.updateMany({ where: { ...scope, version }, data: { ...described, version: { increment: 1 } } });
      if (count === 0) return { ok: false, error: "conflict", current: await snapshot(tx, taskId) };
      const request = parseChangeRequest(raw as Record<string, unknown>);
      const change = await recordTaskPlan(
        tx,
        user,
        found.campaign.plan,
        taskId,
        request,
        { startDate: before.startDate, dueDate: before.dueDate ?? "", weight: before.weight },
        planOf({ startDate, dueDate, weight }),
        (t, p) => applyTaskPlan(t, taskId, p),
      );
      // A change of the plan refused (no month, or a 调整 without its reason): nothing is kept.
      if (!change.ok) throw new Refusal({ ok: false, error: "invalid", fieldErrors: change.fieldErrors });
      const diff = changes(before, await snapshot(tx, taskId));
      await audit(tx, {
        actor: user,
        action: change.kind === "ADJUSTMENT" ? "task.adjust" : "task.update",
        entityType: "Task",
        entityId: taskId,
        orgId: found.campaign.plan.orgId,
        campaignId,
        oldValues: diff.oldValues,
        newValues:
          change.outcome === "unchanged" || change.outcome === "draft"
            ? diff.newValues
            : { ...diff.newValues, planChange: { kind: change.kind, fromMonth: change.fromMonth, reason: request.reason } },
      });
      return { ok: true, data: { id: taskId } };
    }, WRITE_TX),
  );
}
