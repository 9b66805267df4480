// Adding and editing an indicator of a campaign or (campaignId null) of the plan as a whole. Its
// target and trajectory are the plan's to version (lib/plans/history/versioning.ts): a change to an active
// plan applies from a chosen month, and one reaching back to a month already reported is a 调整.
// Everything happens in one transaction with the audit record.
import "server-only";
import { randomUUID } from "node:crypto";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { db, WRITE_TX, type Tx } from "@/lib/db";
import { fieldErrorsOf, Refusal, refusable, type Saved } from "@/lib/errors";
import { parseChangeRequest, recordIndicatorPlan, recordInitial } from "@/lib/plans/history/versioning";
import { changes } from "@/lib/audit/diff";
import { createIndicatorSchema, parseIndicator, updateIndicatorSchema, type IndicatorValues } from "./schemas";
import { keepableCampaigns, keepablePlans } from "@/lib/auth/scope";

async function snapshot(tx: Tx, indicatorId: string) {
  const i = await tx.indicator.findUniqueOrThrow({ where: { id: indicatorId }, include: { trajectory: { orderBy: { month: "asc" } } } });
  return {
    name: i.name,
    nameEn: i.nameEn,
    unit: i.unit,
    decimals: i.decimals,
    direction: i.direction,
    accumulation: i.accumulation,
    allowOutOfRange: i.allowOutOfRange,
    baseline: i.baselineValue?.toFixed() ?? null,
    baselineIsSample: i.baselineIsSample,
    baselineNote: i.baselineNote,
    target: i.targetValue?.toFixed() ?? null,
    dataSource: i.dataSource,
    trajectory: i.trajectory.map((p) => p.plannedValue.toFixed()),
    version: i.version,
  };
}

/** The indicator's own columns (the target is the plan's: it follows the version in force). */
function columns(v: IndicatorValues) {
  return {
    name: v.name,
    nameEn: v.nameEn,
    unit: v.unit,
    decimals: v.decimals,
    direction: v.direction,
    accumulation: v.accumulation,
    allowOutOfRange: v.allowOutOfRange,
    baselineValue: v.baseline,
    baselineIsSample: v.baselineIsSample,
    baselineNote: v.baselineNote,
    dataSource: v.dataSource,
  };
}

async function writeTrajectory(tx: Tx, indicatorId: string, planned: string[]) {
  await tx.trajectoryPoint.deleteMany({ where: { indicatorId } });
  await tx.trajectoryPoint.createMany({ data: planned.map((plannedValue, i) => ({ indicatorId, month: i + 1, plannedValue })) });
}

const planSelect = { id: true, orgId: true, year: true, status: true, targetChangeNeedsApproval: true } as const;

export async function createIndicator(user: SessionUser, raw: Record<string, unknown>): Promise<Saved> {
  const where = createIndicatorSchema.safeParse(raw);
  if (!where.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(where.error) };
  const { planId, campaignId } = where.data;
  return db().$transaction(async (tx): Promise<Saved> => {
    const plan = await tx.plan.findFirst({ where: { AND: [{ id: planId }, keepablePlans(user)] }, select: planSelect });
    const campaign = campaignId
      ? await tx.campaign.findFirst({ where: { AND: [{ id: campaignId, planId }, keepableCampaigns(user)] }, select: { number: true } })
      : null;
    if (!plan || (campaignId && !campaign)) return { ok: false, error: "notFound" };
    const parsed = parseIndicator(raw);
    if (!parsed.ok) return { ok: false, error: "invalid", fieldErrors: parsed.fieldErrors };
    const last = await tx.indicator.aggregate({ where: { planId }, _max: { sortOrder: true } });
    // The key carries an indicator into next year's plan (rollover); a new one gets a fresh one.
    const key = `${campaign ? `c${campaign.number}` : "plan"}-${randomUUID().slice(0, 8)}`;
    const created = await tx.indicator.create({
      data: { ...columns(parsed.data), targetValue: parsed.data.target, planId, campaignId, key, sortOrder: (last._max.sortOrder ?? -1) + 1 },
      select: { id: true },
    });
    await writeTrajectory(tx, created.id, parsed.data.planned);
    await recordInitial(tx, planId, { indicatorId: created.id }, { target: parsed.data.target, planned: parsed.data.planned }, user);
    await audit(tx, {
      actor: user,
      action: "indicator.create",
      entityType: "Indicator",
      entityId: created.id,
      orgId: plan.orgId,
      campaignId,
      newValues: await snapshot(tx, created.id),
    });
    return { ok: true, data: { id: created.id } };
  }, WRITE_TX);
}

export async function updateIndicator(user: SessionUser, raw: Record<string, unknown>): Promise<Saved> {
  const where = updateIndicatorSchema.safeParse(raw);
  if (!where.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(where.error) };
  const { indicatorId, version } = where.data;
  return refusable(() =>
    db().$transaction(async (tx): Promise<Saved> => {
      const scope = { AND: [{ id: indicatorId }, { plan: keepablePlans(user) }] };
      const found = await tx.indicator.findFirst({ where: scope, select: { campaignId: true, plan: { select: planSelect } } });
      if (!found) return { ok: false, error: "notFound" };
      const parsed = parseIndicator(raw);
      if (!parsed.ok) return { ok: false, error: "invalid", fieldErrors: parsed.fieldErrors };
      const before = await snapshot(tx, indicatorId);
      if (before.version !== version) return { ok: false, error: "conflict", current: before };
      // The plan first: it checks the month and the reason before anything is written.
      const request = parseChangeRequest(raw);
      const change = await recordIndicatorPlan(
        tx,
        user,
        found.plan,
        indicatorId,
        request,
        { target: before.target, planned: before.trajectory },
        { target: parsed.data.target, planned: parsed.data.planned },
      );
      if (!change.ok) return { ok: false, error: "invalid", fieldErrors: change.fieldErrors };
      // A target office staff change is a real one, no longer the demo's sample figure.
      const targetIsSample = change.outcome === "unchanged" ? undefined : false;
      const { count } = await tx.indicator.updateMany({
        where: { ...scope, version },
        data: { ...columns(parsed.data), targetIsSample, version: { increment: 1 } },
      });
      // Someone saved in between: undo the plan change recorded above as well.
      if (count === 0) throw new Refusal({ ok: false, error: "conflict", current: await snapshot(tx, indicatorId) });
      const diff = changes(before, await snapshot(tx, indicatorId));
      await audit(tx, {
        actor: user,
        action: change.kind === "ADJUSTMENT" ? "indicator.adjust" : "indicator.update",
        entityType: "Indicator",
        entityId: indicatorId,
        orgId: found.plan.orgId,
        campaignId: found.campaignId,
        oldValues: diff.oldValues,
        newValues:
          change.outcome === "unchanged"
            ? diff.newValues
            : { ...diff.newValues, planChange: { ...planChangeRecord(change, parsed.data), reason: request.reason } },
      });
      return { ok: true, data: { id: indicatorId } };
    }, WRITE_TX),
  );
}

/** What the audit record says of a change of the plan: its kind, from when, why, and whether it waits for approval. */
function planChangeRecord(change: Extract<Awaited<ReturnType<typeof recordIndicatorPlan>>, { ok: true }>, v: IndicatorValues) {
  return {
    kind: change.kind,
    fromMonth: change.fromMonth,
    status: change.outcome === "pending" ? "PENDING" : "IN_FORCE",
    versionId: change.versionId,
    target: v.target,
    planned: v.planned,
  };
}
