import "server-only";
// The writes of an import, in dependency order (plan, campaigns, indicators, parent tasks, child
// tasks), inside apply.ts's transaction. Each update is guarded by the version the dry run saw.
// Targets, trajectories, task dates and weights, and the plan's due day and escalation days are
// the plan's history (lib/plans/history/versioning.ts): on an active plan an import changes them from the
// first month whose report is not yet due, never a month already reported.
import type { SessionUser } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db";
import { Refusal } from "@/lib/errors";
import { dateOf } from "@/lib/plans/history/history";
import { defaultFromMonth, recordIndicatorPlan, recordInitialPlan, recordPlanRules, recordTaskPlan, type PlanForChange } from "@/lib/plans/history/versioning";
import { readRules } from "@/lib/status";
import { bumpUserVersions, symmetricDifference } from "@/lib/db/versions";
import type { Change, DryRun, IndicatorChange, TaskChange } from "./diff";
import type { CampaignValues, ImportContext, PlanValues } from "./model";

/** Thrown inside the transaction to roll it back when a row's version moved under the import. */
export class StaleRow extends Error {}

const day = (iso: string | null) => (iso === null ? null : new Date(`${iso}T00:00:00.000Z`));

async function guarded(write: Promise<{ count: number }>): Promise<void> {
  if ((await write).count !== 1) throw new StaleRow();
}

/** Writes the changes in dependency order (plan, campaigns, indicators, parent tasks, child tasks); returns the plan's id. */
export async function writeChanges(tx: Tx, user: SessionUser, context: ImportContext, dry: DryRun, plan: NonNullable<DryRun["plan"]>): Promise<string> {
  const planId = await writePlan(tx, user, context, dry.changes.plan, plan);
  const stored = await tx.plan.findUniqueOrThrow({ where: { id: planId }, select: { id: true, year: true, status: true, targetChangeNeedsApproval: true } });
  const w: Writer = { tx, user, plan: stored, request: { fromMonth: defaultFromMonth(stored.year), reason: null } };
  const campaignIds = new Map((context.plan?.campaigns ?? []).map((c) => [c.number, c.id]));
  for (const c of dry.changes.campaigns) campaignIds.set(c.values.number, await writeCampaign(tx, planId, c));
  const campaignId = (n: number | null) => (n === null ? null : (campaignIds.get(n) ?? null));

  for (const i of dry.changes.indicators) await writeIndicator(w, campaignId(i.values.campaignNumber), i);

  const taskIds = new Map((context.plan?.tasks ?? []).map((t) => [`${t.campaignNumber}\u0000${t.key}`, t.id]));
  const ordered = [...dry.changes.tasks.filter((t) => t.values.parentKey === null), ...dry.changes.tasks.filter((t) => t.values.parentKey !== null)];
  for (const t of ordered) {
    const parentId = t.values.parentKey === null ? null : (taskIds.get(`${t.values.campaignNumber}\u0000${t.values.parentKey}`) ?? null);
    const id = await writeTask(w, campaignId(t.values.campaignNumber) ?? "", parentId, t);
    taskIds.set(`${t.values.campaignNumber}\u0000${t.values.key}`, id);
  }
  // Whatever the import created starts its history as first set.
  await recordInitialPlan(tx, planId, user);
  return planId;
}

interface Writer {
  tx: Tx;
  user: SessionUser;
  plan: PlanForChange;
  request: { fromMonth: number; reason: null };
}

/** A change of the plan the import cannot make (it would wait for approval, or reach back): the whole import is refused. */
function recorded(change: { ok: true } | { ok: false; fieldErrors: Record<string, string[]> }) {
  if (!change.ok) throw new Refusal({ ok: false, error: "invalid", fieldErrors: change.fieldErrors });
}

async function writePlan(
  tx: Tx,
  user: SessionUser,
  context: ImportContext,
  change: Change<PlanValues> | null,
  plan: NonNullable<DryRun["plan"]>,
): Promise<string> {
  if (plan.id === null) {
    // A new plan starts as a draft: on nobody's desk until it is made active (see format.ts).
    const values = change?.values as PlanValues;
    return (await tx.plan.create({ data: { orgId: context.orgId, ...values, status: "DRAFT" }, select: { id: true } })).id;
  }
  // The plan's version moves with any change to its rows: the plan as a whole is what changed.
  const fields = change ? { baselineYear: change.values.baselineYear, goals: change.values.goals, rules: change.values.rules } : {};
  await guarded(tx.plan.updateMany({ where: { id: plan.id, version: plan.version ?? 0 }, data: { ...fields, version: { increment: 1 } } }));
  if (change) {
    const stored = await tx.plan.findUniqueOrThrow({
      where: { id: plan.id },
      select: { id: true, year: true, status: true, targetChangeNeedsApproval: true, reportDueDay: true, escalateAfterDays: true, lightRules: true },
    });
    const rules = readRules(stored.lightRules);
    recorded(
      await recordPlanRules(
        tx,
        user,
        stored,
        { fromMonth: defaultFromMonth(stored.year), reason: null },
        { reportDueDay: stored.reportDueDay, escalateAfterDays: stored.escalateAfterDays, rules },
        { reportDueDay: change.values.reportDueDay, escalateAfterDays: change.values.escalateAfterDays, rules },
      ),
    );
  }
  return plan.id;
}

