// The county overview (全县概览): every visible town's current plan with its campaigns' lights.
// At county scale (100 towns × 10 campaigns) the board's Prisma query would load every value of
// every indicator and every column of every task, so this reads only what the lights need, with a
// few set-based queries, and feeds the same status rule (lib/status.ts) as the board.
import "server-only";
import { LRUCache } from "lru-cache";
import { visibleCampaigns, visiblePlans } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/roles";
import { now, reportingMonth } from "@/lib/clock";
import { db } from "@/lib/db";
import { campaignStatus, indicatorStatus, taskStatus, type CampaignStatus, type IndicatorInput, type IndicatorStatus, type TaskInput, type TaskStatus } from "@/lib/status";
import { coalesced } from "./coalesce";
import { context } from "./queries";
import { dataStamp } from "./stamp";

const DAY = 24 * 3600_000;

export interface CountyCampaign {
  id: string;
  number: number;
  name: string;
  /** This month's latest submitted report, if any: the page counts the campaigns without one. */
  report: { status: string; submittedAt: Date | null } | null;
  reportDaysLate: number;
  status: Pick<CampaignStatus, "light" | "score" | "reportLate">;
}

interface IndicatorRow {
  campaignId: string;
  direction: IndicatorInput["direction"];
  accumulation: IndicatorInput["accumulation"];
  baseline: unknown;
  month: number | null;
  value: unknown;
  planned: unknown;
}

/** A campaign's tasks, one "startDay dueDay status percentDone weight" entry each, comma-separated (see lightInputs). */
interface TaskList {
  campaignId: string;
  tasks: string | null;
}

