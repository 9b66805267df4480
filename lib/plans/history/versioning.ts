// Recording a change of the plan: an indicator's target and trajectory, a task's dates and weight,
// or the plan's own rules. While a plan is a draft there is no history to keep: its INITIAL
// version is edited in place. Once it is active, a change applies from a chosen month on; one that
// reaches back to a month whose report is due or past is a 调整 (reason required, marked wherever
// that month is shown). A plan can require a leader's approval for changes of targets: the change
// then waits (PENDING) and the plan in force stays as it was until it is approved.
// The rows Indicator/TrajectoryPoint, Task and Plan are kept equal to the latest version in force.
// (No "server-only" import: the demo seed, run at start-up outside the React server, uses it.)
import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/roles";
import { now, reportingMonth } from "@/lib/clock";
import type { Tx } from "@/lib/db";
import type { FieldErrors } from "@/lib/errors";
import { readRules } from "@/lib/status";
import {
  readIndicatorPlan,
  readPlanRules,
  readTaskPlan,
  versionFor,
  type ChangeKind,
  type IndicatorPlan,
  type PlanRules,
  type TaskPlan,
  type Version,
} from "./versions";

export interface PlanForChange {
  id: string;
  year: number;
  status: "DRAFT" | "ACTIVE" | "CLOSED";
  targetChangeNeedsApproval: boolean;
}

/** The month from which a change applies, and why (required for a 调整), as the form posted them. */
export interface ChangeRequest {
  fromMonth: number | null;
  reason: string | null;
}

export type Entity = { indicatorId: string } | { taskId: string } | { plan: true };

export type Recorded =
  | { ok: true; outcome: "unchanged" | "draft" | "inForce" | "pending"; kind: ChangeKind | null; versionId: string | null; fromMonth: number | null }
  | { ok: false; fieldErrors: FieldErrors };

/** The last month whose report is due or past at `at`: a change from it or earlier is a 调整. */
export function closedMonth(planYear: number, at: Date = now()): number {
  return reportingMonth(planYear, at);
}

/** The month a change applies from unless the user picks another: the first whose report is not yet due. */
export function defaultFromMonth(planYear: number, at: Date = now()): number {
  return Math.min(12, closedMonth(planYear, at) + 1);
}

const where = (e: Entity): Prisma.PlanVersionWhereInput =>
  "indicatorId" in e ? { indicatorId: e.indicatorId } : "taskId" in e ? { taskId: e.taskId } : { indicatorId: null, taskId: null };

const entityColumns = (e: Entity) => ("indicatorId" in e ? { indicatorId: e.indicatorId } : "taskId" in e ? { taskId: e.taskId } : {});

async function versionsOf(tx: Tx, planId: string, e: Entity) {
  return tx.planVersion.findMany({ where: { planId, ...where(e) }, orderBy: { requestedAt: "asc" } });
}

/** The plan as first set: in force from the start of the year. */
export async function recordInitial(tx: Tx, planId: string, e: Entity, payload: IndicatorPlan | TaskPlan | PlanRules, by: SessionUser | null): Promise<void> {
  await tx.planVersion.create({
    data: {
      planId,
      ...entityColumns(e),
      fromMonth: 1,
      payload: payload as unknown as Prisma.InputJsonValue,
      kind: "INITIAL",
      requestedById: by?.id || null,
      requestedAt: now(),
    },
  });
}

interface Change<P> {
  user: SessionUser;
  plan: PlanForChange;
  entity: Entity;
  request: ChangeRequest;
  next: P;
  read: (payload: unknown) => P | null;
  /** The plan as the rows hold it now (the latest in force), when no version exists yet. */
  current: P;
  equal: (a: P, b: P) => boolean;
  /** Whether two plans agree for one month (default: equal as a whole). */
  sameFor?: (a: P, b: P, month: number) => boolean;
  /** For months before fromMonth a change leaves the plan as it was: the payload keeps them. */
  keepBefore?: (next: P, fromMonth: number, inForceFor: (month: number) => P) => P;
  needsApproval: boolean;
  apply: (tx: Tx, p: P) => Promise<void>;
}

