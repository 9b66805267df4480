import "server-only";
import { databaseCache } from "@/lib/db/caches";
import { cache } from "react";
import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/roles";
import { visiblePlans } from "@/lib/auth/scope";
import { currentMonth, daysLate, endOfMonth, now, reportDueDate, reportingMonth, startOfMonth } from "@/lib/clock";
import { db } from "@/lib/db";
import { dateOf, loadPlanHistory, type Adjustment, type PlanHistory } from "@/lib/plans/history/history";
import { plannedFor, type PlanRules } from "@/lib/plans/history/versions";
import { approvedAt, officialAt, pendingAt } from "@/lib/reports/official";
import {
  campaignStatus,
  indicatorKind,
  indicatorStatus,
  taskStatus,
  yearOnYear,
  type CampaignStatus,
  type IndicatorKind,
  type IndicatorStatus,
  type TaskStatus,
  type YearOnYear,
} from "@/lib/status";
import { boardCacheMetrics } from "@/lib/ops/metrics";
import { closedBy } from "@/lib/tasks/closure-rules";
import { coalesced } from "./coalesce";
import { instructionCounts } from "./instructions";
import { loadSamePeriod, type SamePeriod } from "./same-period";
import { dataStamp } from "./stamp";

export interface BoardIndicator {
  id: string;
  name: string;
  nameEn: string | null;
  unit: string;
  decimals: number;
  kind: IndicatorKind;
  baseline: string | null;
  /** The plan in force for the month of the actual (or the board's month, without one): annual target and 序时目标. */
  target: string | null;
  planned: string | null;
  /** The month the plan figures are for. */
  planMonth: number;
  /** The planned value of each month (January first) as the plan stood for that month at the cutoff: for charts. */
  trajectory: (string | null)[];
  actual: { month: number; value: string; reportedBy: string; reportedAt: Date; pending: boolean } | null;
  /** A newer figure awaiting review that the plan does not count (shown marked 待审核, beside the approved one). */
  awaiting: { month: number; value: string } | null;
  /** 同比: against the baseline year's same month, when that figure is known. */
  yoy: YearOnYear | null;
  /** The baseline year's figure behind 同比 is sample data (示例). */
  yoySample: boolean;
  status: IndicatorStatus;
  isSample: boolean;
}

export interface BoardTask {
  id: string;
  title: string;
  status: TaskStatus;
  weight: number;
  percentDone: number;
  due: Date;
  /** 逾期原因 the lead gave for an overdue task (as of the cutoff), shown with its light's reason. */
  overdueReason: string | null;
}

export interface BoardCampaign {
  id: string;
  number: number;
  name: string;
  nameEn: string | null;
  leadDepartment: string;
  leadingOfficial: string;
  leads: string;
  /** The month whose report and figures are judged, and the plan's escalation days then. */
  month: number;
  redAfterDays: number;
  indicators: BoardIndicator[];
  tasks: BoardTask[];
  overdueTasks: number;
  progress: number;
  /** The month's report as of the cutoff; lateDays > 0 when it was submitted after its due day. */
  report: { status: string; submittedAt: Date | null; lateDays: number } | null;
  reportDaysLate: number;
  /** 调整 of the plan that reached back to this month (targets, tasks or rules), for the 目标调整 mark. */
  adjustments: Adjustment[];
  hasPending: boolean;
  status: CampaignStatus;
}

