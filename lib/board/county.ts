// The county overview (全县概览): every visible town's current plan with its campaigns' lights.
// At county scale (100 towns × 10 campaigns) the board's Prisma query would load every value of
// every indicator and every column of every task, so this reads only what the lights need, with a
// few set-based queries, and feeds the same status rule (lib/status.ts) as the board.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { databaseCache } from "@/lib/db/caches";
import { visibleCampaigns, visiblePlans } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/roles";
import { DAY, currentMonth, daysLate, now, reportDueDate, reportingMonth, startOfMonth } from "@/lib/clock";
import { db } from "@/lib/db";
import { dateOf } from "@/lib/plans/history/history";
import { plannedFor, readIndicatorPlan, readPlanRules, readTaskPlan, versionFor, type PlanRules, type Version } from "@/lib/plans/history/versions";
import { approvedAt, officialAt } from "@/lib/reports/official";
import {
  campaignStatus,
  indicatorStatus,
  readRules,
  taskStatus,
  type CampaignStatus,
  type IndicatorInput,
  type IndicatorStatus,
  type Rules,
  type TaskInput,
  type TaskStatus,
} from "@/lib/status";
import { closedBy } from "@/lib/tasks/closure-rules";
import { coalesced } from "./coalesce";
import { cutoffFor } from "./queries";
import { dataStamp } from "./stamp";

export interface CountyCampaign {
  id: string;
  number: number;
  name: string;
  /** This month's latest submitted report, if any: the page counts the campaigns without one. */
  report: { status: string; submittedAt: Date | null; lateDays: number } | null;
  reportDaysLate: number;
  status: Pick<CampaignStatus, "light" | "score" | "silence">;
}

interface IndicatorRow {
  id: string;
  campaignId: string;
  planId: string;
  unit: string;
  decimals: number;
  direction: IndicatorInput["direction"];
  accumulation: IndicatorInput["accumulation"];
  baseline: unknown;
  month: number | null;
  value: unknown;
  /** The report behind the figure, when not yet approved (待审核). */
  pending: boolean;
  /** The plan as the rows hold it (the latest in force): right unless the indicator was changed since it was first set. */
  planned: unknown;
  target: unknown;
  changed: boolean;
}

/** A campaign's tasks, one "startDay dueDay status percentDone closure weight" entry each, comma-separated (see lightInputs). */
interface TaskList {
  campaignId: string;
  tasks: string | null;
}

interface ReportRow {
  campaignId: string;
  status: string;
  submittedAt: Date | null;
  firstSubmittedAt: Date | null;
}

function groupBy<T extends { campaignId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const group = groups.get(r.campaignId);
    if (group) group.push(r);
    else groups.set(r.campaignId, [r]);
  }
  return groups;
}

/**
 * The inputs of the lights for the campaigns of plans that share a reporting month, as of `cutoff`
 * (by campaign id; the caller keeps only the campaigns the user may see).
 * The official-figure rule is the board's (campaignSelect in ./queries; county.db.test.ts holds the two
 * in step by comparing every light with the board's, now and for every past month): a value counts
 * if it was reported by the cutoff, for a month up to the reporting month, and either entered
 * directly or part of a report submitted (or approved) by the cutoff; the latest month wins, then
 * the latest reported figure for it. Tasks are as they stand now, or, for a past month
 * (`historical`), as their last counted update by the cutoff said (0 % before any), closed only if
 * their 销号 was confirmed by then.
 */
