// The plan's history, read back: which version of a plan's rules, an indicator's target and
// trajectory, or a task's dates and weight was in force for a month, as known at an instant.
// Pure: the rows come from PlanVersion (prisma/schema.prisma), the instant from the caller.
//
// A version applies from its fromMonth on; among those that apply to a month and had come into
// force by the instant, the one that came into force last wins. So a change made in April "from
// May" leaves March as it was, a 调整 of March made in April changes March from then on (and the
// board as of March, computed as it stood then, stays as it was), and the plan as first set
// (INITIAL, inForceAt null) holds wherever nothing later applies.
import { z } from "zod";
import { DEFAULT_RULES, readRules, type Rules } from "@/lib/status";

export type ChangeKind = "INITIAL" | "CHANGE" | "ADJUSTMENT";
export type ChangeStatus = "IN_FORCE" | "PENDING" | "REJECTED";

export interface Version<P> {
  id: string;
  fromMonth: number;
  kind: ChangeKind;
  status: ChangeStatus;
  inForceAt: Date | null;
  requestedAt: Date;
  reason: string | null;
  payload: P;
}

/** An indicator's plan: the annual target and the twelve month-end planned values (January first). */
export interface IndicatorPlan {
  target: string | null;
  planned: string[];
}

/** A task's plan. Dates as ISO days ("2018-06-30"), the weight as a decimal string. */
export interface TaskPlan {
  startDate: string | null;
  dueDate: string;
  weight: string;
}

/** The plan's own rules: when reports are due, when silence turns red, and the light thresholds. */
export interface PlanRules {
  reportDueDay: number;
  escalateAfterDays: number;
  rules: Rules;
}

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const indicatorPlanSchema = z.object({ target: decimal.nullable(), planned: z.array(decimal).max(12) });
export const taskPlanSchema = z.object({ startDate: isoDay.nullable(), dueDate: isoDay, weight: decimal });
const planRulesSchema = z.object({ reportDueDay: z.number().int().min(1).max(28), escalateAfterDays: z.number().int().min(0).max(60), rules: z.unknown() });

export function readIndicatorPlan(payload: unknown): IndicatorPlan | null {
  const p = indicatorPlanSchema.safeParse(payload);
  return p.success ? p.data : null;
}

export function readTaskPlan(payload: unknown): TaskPlan | null {
  const p = taskPlanSchema.safeParse(payload);
  return p.success ? p.data : null;
}

export function readPlanRules(payload: unknown): PlanRules | null {
  const p = planRulesSchema.safeParse(payload);
  return p.success ? { reportDueDay: p.data.reportDueDay, escalateAfterDays: p.data.escalateAfterDays, rules: readRules(p.data.rules) } : null;
}

export const DEFAULT_PLAN_RULES: PlanRules = { reportDueDay: 5, escalateAfterDays: 3, rules: DEFAULT_RULES };

const time = (d: Date | null) => (d ? d.getTime() : Number.NEGATIVE_INFINITY);

/** The version in force for `month` as known at `knownAt`, or null when none applies (then the caller falls back to the row as it stands). */
export function versionFor<P>(versions: readonly Version<P>[], month: number, knownAt: Date): Version<P> | null {
  let best: Version<P> | null = null;
  const limit = knownAt.getTime();
  for (const v of versions) {
    if (v.status !== "IN_FORCE" || v.fromMonth > month || time(v.inForceAt) > limit) continue;
    if (
      !best ||
      time(v.inForceAt) > time(best.inForceAt) ||
      (time(v.inForceAt) === time(best.inForceAt) &&
        (v.requestedAt > best.requestedAt || (v.requestedAt.getTime() === best.requestedAt.getTime() && v.id > best.id)))
    ) {
      best = v;
    }
  }
  return best;
}

/**
 * The 调整 that reached back to `month`: adjustments in force whose span (from their fromMonth to
 * the last month whose report was due when they came into force) covers it. They are shown wherever
 * that month is shown, whether they came before or after the instant it is seen as of.
 */
export function adjustmentsOf<P>(versions: readonly Version<P>[], month: number, closedMonthAt: (at: Date) => number): Version<P>[] {
  return versions.filter(
    (v) => v.kind === "ADJUSTMENT" && v.status === "IN_FORCE" && v.inForceAt && v.fromMonth <= month && month <= closedMonthAt(v.inForceAt),
  );
}

/** The planned value of a month from an indicator plan ("" or missing → null). */
export function plannedFor(plan: IndicatorPlan | null, month: number): string | null {
  const v = plan?.planned[month - 1];
  return v === undefined || v === "" ? null : v;
}