function campaignSelect(cutoff: Date, month: number, historical: boolean) {
  const official = { ...officialAt(cutoff), month: { lte: Math.max(month, 0) } };
  return {
    id: true,
    planId: true,
    number: true,
    name: true,
    nameEn: true,
    leadDepartment: { select: { name: true } },
    leadingOfficial: { select: { name: true } },
    leads: { select: { user: { select: { name: true } } } },
    indicators: {
      orderBy: { sortOrder: "asc" as const },
      select: indicatorSelect(official),
    },
    tasks: {
      select: {
        id: true,
        title: true,
        startDate: true,
        dueDate: true,
        weight: true,
        status: true,
        percentDone: true,
        overdueReason: true,
        closedAt: true,
        // Only a past month needs the history; now, a task is as it stands.
        updates: historical
          ? { where: officialAt(cutoff), orderBy: { reportedAt: "desc" as const }, take: 1, select: { percentDone: true, status: true, overdueReason: true } }
          : { where: { id: "" }, select: { percentDone: true, status: true, overdueReason: true } },
      },
    },
    reports: {
      where: { month, submittedAt: { lte: cutoff } },
      orderBy: { revision: "desc" as const },
      take: 1,
      select: { status: true, submittedAt: true, firstSubmittedAt: true },
    },
  } satisfies Prisma.CampaignSelect;
}

function indicatorSelect(official: Prisma.IndicatorValueWhereInput) {
  return {
    id: true,
    key: true,
    name: true,
    nameEn: true,
    unit: true,
    decimals: true,
    direction: true,
    accumulation: true,
    baselineValue: true,
    baselineIsSample: true,
    targetValue: true,
    trajectory: { select: { month: true, plannedValue: true } },
    values: {
      where: official,
      orderBy: [{ month: "desc" as const }, { reportedAt: "desc" as const }],
      take: 1,
      select: { month: true, value: true, reportedAt: true, reportedBy: { select: { name: true } }, report: { select: { status: true, reviewedAt: true } } },
    },
  } satisfies Prisma.IndicatorSelect;
}

type CampaignRow = Prisma.CampaignGetPayload<{ select: ReturnType<typeof campaignSelect> }>;
type IndicatorRow = CampaignRow["indicators"][number];

/** The board's moment: the month judged, the instant its data is read as of, and the plan's rules then. */
export interface BoardContext {
  year: number;
  /** When the board is looked at: the 调整 made by then are marked, even those after the cutoff. */
  seenAt: Date;
  cutoff: Date;
  month: number;
  historical: boolean;
  yearStart: Date;
  due: Date | null;
  rules: PlanRules;
  history: PlanHistory;
  samePeriod: SamePeriod;
  /** Latest approved figure per indicator, when the plan counts only approved figures. */
  approved: Map<string, NonNullable<BoardIndicator["actual"]>>;
}

/** A town-wide or campaign indicator, judged for the board's month. */
export function toBoardIndicator(i: IndicatorRow, ctx: BoardContext): BoardIndicator {
  const v = i.values[0];
  const latest = v
    ? { month: v.month, value: v.value.toFixed(), reportedBy: v.reportedBy.name, reportedAt: v.reportedAt, pending: pendingAt(v.report, ctx.cutoff) }
    : null;
  // A plan that counts only approved figures is judged, and shown, on the latest approved one; the
  // newer figure still awaiting review is shown beside it, marked 待审核.
  const strict = latest?.pending && !ctx.rules.rules.countUnapproved;
  const actual = strict ? (ctx.approved.get(i.id) ?? null) : latest;
  const awaiting = strict && latest ? { month: latest.month, value: latest.value } : null;
  const planMonth = actual?.month ?? Math.max(ctx.month, 1);
  const plan = ctx.history.indicatorAt(i, planMonth, ctx.cutoff);
  const baseline = i.baselineValue?.toFixed() ?? null;
  const kind = indicatorKind(i);
  const status = indicatorStatus(
    {
      name: i.name,
      unit: i.unit,
      decimals: i.decimals,
      direction: i.direction,
      accumulation: i.accumulation,
      baseline,
      actual: actual ? { month: actual.month, value: actual.value } : null,
      planned: actual ? plannedFor(plan, actual.month) : null,
      target: plan.target,
    },
    ctx.rules.rules,
  );
  const same = actual ? ctx.samePeriod.get(i.id)?.get(actual.month) : undefined;
  return {
    id: i.id,
    name: i.name,
    nameEn: i.nameEn,
    unit: i.unit,
    decimals: i.decimals,
    kind,
    baseline,
    target: plan.target,
    planned: plannedFor(plan, planMonth),
    planMonth,
    trajectory: Array.from({ length: 12 }, (_, m) => plannedFor(ctx.history.indicatorAt(i, m + 1, ctx.cutoff), m + 1)),
    actual,
    awaiting,
    yoy: actual ? yearOnYear(kind, actual.value, same?.value ?? null) : null,
    yoySample: same?.isSample ?? false,
    status,
    isSample: i.baselineIsSample,
  };
}

