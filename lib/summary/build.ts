// Builds the monthly summary (月报) of a plan for one month from the board and the history, as it
// stood when that month's reports were due: the summary for month M is the board at the end of
// month M+1 (or now, if earlier). Reports, values and comments entered later do not leak in, so
// generating February's summary again in June gives the February that was circulated.
import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { explainCampaign, indicatorReason, progressWords, ruleLines, yearOnYearText } from "@/lib/board/reasons";
import { getBoard, type BoardCampaign, type BoardIndicator } from "@/lib/board/queries";
import { adjustedIds, adjustmentLines } from "@/lib/board/view";
import { indicatorChanges, taskChanges } from "@/lib/campaigns/changes";
import { formatQuantity } from "@/lib/format";
import { startOfMonth } from "@/lib/clock";
import { localName } from "@/lib/i18n/local-name";
import { db } from "@/lib/db";
import { officialAt } from "@/lib/reports/official";
import type { Locale } from "@/lib/i18n/config";
import type { Light } from "@/lib/status";
import type { MonthlySummary, SummaryCampaign, SummaryChange, SummaryIndicator, SummaryMissing } from "./model";
import { exportableCampaigns } from "@/lib/auth/scope";
import { givenLateReasons, lateReasons } from "./late-reasons";
import { summaryInstructions } from "./instructions";
import { catalogue } from "./text";

export interface SummaryRequest {
  planId: string;
  month: number;
  /** The campaigns to include; empty means every campaign the user may export. */
  campaignIds: string[];
  locale: Locale;
  /** With the task-by-task change list as an appendix (附件); a short 月报 without it. */
  appendix?: boolean;
}

export type BuiltSummary =
  | { ok: true; summary: MonthlySummary; planId: string; orgId: string; year: number; campaignNumbers: number[]; wholePlan: boolean }
  | { ok: false; error: "notFound" | "forbidden" | "month" | "campaigns" };

/** The plan's title without its year: "2018年十大战役" → "十大战役", for "2018年3月十大战役工作月报". */
export function titleWithoutYear(title: string, year: number): string {
  const stripped = title.replace(new RegExp(`^\\s*${year}\\s*年?\\s*`), "").trim();
  return stripped || title;
}

/** To make an archived summary again exactly: as it was seen then, and by whom. */
export interface AsGenerated {
  at: Date;
  by: string;
  /** The header block it was made with (archives from before it existed have none: the plan's now). */
  issuer?: string | null;
  issueNumber?: number | null;
}

/** 期号 of a month's 月报: the plan's first issue is the month it names; never below 1. */
export function issueNumber(month: number, firstMonth: number): number {
  return Math.max(1, month - firstMonth + 1);
}

