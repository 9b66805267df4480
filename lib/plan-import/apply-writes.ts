import "server-only";
// The writes of an import, in dependency order (plan, campaigns, indicators, parent tasks, child
// tasks), inside apply.ts's transaction. Each update is guarded by the version the dry run saw.
import type { Tx } from "@/lib/db";
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
export async function writeChanges(tx: Tx, context: ImportContext, dry: DryRun, plan: NonNullable<DryRun["plan"]>): Promise<string> {
  const planId = await writePlan(tx, context, dry.changes.plan, plan);
  const campaignIds = new Map((context.plan?.campaigns ?? []).map((c) => [c.number, c.id]));
  for (const c of dry.changes.campaigns) campaignIds.set(c.values.number, await writeCampaign(tx, planId, c));
  const campaignId = (n: number | null) => (n === null ? null : (campaignIds.get(n) ?? null));

  for (const i of dry.changes.indicators) await writeIndicator(tx, planId, campaignId(i.values.campaignNumber), i);

  const taskIds = new Map((context.plan?.tasks ?? []).map((t) => [`${t.campaignNumber}\u0000${t.key}`, t.id]));
  const ordered = [...dry.changes.tasks.filter((t) => t.values.parentKey === null), ...dry.changes.tasks.filter((t) => t.values.parentKey !== null)];
  for (const t of ordered) {
    const parentId = t.values.parentKey === null ? null : (taskIds.get(`${t.values.campaignNumber}\u0000${t.values.parentKey}`) ?? null);
    const id = await writeTask(tx, campaignId(t.values.campaignNumber) ?? "", parentId, t);
    taskIds.set(`${t.values.campaignNumber}\u0000${t.values.key}`, id);
  }
  return planId;
}

async function writePlan(tx: Tx, context: ImportContext, change: Change<PlanValues> | null, plan: NonNullable<DryRun["plan"]>): Promise<string> {
  if (plan.id === null) {
    // A new plan starts as a draft: on nobody's desk until it is made active (see format.ts).
    const values = change?.values as PlanValues;
    return (await tx.plan.create({ data: { orgId: context.orgId, ...values, status: "DRAFT" }, select: { id: true } })).id;
  }
  // The plan's version moves with any change to its rows: the plan as a whole is what changed.
  const fields = change ? { baselineYear: change.values.baselineYear, goals: change.values.goals, rules: change.values.rules, reportDueDay: change.values.reportDueDay, escalateAfterDays: change.values.escalateAfterDays } : {};
  await guarded(tx.plan.updateMany({ where: { id: plan.id, version: plan.version ?? 0 }, data: { ...fields, version: { increment: 1 } } }));
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
    await bumpUserVersions(tx, symmetricDifference(before.map((l) => l.userId), v.leadUserIds));
    await tx.campaignLead.deleteMany({ where: { campaignId: id } });
    await tx.campaignLead.createMany({ data: v.leadUserIds.map((userId) => ({ campaignId: id, userId })) });
  }
  return id;
}

async function writeIndicator(tx: Tx, planId: string, campaignId: string | null, i: IndicatorChange): Promise<void> {
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
    targetValue: v.target,
    dataSource: v.dataSource,
  };
  const points = (indicatorId: string) => v.trajectory.map((plannedValue, m) => ({ indicatorId, month: m + 1, plannedValue }));
  if (i.id === null) {
    const created = await tx.indicator.create({ data: { ...fields, planId, campaignId, key: i.key, sortOrder: i.sortOrder }, select: { id: true } });
    await tx.trajectoryPoint.createMany({ data: points(created.id) });
    return;
  }
  const id = i.id;
  await guarded(tx.indicator.updateMany({ where: { id, version: i.version ?? 0 }, data: { ...fields, version: { increment: 1 } } }));
  if (i.changed.includes("进度分配")) {
    await tx.trajectoryPoint.deleteMany({ where: { indicatorId: id } });
    await tx.trajectoryPoint.createMany({ data: points(id) });
  }
}

async function writeTask(tx: Tx, campaignId: string, parentId: string | null, t: TaskChange): Promise<string> {
  const v = t.values;
  const fields = { parentId, title: v.title, ownerId: v.ownerId, startDate: day(v.startDate), dueDate: day(v.dueDate) as Date, weight: v.weight };
  if (t.id === null) {
    return (await tx.task.create({ data: { ...fields, campaignId, key: v.key, sortOrder: t.sortOrder }, select: { id: true } })).id;
  }
  await guarded(tx.task.updateMany({ where: { id: t.id, version: t.version ?? 0 }, data: { ...fields, version: { increment: 1 } } }));
  return t.id;
}