function toBoardCampaign(c: CampaignRow, ctx: BoardContext): BoardCampaign {
  const { cutoff, historical, yearStart, due, month, rules } = ctx;
  const indicators = c.indicators.map((i) => toBoardIndicator(i, ctx));
  // A task's dates and weight as planned for the month the cutoff falls in.
  const taskMonth = currentMonth(ctx.year, cutoff);
  const tasks = c.tasks.map((t) => {
    // As of a past month, a task is as its last update by then said (0% before any update).
    const state = historical
      ? (t.updates[0] ?? { percentDone: 0, status: "NOT_STARTED" as const, overdueReason: null })
      : { percentDone: t.percentDone, status: t.status, overdueReason: t.overdueReason };
    const plan = ctx.history.taskAt(t, taskMonth, cutoff);
    const weight = Number(plan.weight);
    const dueDate = dateOf(plan.dueDate);
    const start = plan.startDate ? dateOf(plan.startDate) : null;
    return {
      id: t.id,
      title: t.title,
      weight,
      percentDone: state.percentDone,
      due: dueDate,
      overdueReason: state.overdueReason,
      status: taskStatus(
        { title: t.title, start, due: dueDate, percentDone: state.percentDone, status: state.status, weight, closed: closedBy(t.closedAt, cutoff) },
        cutoff,
        yearStart,
        rules.rules,
      ),
    };
  });
  const row = c.reports[0] ?? null;
  const firstSubmitted = row?.firstSubmittedAt ?? row?.submittedAt ?? null;
  const report = row ? { status: row.status, submittedAt: row.submittedAt, lateDays: due && firstSubmitted ? daysLate(due, firstSubmitted) : 0 } : null;
  const reportDaysLate = due && !report ? daysLate(due, cutoff) : 0;
  const totalWeight = tasks.reduce((s, t) => s + t.weight, 0);
  const ownIndicators = new Set(c.indicators.map((i) => i.id));
  const ownTasks = new Set(c.tasks.map((t) => t.id));
  const adjustments =
    month > 0
      ? ctx.history
          .adjustments(month, ctx.seenAt)
          .filter((a) => ("indicatorId" in a.what ? ownIndicators.has(a.what.indicatorId) : "taskId" in a.what ? ownTasks.has(a.what.taskId) : true))
      : [];
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    nameEn: c.nameEn,
    leadDepartment: c.leadDepartment?.name ?? "—",
    leadingOfficial: c.leadingOfficial?.name ?? "—",
    leads: c.leads.map((l) => l.user.name).join("、"),
    month,
    redAfterDays: rules.escalateAfterDays,
    indicators,
    tasks,
    overdueTasks: tasks.filter((t) => t.status.overdue).length,
    progress: totalWeight ? Math.round(tasks.reduce((s, t) => s + t.weight * t.percentDone, 0) / totalWeight) : 0,
    report,
    reportDaysLate,
    adjustments,
    hasPending: indicators.some((i) => i.actual?.pending || i.awaiting),
    status: campaignStatus(
      indicators.map((i) => i.status),
      tasks.map((t) => ({ ...t.status, weight: t.weight })),
      { missing: month > 0 && !report, daysLate: reportDaysLate, redAfterDays: rules.escalateAfterDays },
      rules.rules,
    ),
  };
}