async function record<P>(tx: Tx, c: Change<P>): Promise<Recorded> {
  const at = now();
  const rows = await versionsOf(tx, c.plan.id, c.entity);
  const versions: Version<P>[] = rows.flatMap((r) => {
    const payload = c.read(r.payload);
    return payload
      ? [{ id: r.id, fromMonth: r.fromMonth, kind: r.kind, status: r.status, inForceAt: r.inForceAt, requestedAt: r.requestedAt, reason: r.reason, payload }]
      : [];
  });
  const inForceFor = (month: number) => versionFor(versions, month, at)?.payload ?? c.current;

  if (c.plan.status === "DRAFT") {
    if (c.equal(c.next, c.current)) return { ok: true, outcome: "unchanged", kind: null, versionId: null, fromMonth: null };
    const initial = rows.find((r) => r.kind === "INITIAL");
    const payload = c.next as unknown as Prisma.InputJsonValue;
    if (initial) await tx.planVersion.update({ where: { id: initial.id }, data: { payload } });
    else await recordInitial(tx, c.plan.id, c.entity, c.next as never, c.user);
    await c.apply(tx, c.next);
    return { ok: true, outcome: "draft", kind: "INITIAL", versionId: initial?.id ?? null, fromMonth: null };
  }

  // Without a month chosen, a change applies from the first month whose report is not yet due: it never reaches back.
  const fromMonth = c.request.fromMonth ?? defaultFromMonth(c.plan.year, at);
  if (!Number.isInteger(fromMonth) || fromMonth < 1 || fromMonth > 12) return { ok: false, fieldErrors: { fromMonth: ["validation.fromMonth"] } };
  const next = c.keepBefore ? c.keepBefore(c.next, fromMonth, inForceFor) : c.next;
  const sameFor = c.sameFor ?? ((a: P, b: P) => c.equal(a, b));
  const months = Array.from({ length: 13 - fromMonth }, (_, i) => fromMonth + i);
  if (months.every((m) => sameFor(next, inForceFor(m), m))) return { ok: true, outcome: "unchanged", kind: null, versionId: null, fromMonth };
  const kind: ChangeKind = fromMonth <= closedMonth(c.plan.year, at) ? "ADJUSTMENT" : "CHANGE";
  if (kind === "ADJUSTMENT" && !c.request.reason) return { ok: false, fieldErrors: { changeReason: ["validation.adjustmentReason"] } };
  if (c.needsApproval && rows.some((r) => r.status === "PENDING")) return { ok: false, fieldErrors: { fromMonth: ["validation.changePending"] } };
  const pending = c.needsApproval;
  const created = await tx.planVersion.create({
    data: {
      planId: c.plan.id,
      ...entityColumns(c.entity),
      fromMonth,
      payload: next as unknown as Prisma.InputJsonValue,
      kind,
      status: pending ? "PENDING" : "IN_FORCE",
      reason: c.request.reason,
      requestedById: c.user.id,
      requestedAt: at,
      inForceAt: pending ? null : at,
    },
    select: { id: true },
  });
  if (!pending) await c.apply(tx, next);
  return { ok: true, outcome: pending ? "pending" : "inForce", kind, versionId: created.id, fromMonth };
}

// ---------- indicators ----------

const sameIndicatorPlan = (a: IndicatorPlan, b: IndicatorPlan) =>
  a.target === b.target && a.planned.length === b.planned.length && a.planned.every((v, i) => v === b.planned[i]);

export async function applyIndicatorPlan(tx: Tx, indicatorId: string, p: IndicatorPlan): Promise<void> {
  await tx.indicator.update({ where: { id: indicatorId }, data: { targetValue: p.target } });
  await tx.trajectoryPoint.deleteMany({ where: { indicatorId } });
  if (p.planned.length) await tx.trajectoryPoint.createMany({ data: p.planned.map((plannedValue, i) => ({ indicatorId, month: i + 1, plannedValue })) });
}

export function recordIndicatorPlan(
  tx: Tx,
  user: SessionUser,
  plan: PlanForChange,
  indicatorId: string,
  request: ChangeRequest,
  current: IndicatorPlan,
  next: IndicatorPlan,
) {
  return record(tx, {
    user,
    plan,
    entity: { indicatorId },
    request,
    next,
    current,
    read: readIndicatorPlan,
    equal: sameIndicatorPlan,
    sameFor: (a, b, m) => a.target === b.target && (a.planned[m - 1] ?? null) === (b.planned[m - 1] ?? null),
    keepBefore: (p, fromMonth, inForceFor) => ({
      target: p.target,
      planned: p.planned.map((v, i) => (i + 1 < fromMonth ? (inForceFor(i + 1).planned[i] ?? v) : v)),
    }),
    needsApproval: plan.targetChangeNeedsApproval,
    apply: (t, p) => applyIndicatorPlan(t, indicatorId, p),
  });
}

// ---------- tasks ----------

const sameTaskPlan = (a: TaskPlan, b: TaskPlan) => a.startDate === b.startDate && a.dueDate === b.dueDate && a.weight === b.weight;