async function lightInputs(planIds: string[], month: number, cutoff: Date, historical: boolean) {
  const upTo = Math.max(month, 0);
  // A task now is as its row stands; of a past month, as the board reads it: its latest update that
  // counted by the cutoff (0 % and not started before any).
  const taskState = historical
    ? {
        status: Prisma.sql`COALESCE(u.status::text, 'NOT_STARTED')`,
        percentDone: Prisma.sql`COALESCE(u."percentDone", 0)`,
        join: Prisma.sql`LEFT JOIN LATERAL (
                SELECT u.status, u."percentDone"
                FROM "TaskUpdate" u
                LEFT JOIN "ProgressReport" r ON r.id = u."reportId"
                WHERE u."taskId" = t.id AND u."reportedAt" <= ${cutoff}::timestamp
                  AND (u."reportId" IS NULL OR (r.status IN ('SUBMITTED', 'APPROVED') AND r."submittedAt" <= ${cutoff}::timestamp))
                ORDER BY u."reportedAt" DESC
                LIMIT 1
              ) u ON true`,
      }
    : { status: Prisma.sql`t.status`, percentDone: Prisma.sql`t."percentDone"`, join: Prisma.empty };
  const [indicators, tasks, reports] = await Promise.all([
    db().$queryRaw<IndicatorRow[]>`
      SELECT i.id, i."campaignId", c."planId", i.unit, i.decimals, i.direction::text AS direction, i.accumulation::text AS accumulation,
             i."baselineValue"::text AS baseline, v.month, v.value::text AS value, COALESCE(v.pending, false) AS pending,
             -- A subquery, not a join: the planner would otherwise hash the whole trajectory table.
             (SELECT p."plannedValue"::text FROM "TrajectoryPoint" p WHERE p."indicatorId" = i.id AND p.month = v.month) AS planned,
             i."targetValue"::text AS target,
             EXISTS (SELECT 1 FROM "PlanVersion" pv WHERE pv."indicatorId" = i.id AND pv.kind <> 'INITIAL' AND pv.status = 'IN_FORCE') AS changed
      FROM "Indicator" i
      JOIN "Campaign" c ON c.id = i."campaignId"
      LEFT JOIN LATERAL (
        SELECT iv.month, iv.value, (iv."reportId" IS NOT NULL AND NOT (r.status = 'APPROVED' AND r."reviewedAt" <= ${cutoff}::timestamp)) AS pending
        FROM "IndicatorValue" iv
        LEFT JOIN "ProgressReport" r ON r.id = iv."reportId"
        WHERE iv."indicatorId" = i.id
          AND iv."reportedAt" <= ${cutoff}::timestamp
          AND iv.month <= ${upTo}
          AND (iv."reportId" IS NULL OR (r.status IN ('SUBMITTED', 'APPROVED') AND r."submittedAt" <= ${cutoff}::timestamp))
        -- The board's order, no more: a further key would cost a sort per indicator, and a tie
        -- (two figures for one month reported at the same instant) is as unordered there as here.
        ORDER BY iv.month DESC, iv."reportedAt" DESC
        LIMIT 1
      ) v ON true
      WHERE c."planId" = ANY(${planIds})
      ORDER BY i."campaignId", i."sortOrder", i.id`,
    // One row per campaign, not per task: at county scale (20,000 tasks) the rows' own overhead,
    // not the data, made up most of the time. Dates as days since 1970 (concat leaves a null empty).
    // Subqueries per campaign, so that only these campaigns' tasks are read, through the index.
    db().$queryRaw<TaskList[]>`
      SELECT c.id AS "campaignId",
             (SELECT string_agg(concat(t."startDate" - DATE '1970-01-01', ' ', t."dueDate" - DATE '1970-01-01', ' ', ${taskState.status}, ' ', ${taskState.percentDone}, ' ',
                                       CASE WHEN t."closedAt" <= ${cutoff}::timestamp THEN 'CLOSED' ELSE 'OPEN' END, ' ', t.weight), ',')
              FROM "Task" t ${taskState.join}
              WHERE t."campaignId" = c.id
                -- A task whose dates or weight changed since it was first set is read with its history (changedHistory).
                AND NOT EXISTS (SELECT 1 FROM "PlanVersion" pv WHERE pv."taskId" = t.id AND pv.kind <> 'INITIAL' AND pv.status = 'IN_FORCE')) AS tasks
      FROM "Campaign" c
      WHERE c."planId" = ANY(${planIds})`,
    db().$queryRaw<ReportRow[]>`
      SELECT c.id AS "campaignId", r.status, r."submittedAt"
      FROM "Campaign" c
      CROSS JOIN LATERAL (
        SELECT r.status::text AS status, r."submittedAt", r."firstSubmittedAt"
        FROM "ProgressReport" r
        WHERE r."campaignId" = c.id AND r.month = ${month} AND r."submittedAt" <= ${cutoff}::timestamp
        ORDER BY r.revision DESC, r.id
        LIMIT 1
      ) r
      WHERE c."planId" = ANY(${planIds})`,
  ]);
  return {
    indicators: groupBy(indicators),
    tasks: new Map(tasks.map((t) => [t.campaignId, t.tasks ?? ""])),
    reports: new Map(reports.map((r) => [r.campaignId, r])),
  };
}