/**
 * The instant a board of a data month is read as of: the end of the month after it, when its
 * reports were due (or now, if that is earlier). The 月报 of a month is the board of that instant.
 */
export function cutoffFor(planYear: number, dataMonth: number | null, today = now()): Date {
  if (dataMonth === null) return today;
  return new Date(Math.min(endOfMonth(planYear, dataMonth + 1).getTime(), today.getTime()));
}

/** The data months a board can be seen for: those whose report has come due, newest first. */
export function boardMonths(planYear: number, today = now()): number[] {
  const last = reportingMonth(planYear, today);
  return Array.from({ length: last }, (_, i) => last - i);
}

interface ComputedBoard {
  /** When it was computed as seen (now, or the instant asked for). */
  seenAt: Date;
  cutoff: Date;
  month: number;
  due: Date | null;
  rules: PlanRules;
  campaigns: BoardCampaign[];
  planIndicators: BoardIndicator[];
  /** The plan's adjustments that reached back to this month (all of them, for the plan-wide note). */
  adjustments: Adjustment[];
  /** 批示 waiting for an answer or a 办结 per campaign, and how many overdue, as they stood at the cutoff. */
  instructions: Map<string, { open: number; overdue: number }>;
}

type BoardPlan = { id: string; orgId: string; year: number; baselineYear: number; reportDueDay: number; escalateAfterDays: number; lightRules: unknown };

/** Compute a plan's board for a data month (null: the current one) as known at `cutoff`. Exported for tests. */
export async function computeBoard(arg: { plan: BoardPlan; cutoff: Date; month: number; historical: boolean; seenAt: Date }): Promise<ComputedBoard> {
  const { plan, cutoff, month, historical, seenAt } = arg;
  const history = await loadPlanHistory(plan);
  const rules = history.rulesAt(plan, Math.max(month, 1), cutoff);
  const official = { ...officialAt(cutoff), month: { lte: Math.max(month, 0) } };
  const [campaigns, planIndicatorRows] = await Promise.all([
    db().campaign.findMany({
      // Every campaign of a plan the user may see (getBoard checked the plan): the same for everyone.
      where: { planId: plan.id },
      orderBy: { number: "asc" },
      select: campaignSelect(cutoff, month, historical),
    }),
    db().indicator.findMany({ where: { planId: plan.id, campaignId: null }, orderBy: { sortOrder: "asc" }, select: indicatorSelect(official) }),
  ]);
  const allIndicators = [...campaigns.flatMap((c) => c.indicators), ...planIndicatorRows];
  const [samePeriod, approved, instructions] = await Promise.all([
    loadSamePeriod(plan, allIndicators, cutoff),
    rules.rules.countUnapproved
      ? Promise.resolve(new Map<string, NonNullable<BoardIndicator["actual"]>>())
      : latestApproved(
          allIndicators.filter((i) => i.values[0] && pendingAt(i.values[0].report, cutoff)).map((i) => i.id),
          month,
          cutoff,
        ),
    instructionCounts(plan.id, historical ? cutoff : seenAt),
  ]);
  const ctx: BoardContext = {
    year: plan.year,
    seenAt,
    cutoff,
    month,
    historical,
    yearStart: startOfMonth(plan.year, 1),
    due: month > 0 ? reportDueDate(plan.year, month, rules.reportDueDay) : null,
    rules,
    history,
    samePeriod,
    approved,
  };
  return {
    seenAt,
    cutoff,
    month,
    due: ctx.due,
    rules,
    campaigns: campaigns.map((c) => toBoardCampaign(c, ctx)),
    planIndicators: planIndicatorRows.map((i) => toBoardIndicator(i, ctx)),
    adjustments: month > 0 ? history.adjustments(month, seenAt) : [],
    instructions,
  };
}