export async function buildSummary(user: SessionUser, request: SummaryRequest, as?: AsGenerated): Promise<BuiltSummary> {
  const { planId, month, locale } = request;
  const appendix = request.appendix ?? false;
  const plan = await db().plan.findFirst({
    where: { id: planId, orgId: { in: user.orgIds } },
    select: {
      id: true,
      orgId: true,
      year: true,
      baselineYear: true,
      title: true,
      titleEn: true,
      documentIssuer: true,
      documentFirstMonth: true,
      org: { select: { name: true } },
      _count: { select: { campaigns: true } },
    },
  });
  if (!plan) return { ok: false, error: "notFound" };

  const exportable = await db().campaign.findMany({ where: { planId, ...exportableCampaigns(user) }, select: { id: true } });
  if (exportable.length === 0) return { ok: false, error: "forbidden" };
  const allowed = new Set(exportable.map((c) => c.id));
  const wanted = request.campaignIds.length ? request.campaignIds : [...allowed];
  if (wanted.some((id) => !allowed.has(id))) return { ok: false, error: "campaigns" };

  // The summary of a month is that month's board, as it stood when the month's reports were due.
  const board = await getBoard(user, planId, month, as?.at);
  if (!board) return { ok: false, error: "notFound" };
  // A month whose reports are not yet due has no summary.
  if (board.refused || month < 1) return { ok: false, error: "month" };

  const chosen = new Set(wanted);
  const campaigns = board.campaigns.filter((c) => chosen.has(c.id));
  const details = await loadDetails(
    campaigns.map((c) => c.id),
    plan.year,
    month,
    board.cutoff,
    catalogue(locale, "summary"),
  );

  const st = catalogue(locale, "status");
  const rs = catalogue(locale, "reportStatus");
  const s = catalogue(locale, "summary");
  const bt = catalogue(locale, "board");
  const lights: Record<Light, number> = { GREEN: 0, AMBER: 0, RED: 0, NONE: 0 };
  const summaryCampaigns: SummaryCampaign[] = [];
  const missing: SummaryMissing[] = [];
  const changes: SummaryChange[] = [];
  for (const c of campaigns) {
    const d = details.get(c.id);
    lights[c.status.light] += 1;
    summaryCampaigns.push(toSummaryCampaign(c, d, { st, rs, bt, locale, month }));
    if (!d?.report) {
      missing.push({
        number: c.number,
        campaign: c.name,
        leads: c.leads,
        leadingOfficial: c.leadingOfficial,
        daysLate: c.reportDaysLate,
        reminders: d?.reminders ?? 0,
      });
    }
    if (d && appendix) {
      const ind = indicatorChanges(d.indicators, month).filter((x) => x.previous === null || x.delta !== "0");
      const tasks = taskChanges(d.tasks, month);
      if (ind.length || tasks.length) {
        changes.push({
          number: c.number,
          campaign: c.name,
          indicators: ind.map(({ name, unit, decimals, previous, current, delta }) => ({ name, unit, decimals, previous, current, delta })),
          tasks: tasks.map(({ title, previous, current }) => ({ title, previous, current })),
        });
      }
    }
  }

  const planName = locale === "en" && plan.titleEn ? plan.titleEn : titleWithoutYear(plan.title, plan.year);
  const planIndicators = board.planIndicators.map((i) => summaryIndicator(i, { st, locale, month, adjusted: adjustedIds(board.adjustments) }));
  const allIndicators = [...planIndicators, ...summaryCampaigns.flatMap((c) => c.indicators)];
  const notes: string[] = [];
  if (allIndicators.some((i) => !i.yoyKnown)) notes.push(st("yoy.note", { year: plan.baselineYear }));
  if (allIndicators.some((i) => i.pending)) notes.push(bt("pendingNote"));
  const summary: MonthlySummary = {
    cover: {
      title: s("title", { year: plan.year, month, plan: planName }),
      orgName: plan.org.name,
      planTitle: locale === "en" && plan.titleEn ? plan.titleEn : plan.title,
      year: plan.year,
      month,
      baselineYear: plan.baselineYear,
      generatedBy: as?.by ?? user.name,
      generatedAt: as?.at ?? board.seenAt,
      campaignCount: campaigns.length,
      planCampaignCount: plan._count.campaigns,
      lights,
      hasSampleData: allIndicators.some((i) => i.isSample),
      document: {
        issuer: as?.issuer ?? plan.documentIssuer ?? plan.org.name,
        issueNumber: as?.issueNumber ?? issueNumber(month, plan.documentFirstMonth),
        date: as?.at ?? board.seenAt,
      },
    },
    adjustments: adjustmentLines(bt, locale, board).map((a) => a.text),
    notes,
    rules: ruleLines(catalogue(locale, "rule"), board.rules, plan.baselineYear),
    planIndicators,
    campaigns: summaryCampaigns,
    missing,
    instructions: await summaryInstructions(campaigns, plan.year, month, board.cutoff, s),
    changes,
    appendix,
  };
  return {
    ok: true,
    summary,
    planId,
    orgId: plan.orgId,
    year: plan.year,
    campaignNumbers: campaigns.map((c) => c.number),
    wholePlan: campaigns.length === plan._count.campaigns,
  };
}

type Details = Awaited<ReturnType<typeof loadDetails>> extends Map<string, infer D> ? D : never;
type T = (key: string, values?: Record<string, string | number>) => string;

function summaryIndicator(i: BoardIndicator, ctx: { st: T; locale: Locale; month: number; adjusted: Set<string> }): SummaryIndicator {
  const { st, locale } = ctx;
  const f = i.status.figures;
  return {
    name: localName(i, locale),
    unit: i.unit,
    decimals: i.decimals,
    kind: i.kind,
    baseline: i.baseline,
    target: i.target,
    planned: i.planned,
    planMonth: i.planMonth,
    actual: i.actual?.value ?? null,
    actualMonth: i.actual?.month ?? null,
    completion: f?.completion ?? null,
    schedule: f?.schedule ?? null,
    gap: f?.gap ?? null,
    gapInPoints: i.kind === "ytd" || i.kind === "rate",
    progress: progressWords(st, locale, i),
    yoy: yearOnYearText(st, locale, i.yoy) + (i.yoy && i.yoySample ? st("mark.sample") : ""),
    yoyKnown: i.yoy !== null,
    pending: i.actual?.pending ?? false,
    awaiting: i.awaiting ? st("mark.awaiting", { month: i.awaiting.month, value: formatQuantity(i.awaiting.value, i.unit, locale, i.decimals) }) : null,
    adjusted: ctx.adjusted.has(i.id),
    light: i.status.light,
    reason: indicatorReason(st, locale, i),
    isSample: i.isSample,
  };
}