/**
 * The lights of a campaign's tasks. A task's light depends only on its dates, status and percent
 * done (the status rule is pure), and at county scale thousands of tasks share those: each distinct
 * one is worked out once per request.
 */
function taskLights(list: string | undefined, memo: Map<string, TaskStatus>, asOf: Date, yearStart: Date, rules: Rules) {
  if (!list) return [];
  return list.split(",").map((entry) => {
    const cut = entry.lastIndexOf(" ");
    const key = entry.slice(0, cut);
    // Number(text) is the double nearest the exact decimal, as Number(Decimal#toFixed()) on the board.
    const weight = Number(entry.slice(cut + 1));
    let status = memo.get(key);
    if (!status) {
      const [start, due, state, percentDone, closure] = key.split(" ");
      // As the board reads a DATE column: midnight UTC of that day.
      const input = {
        title: "",
        start: start ? new Date(Number(start) * DAY) : null,
        due: new Date(Number(due) * DAY),
        percentDone: Number(percentDone),
        status: state as TaskInput["status"],
        weight,
        closed: closure === "CLOSED",
      };
      status = taskStatus(input, asOf, yearStart, rules);
      memo.set(key, status);
    }
    return { light: status.light, overdue: status.overdue, reason: status.reason, weight };
  });
}

/**
 * The status rule is pure, so an indicator's light depends on these inputs alone; most figures stand
 * unchanged from one request to the next, so lights worked out once are kept (up to a bound) by input.
 */
const knownIndicatorLights = new Map<string, IndicatorStatus>();
const KEPT_INDICATOR_LIGHTS = 20_000;

function indicatorLight(
  i: IndicatorRow,
  plan: { planned: string | null; target: string | null },
  actual: { month: number; value: string } | null,
  rules: Rules,
): IndicatorStatus {
  // The rule reads every figure through new Decimal(…), so "1.50" and the board's "1.5" are alike.
  const input: IndicatorInput = {
    name: "",
    unit: i.unit,
    decimals: i.decimals,
    direction: i.direction,
    accumulation: i.accumulation,
    baseline: i.baseline === null ? null : String(i.baseline),
    actual,
    planned: actual ? plan.planned : null,
    target: plan.target,
  };
  const key = `${JSON.stringify(rules)} ${input.unit} ${input.decimals} ${input.direction} ${input.accumulation} ${input.baseline} ${actual?.month} ${actual?.value} ${input.planned} ${input.target}`;
  let status = knownIndicatorLights.get(key);
  if (!status) {
    status = indicatorStatus(input, rules);
    if (knownIndicatorLights.size >= KEPT_INDICATOR_LIGHTS) knownIndicatorLights.clear();
    knownIndicatorLights.set(key, status);
  }
  return status;
}

const str = (x: unknown) => (x === null || x === undefined ? null : String(x));

/** The plan's rules for its month as known at the cutoff (most plans have only their first version). */
async function planRules(
  plans: { id: string; reportDueDay: number; escalateAfterDays: number; lightRules: unknown }[],
  months: Map<string, number>,
  cutoff: Date,
) {
  const rows = await db().planVersion.findMany({
    where: { planId: { in: plans.map((p) => p.id) }, indicatorId: null, taskId: null, status: "IN_FORCE" },
    select: { id: true, planId: true, fromMonth: true, kind: true, status: true, inForceAt: true, requestedAt: true, reason: true, payload: true },
  });
  const out = new Map<string, PlanRules>();
  for (const p of plans) {
    const versions: Version<PlanRules>[] = rows
      .filter((r) => r.planId === p.id)
      .flatMap((r) => {
        const payload = readPlanRules(r.payload);
        return payload ? [{ ...r, payload }] : [];
      });
    const found = versionFor(versions, Math.max(months.get(p.id) ?? 1, 1), cutoff)?.payload;
    out.set(p.id, found ?? { reportDueDay: p.reportDueDay, escalateAfterDays: p.escalateAfterDays, rules: readRules(p.lightRules) });
  }
  return out;
}

/**
 * Indicators and tasks changed since they were first set, with their history (few at county scale).
 * A task's state is as it stands, or for a past month as its last counted update by the cutoff said.
 */