async function writeCampaign(tx: Tx, planId: string, c: Change<CampaignValues>): Promise<string> {
  const v = c.values;
  const fields = {
    name: v.name,
    nameEn: v.nameEn,
    description: v.description,
    leadDepartmentId: v.leadDepartmentId,
    leadingOfficialId: v.leadingOfficialId,
    startDate: day(v.startDate),
    endDate: day(v.endDate),
  };
  if (c.id === null) {
    const created = await tx.campaign.create({
      data: {
        ...fields,
        planId,
        number: v.number,
        cooperating: { create: v.cooperatingDepartmentIds.map((departmentId) => ({ departmentId })) },
        leads: { create: v.leadUserIds.map((userId) => ({ userId })) },
      },
      select: { id: true },
    });
    await bumpUserVersions(tx, v.leadUserIds);
    return created.id;
  }
  const id = c.id;
  await guarded(tx.campaign.updateMany({ where: { id, version: c.version ?? 0 }, data: { ...fields, version: { increment: 1 } } }));
  if (c.changed.includes("配合单位")) {
    await tx.campaignDepartment.deleteMany({ where: { campaignId: id } });
    await tx.campaignDepartment.createMany({ data: v.cooperatingDepartmentIds.map((departmentId) => ({ campaignId: id, departmentId })) });
  }
  if (c.changed.includes("责任人")) {
    const before = await tx.campaignLead.findMany({ where: { campaignId: id }, select: { userId: true } });
    // Their user forms list the campaigns they lead: one opened before the import is now stale.
    await bumpUserVersions(
      tx,
      symmetricDifference(
        before.map((l) => l.userId),
        v.leadUserIds,
      ),
    );
    await tx.campaignLead.deleteMany({ where: { campaignId: id } });
    await tx.campaignLead.createMany({ data: v.leadUserIds.map((userId) => ({ campaignId: id, userId })) });
  }
  return id;
}

async function writeIndicator(w: Writer, campaignId: string | null, i: IndicatorChange): Promise<void> {
  const { tx } = w;
  const v = i.values;
  const fields = {
    name: v.name,
    unit: v.unit,
    decimals: v.decimals,
    direction: v.direction,
    accumulation: v.accumulation,
    baselineValue: v.baseline,
    baselineIsSample: v.baselineIsSample,
    baselineNote: v.baselineNote,
    dataSource: v.dataSource,
  };
  if (i.id === null) {
    const created = await tx.indicator.create({
      data: { ...fields, targetValue: v.target, planId: w.plan.id, campaignId, key: i.key, sortOrder: i.sortOrder },
      select: { id: true },
    });
    await tx.trajectoryPoint.createMany({ data: v.trajectory.map((plannedValue, m) => ({ indicatorId: created.id, month: m + 1, plannedValue })) });
    return;
  }
  const id = i.id;
  await guarded(tx.indicator.updateMany({ where: { id, version: i.version ?? 0 }, data: { ...fields, version: { increment: 1 } } }));
  const stored = await tx.indicator.findUniqueOrThrow({
    where: { id },
    select: { targetValue: true, trajectory: { orderBy: { month: "asc" }, select: { plannedValue: true } } },
  });
  const current = { target: stored.targetValue?.toFixed() ?? null, planned: stored.trajectory.map((p) => p.plannedValue.toFixed()) };
  recorded(await recordIndicatorPlan(tx, w.user, w.plan, id, w.request, current, { target: v.target, planned: v.trajectory }));
}

async function writeTask(w: Writer, campaignId: string, parentId: string | null, t: TaskChange): Promise<string> {
  const { tx } = w;
  const v = t.values;
  const fields = { parentId, title: v.title, ownerId: v.ownerId };
  const plan = { startDate: v.startDate, dueDate: v.dueDate ?? "", weight: String(v.weight) };
  if (t.id === null) {
    return (
      await tx.task.create({
        data: { ...fields, startDate: day(v.startDate), dueDate: day(v.dueDate) as Date, weight: v.weight, campaignId, key: v.key, sortOrder: t.sortOrder },
        select: { id: true },
      })
    ).id;
  }
  const id = t.id;
  await guarded(tx.task.updateMany({ where: { id, version: t.version ?? 0 }, data: { ...fields, version: { increment: 1 } } }));
  const stored = await tx.task.findUniqueOrThrow({ where: { id }, select: { startDate: true, dueDate: true, weight: true } });
  const current = {
    startDate: stored.startDate ? stored.startDate.toISOString().slice(0, 10) : null,
    dueDate: stored.dueDate.toISOString().slice(0, 10),
    weight: stored.weight.toFixed(),
  };
  recorded(
    await recordTaskPlan(tx, w.user, w.plan, id, w.request, current, plan, (x, p) =>
      x.task
        .update({ where: { id }, data: { startDate: p.startDate ? dateOf(p.startDate) : null, dueDate: dateOf(p.dueDate), weight: p.weight } })
        .then(() => undefined),
    ),
  );
  return id;
}
