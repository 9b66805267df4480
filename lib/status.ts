// The status rule (红黄绿灯), written once. The board computes every light with these functions,
// and the rule page prints RULE (the same thresholds), so the text and the code cannot disagree.
// Pure: no database, no clock (the caller passes "as of").
import Decimal from "decimal.js";

export type Light = "GREEN" | "AMBER" | "RED" | "NONE";

export const RULE = {
  /** Indicators: share of the planned movement achieved (actual vs the trajectory for the same month). */
  indicator: { green: 0.95, amber: 0.85 },
  /** Tasks: percentage points behind the time elapsed between start and due date. */
  task: { green: 10, amber: 25 },
  /** Campaigns: weighted score of their indicators and tasks (GREEN 1, AMBER 0.5, RED 0). */
  campaign: { green: 0.8, amber: 0.6, indicatorShare: 0.5 },
  /** A report this many days past its due date turns the campaign red. */
  reportLateDaysRed: 10,
} as const;

const SCORE: Record<Exclude<Light, "NONE">, number> = { GREEN: 1, AMBER: 0.5, RED: 0 };

export interface IndicatorInput {
  name: string;
  unit: string;
  direction: "HIGHER_BETTER" | "LOWER_BETTER";
  accumulation: "CUMULATIVE" | "LEVEL";
  baseline: string | null;
  /** The latest actual known, with the month it is for. */
  actual: { month: number; value: string } | null;
  /** The trajectory's planned value for that same month. */
  planned: string | null;
}

export interface IndicatorStatus {
  light: Light;
  /** Share of the planned movement achieved (1 = on plan), when it can be computed. */
  achieved: number | null;
  /** Why, as catalogue key + values: the page turns it into a sentence. */
  reason: { key: "noData" | "noPlan" | "onPlan" | "behind" | "ahead"; values: Record<string, string | number> };
}

/**
 * An indicator's light: how much of the movement planned by the actual's month has been achieved.
 * A year-to-date (CUMULATIVE) indicator moves from 0, a standing (LEVEL) one from its baseline; the
 * same formula works whichever way the target lies, so "lower is better" needs no special case.
 */
export function indicatorStatus(i: IndicatorInput): IndicatorStatus {
  if (!i.actual) return { light: "NONE", achieved: null, reason: { key: "noData", values: { name: i.name } } };
  if (i.planned === null) return { light: "NONE", achieved: null, reason: { key: "noPlan", values: { name: i.name } } };
  const actual = new Decimal(i.actual.value);
  const planned = new Decimal(i.planned);
  const start = i.accumulation === "CUMULATIVE" ? new Decimal(0) : new Decimal(i.baseline ?? 0);
  const plannedMove = planned.minus(start);
  const values = { name: i.name, month: i.actual.month, actual: actual.toFixed(), planned: planned.toFixed(), unit: i.unit };
  let achieved: Decimal;
  if (plannedMove.isZero()) {
    // Nothing planned to move yet (or a zero baseline with no change): at or better than plan is on plan.
    const better = i.direction === "HIGHER_BETTER" ? actual.gte(planned) : actual.lte(planned);
    if (better) return { light: "GREEN", achieved: 1, reason: { key: "onPlan", values: { ...values, percent: "100" } } };
    const scale = planned.isZero() ? new Decimal(1) : planned.abs();
    achieved = new Decimal(1).minus(actual.minus(planned).abs().div(scale));
  } else if (i.accumulation === "CUMULATIVE" && i.direction === "LOWER_BETTER") {
    // A year-to-date count that should stay low (刑事案件发案数): every case over the planned
    // allowance is a shortfall, every case under it is ahead. 20 against 18.75 planned is 93.3%.
    achieved = new Decimal(1).minus(actual.minus(planned).div(planned.abs()));
  } else {
    achieved = actual.minus(start).div(plannedMove);
  }
  const a = achieved.toNumber();
  const light: Light = a >= RULE.indicator.green ? "GREEN" : a >= RULE.indicator.amber ? "AMBER" : "RED";
  // One decimal, to the nearest; but never rounded up across the light's threshold (94.99% is
  // amber and is shown as 94.9, not 95.0). The gap is taken from the shown figure so the two agree.
  const ceiling = light === "AMBER" ? RULE.indicator.green * 100 : light === "RED" ? RULE.indicator.amber * 100 : Infinity;
  let shown = achieved.times(100).toDecimalPlaces(1);
  if (shown.gte(ceiling)) shown = achieved.times(100).toDecimalPlaces(1, Decimal.ROUND_DOWN);
  const percent = shown.toFixed();
  const gap = new Decimal(100).minus(shown).abs().toFixed();
  const key = a >= 1 ? (a > 1 ? "ahead" : "onPlan") : light === "GREEN" ? "onPlan" : "behind";
  return { light, achieved: a, reason: { key, values: { ...values, percent, gap } } };
}