async function changedHistory(indicatorIds: string[], planIds: string[], cutoff: Date, historical: boolean) {
  const [indicatorRows, taskRows] = await Promise.all([
    indicatorIds.length
      ? db().planVersion.findMany({
          where: { indicatorId: { in: indicatorIds }, status: "IN_FORCE" },
          select: { id: true, indicatorId: true, fromMonth: true, kind: true, status: true, inForceAt: true, requestedAt: true, reason: true, payload: true },
        })
      : [],
    db().task.findMany({
      where: { campaign: { planId: { in: planIds } }, versions: { some: { kind: { not: "INITIAL" }, status: "IN_FORCE" } } },
      select: {
        id: true,
        campaignId: true,
        status: true,
        percentDone: true,
        closedAt: true,
        startDate: true,
        dueDate: true,
        weight: true,
        versions: {
          where: { status: "IN_FORCE" },
          select: { id: true, fromMonth: true, kind: true, status: true, inForceAt: true, requestedAt: true, reason: true, payload: true },
        },
        updates: historical
          ? { where: officialAt(cutoff), orderBy: { reportedAt: "desc" as const }, take: 1, select: { percentDone: true, status: true } }
          : { where: { id: "" }, select: { percentDone: true, status: true } },
      },
    }),
  ]);
  const indicators = new Map<string, Version<ReturnType<typeof readIndicatorPlan> & object>[]>();
  for (const r of indicatorRows) {
    const payload = readIndicatorPlan(r.payload);
    if (!payload || !r.indicatorId) continue;
    const list = indicators.get(r.indicatorId) ?? [];
    list.push({ ...r, payload });
    indicators.set(r.indicatorId, list);
  }
  const tasks = taskRows.map(({ updates, ...t }) => ({
    ...t,
    ...(historical ? (updates[0] ?? { percentDone: 0, status: "NOT_STARTED" as const }) : {}),
    versions: t.versions.flatMap((v) => {
      const payload = readTaskPlan(v.payload);
      return payload ? [{ ...v, payload }] : [];
    }),
  }));
  return { indicators, tasks };
}

/** The strictest plans count only approved figures: for them, each indicator's latest approved one. */
async function approvedFigures(indicatorIds: string[], cutoff: Date, months: Map<string, number>, planOf: Map<string, string>) {
  const out = new Map<string, { month: number; value: string; planned: string | null }>();
  if (indicatorIds.length === 0) return out;
  const rows = await db().indicatorValue.findMany({
    where: { indicatorId: { in: indicatorIds }, ...approvedAt(cutoff) },
    orderBy: [{ indicatorId: "asc" }, { month: "desc" }, { reportedAt: "desc" }],
    select: { indicatorId: true, month: true, value: true, indicator: { select: { trajectory: { select: { month: true, plannedValue: true } } } } },
  });
  for (const r of rows) {
    if (out.has(r.indicatorId) || r.month > (months.get(planOf.get(r.indicatorId) ?? "") ?? 0)) continue;
    const planned = r.indicator.trajectory.find((p) => p.month === r.month)?.plannedValue.toFixed() ?? null;
    out.set(r.indicatorId, { month: r.month, value: r.value.toFixed(), planned });
  }
  return out;
}

type CountyPlan = { id: string; year: number; reportDueDay: number; escalateAfterDays: number; lightRules: unknown };
type CampaignName = { id: string; planId: string; number: number; name: string };

/**
 * The lights of these campaigns (by plan, in the order given), each plan judged for its month as
 * known at `cutoff`: now for the overview, or the end of the month after a past month for the trend
 * (`historical`, as the board's ?asOf=).
 */