export function recordTaskPlan(
  tx: Tx,
  user: SessionUser,
  plan: PlanForChange,
  taskId: string,
  request: ChangeRequest,
  current: TaskPlan,
  next: TaskPlan,
  apply: (t: Tx, p: TaskPlan) => Promise<void>,
) {
  return record(tx, { user, plan, entity: { taskId }, request, next, current, read: readTaskPlan, equal: sameTaskPlan, needsApproval: false, apply });
}

// ---------- the plan's rules ----------

const samePlanRules = (a: PlanRules, b: PlanRules) =>
  a.reportDueDay === b.reportDueDay && a.escalateAfterDays === b.escalateAfterDays && JSON.stringify(a.rules) === JSON.stringify(b.rules);

export async function applyPlanRules(tx: Tx, planId: string, p: PlanRules): Promise<void> {
  await tx.plan.update({
    where: { id: planId },
    data: { reportDueDay: p.reportDueDay, escalateAfterDays: p.escalateAfterDays, lightRules: p.rules as unknown as Prisma.InputJsonValue },
  });
}

export function recordPlanRules(tx: Tx, user: SessionUser, plan: PlanForChange, request: ChangeRequest, current: PlanRules, next: PlanRules) {
  return record(tx, {
    user,
    plan,
    entity: { plan: true },
    request,
    next,
    current,
    read: readPlanRules,
    equal: samePlanRules,
    needsApproval: false,
    apply: (t, p) => applyPlanRules(t, plan.id, p),
  });
}

/** The change fields as a form posts them: "fromMonth" (1–12) and "changeReason". */
export function parseChangeRequest(raw: Record<string, unknown>): ChangeRequest {
  const month = typeof raw.fromMonth === "string" && /^\d{1,2}$/.test(raw.fromMonth.trim()) ? Number(raw.fromMonth.trim()) : null;
  const reason = typeof raw.changeReason === "string" ? raw.changeReason.trim().slice(0, 500) : "";
  return { fromMonth: month, reason: reason || null };
}

/** What a plan form needs to offer a change: whether it is versioned, which months are closed, the default month. */
export function changeContext(plan: { year: number; status: string; targetChangeNeedsApproval: boolean }, at: Date = now()) {
  return {
    versioned: plan.status !== "DRAFT",
    closedMonth: closedMonth(plan.year, at),
    defaultFromMonth: defaultFromMonth(plan.year, at),
    needsApproval: plan.targetChangeNeedsApproval,
  };
}

export type ChangeContext = ReturnType<typeof changeContext>;

/**
 * The plan as first set, for every part of a plan that has no version yet (a plan just imported or
 * rolled over): its rules, indicators and tasks as their rows stand.
 */
export async function recordInitialPlan(tx: Tx, planId: string, by: SessionUser | null): Promise<void> {
  const plan = await tx.plan.findUniqueOrThrow({
    where: { id: planId },
    select: {
      reportDueDay: true,
      escalateAfterDays: true,
      lightRules: true,
      _count: { select: { versions: { where: { indicatorId: null, taskId: null } } } },
      indicators: {
        where: { versions: { none: {} } },
        select: { id: true, targetValue: true, trajectory: { orderBy: { month: "asc" }, select: { plannedValue: true } } },
      },
      campaigns: { select: { tasks: { where: { versions: { none: {} } }, select: { id: true, startDate: true, dueDate: true, weight: true } } } },
    },
  });
  const at = now();
  const rows: Prisma.PlanVersionCreateManyInput[] = [];
  const initial = (entity: Partial<Prisma.PlanVersionCreateManyInput>, payload: IndicatorPlan | TaskPlan | PlanRules) =>
    rows.push({
      planId,
      ...entity,
      fromMonth: 1,
      kind: "INITIAL",
      payload: payload as unknown as Prisma.InputJsonValue,
      requestedById: by?.id || null,
      requestedAt: at,
    });
  if (plan._count.versions === 0)
    initial({}, { reportDueDay: plan.reportDueDay, escalateAfterDays: plan.escalateAfterDays, rules: readRules(plan.lightRules) });
  for (const i of plan.indicators)
    initial({ indicatorId: i.id }, { target: i.targetValue?.toFixed() ?? null, planned: i.trajectory.map((p) => p.plannedValue.toFixed()) });
  for (const t of plan.campaigns.flatMap((c) => c.tasks)) {
    initial(
      { taskId: t.id },
      { startDate: t.startDate ? t.startDate.toISOString().slice(0, 10) : null, dueDate: t.dueDate.toISOString().slice(0, 10), weight: t.weight.toFixed() },
    );
  }
  if (rows.length) await tx.planVersion.createMany({ data: rows });
}
