import "server-only";
import { LRUCache } from "lru-cache";
import { cache } from "react";
import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/roles";
import { visiblePlans } from "@/lib/auth/scope";
import { endOfMonth, now, reportDueDate, reportingMonth } from "@/lib/clock";
import { db } from "@/lib/db";
import { boardCacheMetrics } from "@/lib/ops/metrics";
import { coalesced } from "./coalesce";
import { dataStamp } from "./stamp";
import { campaignStatus, indicatorStatus, taskStatus, type CampaignStatus, type IndicatorStatus, type TaskStatus } from "@/lib/status";

const DAY = 24 * 3600_000;
const SHANGHAI = 8 * 3600_000;

export interface BoardIndicator {
  id: string;
  name: string;
  nameEn: string | null;
  unit: string;
  decimals: number;
  baseline: string | null;
  target: string | null;
  planned: string | null;
  actual: { month: number; value: string; reportedBy: string; reportedAt: Date } | null;
  status: IndicatorStatus;
  isSample: boolean;
}

export interface BoardCampaign {
  id: string;
  number: number;
  name: string;
  nameEn: string | null;
  leadDepartment: string;
  leadingOfficial: string;
  leads: string;
  indicators: BoardIndicator[];
  tasks: { id: string; title: string; status: TaskStatus; weight: number; percentDone: number; due: Date }[];
  overdueTasks: number;
  progress: number;
  report: { status: string; submittedAt: Date | null } | null;
  reportDaysLate: number;
  status: CampaignStatus;
}

function campaignSelect(cutoff: Date, month: number, historical: boolean) {
  const known = { reportedAt: { lte: cutoff } };
  const official = { OR: [{ reportId: null }, { report: { status: { in: ["SUBMITTED" as const, "APPROVED" as const] }, submittedAt: { lte: cutoff } } }] };
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
      select: {
        id: true,
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
          where: { ...known, ...official, month: { lte: Math.max(month, 0) } },
          orderBy: [{ month: "desc" as const }, { reportedAt: "desc" as const }],
          take: 1,
          select: { month: true, value: true, reportedAt: true, reportedBy: { select: { name: true } } },
        },
      },
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
        // Only a past month needs the history; now, a task is as it stands.
        updates: historical
          ? { where: { ...known, ...official }, orderBy: { reportedAt: "desc" as const }, take: 1, select: { percentDone: true, status: true } }
          : { where: { id: "" }, select: { percentDone: true, status: true } },
      },
    },
    reports: {
      where: { month, submittedAt: { lte: cutoff } },
      orderBy: { revision: "desc" as const },
      take: 1,
      select: { status: true, submittedAt: true },
    },
  } satisfies Prisma.CampaignSelect;
}

type CampaignRow = Prisma.CampaignGetPayload<{ select: ReturnType<typeof campaignSelect> }>;

function toBoardCampaign(c: CampaignRow, ctx: { cutoff: Date; month: number; historical: boolean; yearStart: Date; due: Date | null }): BoardCampaign {
  const { cutoff, month, historical, yearStart, due } = ctx;
  const indicators: BoardIndicator[] = c.indicators.map((i) => {
    const v = i.values[0];
    const planned = v ? (i.trajectory.find((p) => p.month === v.month)?.plannedValue.toFixed() ?? null) : null;
    const input = {
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      accumulation: i.accumulation,
      baseline: i.baselineValue?.toFixed() ?? null,
      actual: v ? { month: v.month, value: v.value.toFixed() } : null,
      planned,
    };
    return {
      id: i.id,
      name: i.name,
      nameEn: i.nameEn,
      unit: i.unit,
      decimals: i.decimals,
      baseline: input.baseline,
      target: i.targetValue?.toFixed() ?? null,
      planned: i.trajectory.find((p) => p.month === Math.max(month, 1))?.plannedValue.toFixed() ?? null,
      actual: v ? { month: v.month, value: v.value.toFixed(), reportedBy: v.reportedBy.name, reportedAt: v.reportedAt } : null,
      status: indicatorStatus(input),
      isSample: i.baselineIsSample,
    };
  });
  const tasks = c.tasks.map((t) => {
    // As of a past month, a task is as its last update by then said (0% before any update).
    const state = historical ? (t.updates[0] ?? { percentDone: 0, status: "NOT_STARTED" as const }) : { percentDone: t.percentDone, status: t.status };
    const weight = Number(t.weight.toFixed());
    return {
      id: t.id,
      title: t.title,
      weight,
      percentDone: state.percentDone,
      due: t.dueDate,
      status: taskStatus({ title: t.title, start: t.startDate, due: t.dueDate, percentDone: state.percentDone, status: state.status, weight }, cutoff, yearStart),
    };
  });
  const report = c.reports[0] ?? null;
  const reportDaysLate = due && !report && cutoff > due ? Math.floor((cutoff.getTime() - due.getTime()) / DAY) : 0;
  const totalWeight = tasks.reduce((s, t) => s + t.weight, 0);
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    nameEn: c.nameEn,
    leadDepartment: c.leadDepartment?.name ?? "—",
    leadingOfficial: c.leadingOfficial?.name ?? "—",
    leads: c.leads.map((l) => l.user.name).join("、"),
    indicators,
    tasks,
    overdueTasks: tasks.filter((t) => t.status.overdue).length,
    progress: totalWeight ? Math.round(tasks.reduce((s, t) => s + t.weight * t.percentDone, 0) / totalWeight) : 0,
    report,
    reportDaysLate,
    status: campaignStatus(
      indicators.map((i) => i.status),
      tasks.map((t) => ({ ...t.status, weight: t.weight })),
      reportDaysLate,
    ),
  };
}