async function lightsAt(
  plans: CountyPlan[],
  campaigns: CampaignName[],
  months: Map<string, number>,
  cutoff: Date,
  historical: boolean,
): Promise<Map<string, CountyCampaign[]>> {
  const byPlan = new Map<string, CountyCampaign[]>();
  if (plans.length === 0) return byPlan;
  // The reporting month depends on the plan's year only: one set of queries per month, usually one.
  const byMonth = new Map<number, string[]>();
  for (const p of plans) {
    const month = months.get(p.id) ?? 0;
    const ids = byMonth.get(month);
    if (ids) ids.push(p.id);
    else byMonth.set(month, [p.id]);
  }
  const [inputs, rulesByPlan] = await Promise.all([
    Promise.all([...byMonth].map(([month, ids]) => lightInputs(ids, month, cutoff, historical))),
    planRules(plans, months, cutoff),
  ]);
  const indicators = new Map<string, IndicatorRow[]>();
  const tasks = new Map<string, string>();
  const reports = new Map<string, ReportRow>();
  for (const input of inputs) {
    for (const [id, rows] of input.indicators) indicators.set(id, rows);
    for (const [id, list] of input.tasks) tasks.set(id, list);
    for (const [id, row] of input.reports) reports.set(id, row);
  }
  const allIndicators = [...indicators.values()].flat();
  const strictPlans = new Set(plans.filter((p) => !(rulesByPlan.get(p.id)?.rules.countUnapproved ?? true)).map((p) => p.id));
  const [changed, approved] = await Promise.all([
    changedHistory(
      allIndicators.filter((i) => i.changed).map((i) => i.id),
      plans.map((p) => p.id),
      cutoff,
      historical,
    ),
    approvedFigures(
      allIndicators.filter((i) => strictPlans.has(i.planId) && i.pending).map((i) => i.id),
      cutoff,
      months,
      new Map(allIndicators.map((i) => [i.id, i.planId])),
    ),
  ]);
  const changedTasks = new Map<string, typeof changed.tasks>();
  for (const t of changed.tasks) changedTasks.set(t.campaignId, [...(changedTasks.get(t.campaignId) ?? []), t]);

  // One memo per plan (its rules and year start): a task's light is computed against both.
  const memos = new Map<string, Map<string, TaskStatus>>();
  const taskMemo = (planId: string) => {
    let memo = memos.get(planId);
    if (!memo) memos.set(planId, (memo = new Map()));
    return memo;
  };
  const planById = new Map(plans.map((p) => [p.id, p]));
  for (const c of campaigns) {
    const plan = planById.get(c.planId);
    const rules = rulesByPlan.get(c.planId);
    if (!plan || !rules) continue;
    const month = months.get(c.planId) ?? 0;
    const yearStart = startOfMonth(plan.year, 1);
    const due = month > 0 ? reportDueDate(plan.year, month, rules.reportDueDay) : null;
    const indicatorStatuses = (indicators.get(c.id) ?? []).map((i) => {
      const shown = i.month === null ? null : { month: i.month, value: String(i.value) };
      const older = i.pending && strictPlans.has(i.planId) ? (approved.get(i.id) ?? null) : undefined;
      const judged = older === undefined ? shown : older && { month: older.month, value: older.value };
      const history = changed.indicators.get(i.id);
      // Unchanged since first set (or judged for the figure's own month): the row is the plan.
      const plan =
        judged && (history || judged.month !== shown?.month)
          ? (() => {
              const p = history ? versionFor(history, judged.month, cutoff)?.payload : null;
              return p ? { planned: plannedFor(p, judged.month), target: p.target } : null;
            })()
          : null;
      const rowPlanned = judged && judged.month === shown?.month ? str(i.planned) : (older?.planned ?? null);
      return indicatorLight(i, plan ?? { planned: rowPlanned, target: str(i.target) }, judged, rules.rules);
    });
    const taskMonth = currentMonth(plan.year, cutoff);
    const taskStatuses = [
      ...taskLights(tasks.get(c.id), taskMemo(c.planId), cutoff, yearStart, rules.rules),
      ...(changedTasks.get(c.id) ?? []).map((t) => {
        const p = versionFor(t.versions, taskMonth, cutoff)?.payload;
        const weight = Number(p?.weight ?? t.weight.toFixed());
        const status = taskStatus(
          {
            title: "",
            start: p ? (p.startDate ? dateOf(p.startDate) : null) : t.startDate,
            due: p ? dateOf(p.dueDate) : t.dueDate,
            percentDone: t.percentDone,
            status: t.status,
            weight,
            closed: closedBy(t.closedAt, cutoff),
          },
          cutoff,
          yearStart,
          rules.rules,
        );
        return { ...status, weight };
      }),
    ];
    const found = reports.get(c.id);
    const firstSubmitted = found?.firstSubmittedAt ?? found?.submittedAt ?? null;
    const report = found ? { status: found.status, submittedAt: found.submittedAt, lateDays: due && firstSubmitted ? daysLate(due, firstSubmitted) : 0 } : null;
    // As on the board: days past the due date with no report for the month.
    const reportDaysLate = due && !report ? daysLate(due, cutoff) : 0;
    const { light, score, silence } = campaignStatus(
      indicatorStatuses,
      taskStatuses,
      { missing: month > 0 && !report, daysLate: reportDaysLate, redAfterDays: rules.escalateAfterDays },
      rules.rules,
    );
    const campaign = { id: c.id, number: c.number, name: c.name, report, reportDaysLate, status: { light, score, silence } };
    const planCampaigns = byPlan.get(c.planId);
    if (planCampaigns) planCampaigns.push(campaign);
    else byPlan.set(c.planId, [campaign]);
  }
  return byPlan;
}