interface ReportRow {
  campaignId: string;
  status: string;
  submittedAt: Date | null;
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
 * The official-figure rule is the board's (campaignSelect in ./queries; county.test.ts holds the two
 * in step by comparing every light with the board's): a value counts if it was
 * reported by the cutoff, for a month up to the reporting month, and either entered directly or
 * part of a report submitted (or approved) by the cutoff; the latest month wins, then the latest
 * reported figure for it. Tasks are as they stand now.
 */
async function lightInputs(planIds: string[], month: number, cutoff: Date) {
  const upTo = Math.max(month, 0);
  const [indicators, tasks, reports] = await Promise.all([
    db().$queryRaw<IndicatorRow[]>`
      SELECT i."campaignId", i.direction::text AS direction, i.accumulation::text AS accumulation,
             i."baselineValue"::text AS baseline, v.month, v.value::text AS value,
             -- A subquery, not a join: the planner would otherwise hash the whole trajectory table.
             (SELECT p."plannedValue"::text FROM "TrajectoryPoint" p WHERE p."indicatorId" = i.id AND p.month = v.month) AS planned
      FROM "Indicator" i
      JOIN "Campaign" c ON c.id = i."campaignId"
      LEFT JOIN LATERAL (
        SELECT iv.month, iv.value
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
             (SELECT string_agg(concat(t."startDate" - DATE '1970-01-01', ' ', t."dueDate" - DATE '1970-01-01', ' ', t.status, ' ', t."percentDone", ' ', t.weight), ',')
              FROM "Task" t WHERE t."campaignId" = c.id) AS tasks
      FROM "Campaign" c
      WHERE c."planId" = ANY(${planIds})`,
    db().$queryRaw<ReportRow[]>`
      SELECT c.id AS "campaignId", r.status, r."submittedAt"
      FROM "Campaign" c
      CROSS JOIN LATERAL (
        SELECT r.status::text AS status, r."submittedAt"
        FROM "ProgressReport" r
        WHERE r."campaignId" = c.id AND r.month = ${month} AND r."submittedAt" <= ${cutoff}::timestamp
        ORDER BY r.revision DESC, r.id
        LIMIT 1
      ) r
      WHERE c."planId" = ANY(${planIds})`,
  ]);
  return { indicators: groupBy(indicators), tasks: new Map(tasks.map((t) => [t.campaignId, t.tasks ?? ""])), reports: new Map(reports.map((r) => [r.campaignId, r])) };
}

/**
 * The lights of a campaign's tasks. A task's light depends only on its dates, status and percent
 * done (the status rule is pure), and at county scale thousands of tasks share those: each distinct
 * one is worked out once per request.
 */
function taskLights(list: string | undefined, memo: Map<string, TaskStatus>, asOf: Date, yearStart: Date) {
  if (!list) return [];
  return list.split(",").map((entry) => {
    const cut = entry.lastIndexOf(" ");
    const key = entry.slice(0, cut);
    // Number(text) is the double nearest the exact decimal, as Number(Decimal#toFixed()) on the board.
    const weight = Number(entry.slice(cut + 1));
    let status = memo.get(key);
    if (!status) {
      const [start, due, state, percentDone] = key.split(" ");
      // As the board reads a DATE column: midnight UTC of that day.
      const input = {
        title: "",
        start: start ? new Date(Number(start) * DAY) : null,
        due: new Date(Number(due) * DAY),
        percentDone: Number(percentDone),
        status: state as TaskInput["status"],
        weight,
      };
      status = taskStatus(input, asOf, yearStart);
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

function indicatorLight(i: IndicatorRow): IndicatorStatus {
  // The rule reads every figure through new Decimal(…), so "1.50" and the board's "1.5" are alike.
  const actual = i.month === null ? null : { month: i.month, value: String(i.value) };
  const input = {
    name: "",
    unit: "",
    direction: i.direction,
    accumulation: i.accumulation,
    baseline: i.baseline === null ? null : String(i.baseline),
    actual,
    planned: actual && i.planned !== null ? String(i.planned) : null,
  };
  const key = `${input.direction} ${input.accumulation} ${input.baseline} ${actual?.month} ${actual?.value} ${input.planned}`;
  let status = knownIndicatorLights.get(key);
  if (!status) {
    status = indicatorStatus(input);
    if (knownIndicatorLights.size >= KEPT_INDICATOR_LIGHTS) knownIndicatorLights.clear();
    knownIndicatorLights.set(key, status);
  }
  return status;
}

async function overview(user: SessionUser) {
  const plans = await db().plan.findMany({
    where: { ...visiblePlans(user), status: "ACTIVE" },
    orderBy: [{ org: { name: "asc" } }, { year: "desc" }],
    select: { id: true, year: true, title: true, reportDueDay: true, org: { select: { id: true, name: true } } },
  });
  const today = now();
  const contexts = new Map(plans.map((p) => [p.id, context(p, today, false)]));
  // The reporting month depends on the plan's year only: one set of queries per month, usually one.
  const byMonth = new Map<number, string[]>();
  for (const p of plans) {
    const month = contexts.get(p.id)?.month ?? 0;
    const ids = byMonth.get(month);
    if (ids) ids.push(p.id);
    else byMonth.set(month, [p.id]);
  }
  // Which campaigns the user may see is the scope's to say, so Prisma lists them, alongside the inputs.
  const [campaigns, inputs] = await Promise.all([
    plans.length
      ? db().campaign.findMany({
          where: { planId: { in: plans.map((p) => p.id) }, ...visibleCampaigns(user) },
          orderBy: { number: "asc" },
          select: { id: true, planId: true, number: true, name: true },
        })
      : [],
    Promise.all([...byMonth].map(([month, ids]) => lightInputs(ids, month, today))),
  ]);
  const indicators = new Map<string, IndicatorRow[]>();
  const tasks = new Map<string, string>();
  const reports = new Map<string, ReportRow>();
  for (const input of inputs) {
    for (const [id, rows] of input.indicators) indicators.set(id, rows);
    for (const [id, list] of input.tasks) tasks.set(id, list);
    for (const [id, row] of input.reports) reports.set(id, row);
  }

  // One memo per year start (the cutoff is the same for all): a light is computed against both.
  const memos = new Map<number, Map<string, TaskStatus>>();
  const taskMemo = (yearStart: Date) => {
    let memo = memos.get(yearStart.getTime());
    if (!memo) memos.set(yearStart.getTime(), (memo = new Map()));
    return memo;
  };
  const byPlan = new Map<string, CountyCampaign[]>();
  for (const c of campaigns) {
    const ctx = contexts.get(c.planId);
    if (!ctx) continue;
    const indicatorStatuses = (indicators.get(c.id) ?? []).map(indicatorLight);
    const taskStatuses = taskLights(tasks.get(c.id), taskMemo(ctx.yearStart), ctx.cutoff, ctx.yearStart);
    const found = reports.get(c.id);
    const report = found ? { status: found.status, submittedAt: found.submittedAt } : null;
    // As on the board: days past the due date with no report for the month.
    const reportDaysLate = ctx.due && !report && ctx.cutoff > ctx.due ? Math.floor((ctx.cutoff.getTime() - ctx.due.getTime()) / DAY) : 0;
    const { light, score, reportLate } = campaignStatus(indicatorStatuses, taskStatuses, reportDaysLate);
    const campaign = { id: c.id, number: c.number, name: c.name, report, reportDaysLate, status: { light, score, reportLate } };
    const planCampaigns = byPlan.get(c.planId);
    if (planCampaigns) planCampaigns.push(campaign);
    else byPlan.set(c.planId, [campaign]);
  }
  return plans.map((p) => ({ plan: p, campaigns: byPlan.get(p.id) ?? [], month: reportingMonth(p.year, today) }));
}

type Overview = Awaited<ReturnType<typeof overview>>;
const sharedOverview = coalesced(overview);

// Computed overviews, kept by scope, minute and data stamp (see ./stamp): unchanged data is not
// recomputed, and any write is seen by the next request.
const overviews = new LRUCache<string, Overview>({ max: 100 });

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