/** A plan's reporting month, year start and report due date as of `cutoff` (the county overview uses it too). */
export function context(plan: { year: number; reportDueDay: number }, cutoff: Date, historical: boolean) {
  const month = reportingMonth(plan.year, cutoff);
  return {
    cutoff,
    month,
    historical,
    yearStart: new Date(Date.UTC(plan.year, 0, 1) - SHANGHAI),
    due: month > 0 ? reportDueDate(plan.year, month, plan.reportDueDay) : null,
  };
}

interface ComputedBoard {
  cutoff: Date;
  month: number;
  due: Date | null;
  campaigns: BoardCampaign[];
}

async function computeBoard(arg: { plan: { id: string; year: number; reportDueDay: number }; cutoff: Date; historical: boolean }): Promise<ComputedBoard> {
  const { plan, cutoff, historical } = arg;
  const ctx = context(plan, cutoff, historical);
  const campaigns = await db().campaign.findMany({
    // Every campaign of a plan the user may see (getBoard checked the plan): the same for everyone.
    where: { planId: plan.id },
    orderBy: { number: "asc" },
    select: campaignSelect(cutoff, ctx.month, ctx.historical),
  });
  return { cutoff, month: ctx.month, due: ctx.due, campaigns: campaigns.map((c) => toBoardCampaign(c, ctx)) };
}

// Computed boards, kept by plan, "as of" and the data stamp: a write anywhere makes the next
// request compute afresh. The board "now" is also keyed by the minute, so that lights which
// depend on the time (tasks falling behind, reports getting late) move on without a write. The
// same board serves everyone who may see the plan, and people asking together share one run.
const computedBoards = new LRUCache<string, ComputedBoard>({ max: 500 });
const sharedBoard = coalesced(computeBoard);

/**
 * The board of a plan as known at `cutoff`: only figures and task updates reported by then count
 * (a later report or correction does not leak backwards), from submitted or approved reports or
 * entered directly. Without a cutoff it is the board now. The result is shared: read it, never change it.
 */
export const getBoard = cache(async (user: SessionUser, planId: string, asOf: { year: number; month: number } | null) => {
  const [plan, stamp] = await Promise.all([
    db().plan.findFirst({ where: { id: planId, ...visiblePlans(user) }, include: { org: { select: { name: true, nameEn: true } } } }),
    dataStamp(),
  ]);
  if (!plan) return null;
  const today = now();
  const cutoff = asOf ? new Date(Math.min(endOfMonth(asOf.year, asOf.month).getTime(), today.getTime())) : today;
  const when = asOf && cutoff < today ? `${asOf.year}-${asOf.month}` : `now@${Math.floor(today.getTime() / 60_000)}`;
  const key = `${plan.id}|${plan.version}|${asOf ? "history" : "current"}|${when}|${stamp}`;
  let board = computedBoards.get(key);
  if (board) boardCacheMetrics.hit();
  else {
    boardCacheMetrics.miss();
    board = await sharedBoard(key, { plan, cutoff, historical: !!asOf });
    computedBoards.set(key, board);
  }
  return { plan, asOf, ...board };
});