async function overview(user: SessionUser) {
  const plans = await db().plan.findMany({
    where: { ...visiblePlans(user), status: "ACTIVE" },
    orderBy: [{ org: { name: "asc" } }, { year: "desc" }],
    select: {
      id: true,
      year: true,
      title: true,
      version: true,
      reportDueDay: true,
      escalateAfterDays: true,
      lightRules: true,
      org: { select: { id: true, name: true } },
    },
  });
  const today = now();
  const months = new Map(plans.map((p) => [p.id, reportingMonth(p.year, today)]));
  // Which campaigns the user may see is the scope's to say, so Prisma lists them.
  const campaigns = plans.length
    ? await db().campaign.findMany({
        where: { planId: { in: plans.map((p) => p.id) }, ...visibleCampaigns(user) },
        orderBy: { number: "asc" },
        select: { id: true, planId: true, number: true, name: true },
      })
    : [];
  const byPlan = await lightsAt(plans, campaigns, months, today, false);
  return plans.map((p) => ({ plan: p, campaigns: byPlan.get(p.id) ?? [], month: months.get(p.id) ?? 0 }));
}

/**
 * The lights of towns' campaigns for a past data month, as that month's board has them (read as of
 * the end of the month after it, so they never change afterwards). Towns whose plans share a year
 * share a cutoff, and each cutoff is one set of queries for all of them.
 */
export async function pastLights(
  towns: { plan: CountyPlan; campaigns: { id: string; number: number; name: string }[] }[],
  month: number,
): Promise<Map<string, CountyCampaign[]>> {
  const today = now();
  const byCutoff = new Map<number, typeof towns>();
  for (const t of towns) {
    const cutoff = cutoffFor(t.plan.year, month, today).getTime();
    byCutoff.set(cutoff, [...(byCutoff.get(cutoff) ?? []), t]);
  }
  const out = new Map<string, CountyCampaign[]>();
  for (const [time, group] of byCutoff) {
    const cutoff = new Date(time);
    const lights = await lightsAt(
      group.map((t) => t.plan),
      group.flatMap((t) => t.campaigns.map((c) => ({ ...c, planId: t.plan.id }))),
      new Map(group.map((t) => [t.plan.id, month])),
      cutoff,
      cutoff < today,
    );
    for (const [planId, campaigns] of lights) out.set(planId, campaigns);
  }
  return out;
}

type Overview = Awaited<ReturnType<typeof overview>>;
const sharedOverview = coalesced(overview);

// Computed overviews, kept by scope, minute and data stamp (see ./stamp): unchanged data is not
// recomputed, and any write is seen by the next request.
const overviews = databaseCache<Overview>(100);

/**
 * Every visible town's current (active) plan, with its campaigns' lights: the county overview.
 * At county scale it is a heavy computation, and county staff tend to open it together: callers who
 * may see the same plans and campaigns share one run (started after they asked, see ./coalesce),
 * so the result is shared too and must not be modified.
 */
export async function getCountyOverview(user: SessionUser): Promise<Overview> {
  // The scope is all the computation reads of the user: the same scope, the same overview.
  const scope = JSON.stringify([visiblePlans(user), visibleCampaigns(user)]);
  const key = `${scope}|${Math.floor(now().getTime() / 60_000)}|${await dataStamp()}`;
  const kept = overviews.get(key);
  if (kept) return kept;
  const computed = await sharedOverview(key, user);
  overviews.set(key, computed);
  return computed;
}
