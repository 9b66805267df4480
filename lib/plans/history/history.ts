// The plan's history for one plan, loaded once per board (or page) and read for any month as known
// at any instant. Where an entity has no version (rows written before versions existed, or by a
// test factory), the row as it stands is the plan.
import "server-only";
import type { PlanChangeKind, PlanChangeStatus } from "@/generated/prisma/enums";
import { reportingMonth } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { readRules } from "@/lib/status";
import {
  adjustmentsOf,
  readIndicatorPlan,
  readPlanRules,
  readTaskPlan,
  versionFor,
  type IndicatorPlan,
  type PlanRules,
  type TaskPlan,
  type Version,
} from "./versions";

export interface Adjustment {
  id: string;
  fromMonth: number;
  inForceAt: Date;
  reason: string | null;
  by: string | null;
  what: { indicatorId: string } | { taskId: string } | { plan: true };
}

type Row = {
  id: string;
  indicatorId: string | null;
  taskId: string | null;
  fromMonth: number;
  kind: PlanChangeKind;
  status: PlanChangeStatus;
  inForceAt: Date | null;
  requestedAt: Date;
  reason: string | null;
  payload: unknown;
  requestedBy: { name: string } | null;
};

export class PlanHistory {
  readonly rules: Version<PlanRules>[] = [];
  readonly indicators = new Map<string, Version<IndicatorPlan>[]>();
  readonly tasks = new Map<string, Version<TaskPlan>[]>();
  private readonly by = new Map<string, string | null>();

  constructor(
    readonly planYear: number,
    rows: Row[],
  ) {
    for (const r of rows) {
      const base = { id: r.id, fromMonth: r.fromMonth, kind: r.kind, status: r.status, inForceAt: r.inForceAt, requestedAt: r.requestedAt, reason: r.reason };
      this.by.set(r.id, r.requestedBy?.name ?? null);
      if (r.indicatorId) {
        const payload = readIndicatorPlan(r.payload);
        if (payload) push(this.indicators, r.indicatorId, { ...base, payload });
      } else if (r.taskId) {
        const payload = readTaskPlan(r.payload);
        if (payload) push(this.tasks, r.taskId, { ...base, payload });
      } else {
        const payload = readPlanRules(r.payload);
        if (payload) this.rules.push({ ...base, payload });
      }
    }
  }

  /** The plan's rules for a month as known at an instant. */
  rulesAt(plan: { reportDueDay: number; escalateAfterDays: number; lightRules: unknown }, month: number, knownAt: Date): PlanRules {
    return (
      versionFor(this.rules, month, knownAt)?.payload ?? {
        reportDueDay: plan.reportDueDay,
        escalateAfterDays: plan.escalateAfterDays,
        rules: readRules(plan.lightRules),
      }
    );
  }

  indicatorAt(
    i: { id: string; targetValue: { toFixed(): string } | null; trajectory: { month: number; plannedValue: { toFixed(): string } }[] },
    month: number,
    knownAt: Date,
  ): IndicatorPlan {
    const v = versionFor(this.indicators.get(i.id) ?? [], month, knownAt);
    if (v) return v.payload;
    const planned = Array.from({ length: 12 }, (_, m) => i.trajectory.find((p) => p.month === m + 1)?.plannedValue.toFixed() ?? "");
    return { target: i.targetValue?.toFixed() ?? null, planned };
  }

  taskAt(t: { id: string; startDate: Date | null; dueDate: Date; weight: { toFixed(): string } }, month: number, knownAt: Date): TaskPlan {
    const v = versionFor(this.tasks.get(t.id) ?? [], month, knownAt);
    if (v) return v.payload;
    return {
      startDate: t.startDate ? t.startDate.toISOString().slice(0, 10) : null,
      dueDate: t.dueDate.toISOString().slice(0, 10),
      weight: t.weight.toFixed(),
    };
  }

  /** The 调整 that reached back to a month and were made by `seenAt`, oldest first, for every part of the plan. */
  adjustments(month: number, seenAt: Date): Adjustment[] {
    const closedAt = (at: Date) => reportingMonth(this.planYear, at);
    const out: Adjustment[] = [];
    const add = <P>(vs: Version<P>[], what: Adjustment["what"]) => {
      for (const v of adjustmentsOf(vs, month, closedAt).filter((a) => (a.inForceAt as Date) <= seenAt))
        out.push({ id: v.id, fromMonth: v.fromMonth, inForceAt: v.inForceAt as Date, reason: v.reason, by: this.by.get(v.id) ?? null, what });
    };
    add(this.rules, { plan: true });
    for (const [indicatorId, vs] of this.indicators) add(vs, { indicatorId });
    for (const [taskId, vs] of this.tasks) add(vs, { taskId });
    return out.sort((a, b) => a.inForceAt.getTime() - b.inForceAt.getTime());
  }
}

function push<V>(map: Map<string, V[]>, key: string, v: V) {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

const rowSelect = {
  id: true,
  indicatorId: true,
  taskId: true,
  fromMonth: true,
  kind: true,
  status: true,
  inForceAt: true,
  requestedAt: true,
  reason: true,
  payload: true,
  requestedBy: { select: { name: true } },
} as const;

/** Every version of a plan in force (pending and rejected changes are not part of its history). */
export async function loadPlanHistory(plan: { id: string; year: number }, tx?: Tx): Promise<PlanHistory> {
  const rows = await (tx ?? db()).planVersion.findMany({ where: { planId: plan.id, status: "IN_FORCE" }, select: rowSelect });
  return new PlanHistory(plan.year, rows);
}

/** ISO day ("2018-06-30") as @db.Date reads it: midnight UTC. */
export const dateOf = (day: string) => new Date(`${day}T00:00:00.000Z`);