export interface TaskInput {
  title: string;
  start: Date | null;
  due: Date;
  percentDone: number;
  status: "NOT_STARTED" | "IN_PROGRESS" | "DONE" | "BLOCKED" | "CANCELLED";
  weight: number;
}

export interface TaskStatus {
  light: Light;
  overdue: boolean;
  reason: { key: "done" | "cancelled" | "overdue" | "notDue" | "onTime" | "behind" | "blocked"; values: Record<string, string | number> };
}

/** A task's light: percent done against the share of its time that has passed; late and unfinished is red. */
export function taskStatus(t: TaskInput, asOf: Date, yearStart: Date): TaskStatus {
  const values: Record<string, string | number> = { title: t.title, percent: t.percentDone };
  if (t.status === "CANCELLED") return { light: "NONE", overdue: false, reason: { key: "cancelled", values } };
  if (t.status === "DONE" || t.percentDone >= 100) return { light: "GREEN", overdue: false, reason: { key: "done", values } };
  if (asOf.getTime() > t.due.getTime()) return { light: "RED", overdue: true, reason: { key: "overdue", values } };
  const start = (t.start ?? yearStart).getTime();
  if (asOf.getTime() <= start) return { light: "NONE", overdue: false, reason: { key: "notDue", values } };
  const expected = Math.round(((asOf.getTime() - start) / Math.max(1, t.due.getTime() - start)) * 100);
  const behind = expected - t.percentDone;
  const withExpected = { ...values, expected, behind: Math.max(0, behind) };
  let light: Light = behind <= RULE.task.green ? "GREEN" : behind <= RULE.task.amber ? "AMBER" : "RED";
  if (t.status === "BLOCKED" && light === "GREEN") light = "AMBER";
  const key = t.status === "BLOCKED" ? "blocked" : light === "GREEN" ? "onTime" : "behind";
  return { light, overdue: false, reason: { key, values: withExpected } };
}

export interface CampaignStatus {
  light: Light;
  score: number | null;
  /** The items that pulled it down, worst first (at most three), and whether the report is late. */
  worst: { kind: "indicator" | "task"; light: Light; index: number }[];
  reportLate: boolean;
}

/**
 * A campaign's light: the weighted score of its indicators (each weight 1, half the total) and
 * its tasks (by task weight, the other half); a report late by RULE.reportLateDaysRed days or more
 * makes it red whatever the score.
 */
export function campaignStatus(indicators: IndicatorStatus[], tasks: (TaskStatus & { weight: number })[], reportDaysLate: number): CampaignStatus {
  const lit = <T extends { light: Light }>(xs: T[]) => xs.filter((x) => x.light !== "NONE");
  const ind = lit(indicators);
  const tsk = lit(tasks);
  const indScore = ind.length ? ind.reduce((s, x) => s + SCORE[x.light as Exclude<Light, "NONE">], 0) / ind.length : null;
  const taskWeight = tsk.reduce((s, x) => s + x.weight, 0);
  const taskScore = tsk.length && taskWeight > 0 ? tsk.reduce((s, x) => s + x.weight * SCORE[x.light as Exclude<Light, "NONE">], 0) / taskWeight : null;
  const share = RULE.campaign.indicatorShare;
  const raw = indScore !== null && taskScore !== null ? share * indScore + (1 - share) * taskScore : (indScore ?? taskScore);
  // Weights are decimals (0.1 + 0.2 …): round away float noise so an exact 0.8 stays 0.8.
  const score = raw === null ? null : Math.round(raw * 1e12) / 1e12;
  const reportLate = reportDaysLate >= RULE.reportLateDaysRed;
  let light: Light = score === null ? "NONE" : score >= RULE.campaign.green ? "GREEN" : score >= RULE.campaign.amber ? "AMBER" : "RED";
  if (reportLate) light = "RED";
  const rank: Record<Light, number> = { RED: 0, AMBER: 1, NONE: 3, GREEN: 2 };
  const worst = [
    ...indicators.map((x, index) => ({ kind: "indicator" as const, light: x.light, index })),
    ...tasks.map((x, index) => ({ kind: "task" as const, light: x.light, index })),
  ]
    .filter((x) => x.light === "RED" || x.light === "AMBER")
    .sort((a, b) => rank[a.light] - rank[b.light])
    .slice(0, 3);
  return { light, score, worst, reportLate };
}