async function latestApproved(indicatorIds: string[], month: number, cutoff: Date) {
  const out = new Map<string, NonNullable<BoardIndicator["actual"]>>();
  if (indicatorIds.length === 0) return out;
  const rows = await db().indicatorValue.findMany({
    where: { indicatorId: { in: indicatorIds }, month: { lte: Math.max(month, 0) }, ...approvedAt(cutoff) },
    orderBy: [{ indicatorId: "asc" }, { month: "desc" }, { reportedAt: "desc" }],
    distinct: ["indicatorId"],
    select: { indicatorId: true, month: true, value: true, reportedAt: true, reportedBy: { select: { name: true } } },
  });
  for (const r of rows)
    out.set(r.indicatorId, { month: r.month, value: r.value.toFixed(), reportedBy: r.reportedBy.name, reportedAt: r.reportedAt, pending: false });
  return out;
}

type PlanWithOrg = NonNullable<Awaited<ReturnType<typeof findVisiblePlan>>>;

function findVisiblePlan(user: SessionUser, planId: string) {
  return db().plan.findFirst({ where: { id: planId, ...visiblePlans(user) }, include: { org: { select: { name: true, nameEn: true } } } });
}

// The plan a board is asked for, as the scoped query answered it for the same scope and data stamp:
// a board that is kept costs one query (the stamp), not three, and the answer is the query's own.
const visiblePlanRows = databaseCache<{ plan: PlanWithOrg | null }>(2_000);

async function visibleBoardPlan(user: SessionUser, planId: string, stamp: string): Promise<PlanWithOrg | null> {
  const key = `${planId}|${JSON.stringify(visiblePlans(user))}|${stamp}`;
  const kept = visiblePlanRows.get(key);
  if (kept) return kept.plan;
  const plan = await findVisiblePlan(user, planId);
  visiblePlanRows.set(key, { plan });
  return plan;
}

// Computed boards, kept by plan, data month and the data stamp: a write anywhere makes the next
// request compute afresh. The board "now" is also keyed by the minute, so that lights which
// depend on the time (tasks falling behind, reports getting late) move on without a write. The
// same board serves everyone who may see the plan, and people asking together share one run.
const computedBoards = databaseCache<ComputedBoard>(500);
const sharedBoard = coalesced(computeBoard);

/**
 * The board of a plan for a data month (null: the current one, now). A past month is read as its
 * data stood at the end of the month after it (cutoffFor): only figures, task updates and plan
 * versions known by then count, so a later report, correction or plan change does not leak back.
 * A month whose report is not yet due has no board (null). The result is shared: read it, never change it.
 */
export const getBoard = cache(async (user: SessionUser, planId: string, dataMonth: number | null, seenAt?: Date) => {
  const stamp = await dataStamp();
  const plan = await visibleBoardPlan(user, planId, stamp);
  if (!plan) return null;
  // Seen now, or (to regenerate an archived 月报 exactly) as it was seen at an earlier instant.
  const today = seenAt ?? now();
  const current = reportingMonth(plan.year, today);
  if (dataMonth !== null && (dataMonth < 1 || dataMonth > current)) return { plan, refused: true as const };
  const cutoff = cutoffFor(plan.year, dataMonth, today);
  const historical = dataMonth !== null && cutoff < today;
  const month = dataMonth ?? current;
  const when = seenAt ? `at${seenAt.getTime()}|m${month}` : historical ? `m${month}` : `now@${Math.floor(today.getTime() / 60_000)}`;
  const key = `${plan.id}|${plan.version}|${when}|${stamp}`;
  let board = computedBoards.get(key);
  if (board) boardCacheMetrics.hit();
  else {
    boardCacheMetrics.miss();
    board = await sharedBoard(key, { plan, cutoff, month, historical, seenAt: today });
    computedBoards.set(key, board);
  }
  return { plan, refused: false as const, dataMonth, historical, ...board };
});

export type Board = Extract<NonNullable<Awaited<ReturnType<typeof getBoard>>>, { refused: false }>;