function toSummaryCampaign(c: BoardCampaign, d: Details | undefined, ctx: { st: T; rs: T; bt: T; locale: Locale; month: number }): SummaryCampaign {
  const { st, rs, bt, locale } = ctx;
  const why = explainCampaign(st, locale, c);
  const adjusted = adjustedIds(c.adjustments);
  return {
    number: c.number,
    name: localName(c, locale),
    leadDepartment: c.leadDepartment,
    leadingOfficial: c.leadingOfficial,
    leads: c.leads,
    light: c.status.light,
    verdict: why.verdict,
    reasonsLabel: why.reasons.length ? st("campaign.reasons") : why.watch.length ? st("campaign.watch") : "",
    reasons: why.reasons.length ? why.reasons : why.watch,
    adjustments: adjustmentLines(bt, locale, { campaigns: [c], planIndicators: [], adjustments: c.adjustments }).map((a) => a.text),
    progress: c.progress,
    taskCount: c.tasks.length,
    overdueTasks: c.tasks
      .filter((t) => t.status.overdue)
      .map((t) => ({ title: t.title, percentDone: t.percentDone, due: t.due, light: t.status.light, overdue: true, reason: d?.lateReasons.get(t.id) ?? null })),
    indicators: c.indicators.map((i) => summaryIndicator(i, { st, locale, month: ctx.month, adjusted })),
    report: d?.report
      ? {
          status: rs(d.report.status),
          submittedAt: d.report.submittedAt,
          lateDays: c.report?.lateDays ?? 0,
          progressText: d.report.progressText,
          problemsText: d.report.problemsText,
          nextStepsText: d.report.nextStepsText,
        }
      : null,
    comments: d?.comments.map((x) => ({ author: x.author.name, at: x.createdAt, body: x.body })) ?? [],
  };
}

/** What the board does not carry: the narrative, comments, reminders and two months of history. */
async function loadDetails(campaignIds: string[], year: number, month: number, cutoff: Date, words: T) {
  const official = officialAt(cutoff);
  const monthStart = startOfMonth(year, month);
  const rows = await db().campaign.findMany({
    where: { id: { in: campaignIds } },
    select: {
      id: true,
      indicators: {
        orderBy: { sortOrder: "asc" },
        select: {
          id: true,
          name: true,
          unit: true,
          decimals: true,
          accumulation: true,
          values: { where: { ...official, month: { in: [month - 1, month] } }, select: { month: true, value: true, reportedAt: true } },
        },
      },
      tasks: {
        select: {
          id: true,
          title: true,
          updates: { where: { ...official, month: { lte: month } }, select: { month: true, percentDone: true, reportedAt: true, note: true } },
        },
      },
      reports: {
        where: { year, month, status: { in: ["SUBMITTED", "APPROVED"] }, submittedAt: { lte: cutoff } },
        orderBy: { revision: "desc" },
        take: 1,
        select: { status: true, submittedAt: true, progressText: true, problemsText: true, nextStepsText: true },
      },
      comments: {
        where: { createdAt: { lte: cutoff }, OR: [{ report: { year, month } }, { reportId: null, createdAt: { gte: monthStart } }] },
        orderBy: { createdAt: "asc" },
        select: { body: true, createdAt: true, author: { select: { name: true } } },
      },
      // 催办次数: presses and scheduled steps (rounds), not the people each reached.
      _count: { select: { reminderRounds: { where: { year, month, createdAt: { lte: cutoff } } } } },
    },
  });
  const given = await givenLateReasons(campaignIds, cutoff);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        indicators: r.indicators,
        tasks: r.tasks,
        lateReasons: lateReasons(r.tasks, given, (reason, remedy) => words("lateReason", { reason, remedy })),
        report: r.reports[0] ?? null,
        comments: r.comments,
        reminders: r._count.reminderRounds,
      },
    ]),
  );
}
