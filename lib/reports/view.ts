// What the monthly report page shows, built from what getReportPage loaded: the indicators and tasks
// as the form and the read-only view take them (plain strings, no Decimal or Date), the values an
// editor starts from, the evidence list, how late the month is, and the revision on show.
import { daysOverdue, reportDueDate } from "@/lib/clock";
import { formatDate, formatDateTime, formatNumber, formatQuantity } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { localName } from "@/lib/i18n/local-name";
import type { getReportPage, ReportRevision } from "./queries";
import { isPercentUnit } from "./schemas";

type ReportPage = NonNullable<Awaited<ReturnType<typeof getReportPage>>>;
type Full = Extract<ReportRevision, { hidden: false }>;
type Decimalish = { toFixed(): string };

export interface ReportIndicator {
  id: string;
  name: string;
  unit: string;
  decimals: number;
  baseline: string;
  target: string;
  planned: string;
  previous: string;
  /** The month before's official figure, unformatted: a year-to-date figure below it needs a reason. */
  previousValue: string | null;
  /** A year-to-date (累计) figure. */
  cumulative: boolean;
  /** A % figure that must stay within 0–100. */
  percentRange: boolean;
}

export interface ReportTask {
  id: string;
  title: string;
  /** The parent task, for one level of nesting. */
  parentId: string | null;
  nested: boolean;
  due: string;
  owner: string;
  percentDone: number;
  status: string;
  /** 销号: a task asked for or closed keeps its progress; the report shows it, and cannot change it. */
  closure: "OPEN" | "REQUESTED" | "CLOSED";
  /** The task's version when the page was loaded: submitting over a newer task save is refused. */
  version: number;
}

export interface ReportAttachment {
  id: string;
  fileName: string;
  size: string;
  uploadedBy: string;
  uploadedAt: string;
}

interface IndicatorRow {
  id: string;
  name: string;
  nameEn: string | null;
  unit: string;
  decimals: number;
  allowOutOfRange: boolean;
  accumulation: string;
  baselineValue: Decimalish | null;
  values: { value: Decimalish }[];
}

/** Each indicator with its figures in words; `plans` holds the month's target and planned value as the report is read against. */
export function reportIndicators(
  indicators: IndicatorRow[],
  plans: Map<string, { target: string | null; planned: string | null }>,
  locale: Locale,
): ReportIndicator[] {
  return indicators.map((i) => ({
    id: i.id,
    name: localName(i, locale),
    unit: i.unit,
    decimals: i.decimals,
    baseline: formatQuantity(i.baselineValue, i.unit, locale, i.decimals),
    target: formatQuantity(plans.get(i.id)?.target, i.unit, locale, i.decimals),
    planned: formatQuantity(plans.get(i.id)?.planned, i.unit, locale, i.decimals),
    previous: formatQuantity(i.values[0]?.value, i.unit, locale, i.decimals),
    previousValue: i.values[0]?.value.toFixed() ?? null,
    cumulative: i.accumulation === "CUMULATIVE",
    percentRange: isPercentUnit(i.unit) && !i.allowOutOfRange,
  }));
}

interface TaskRow {
  id: string;
  title: string;
  parentId: string | null;
  dueDate: Date;
  percentDone: number;
  status: string;
  /** Absent in rows read before 销号 existed (tests): an open task. */
  closure?: "OPEN" | "REQUESTED" | "CLOSED";
  version: number;
  owner: { name: string } | null;
}

/** The tasks, parents first, each followed by its children. */
export function reportTasks(tasks: TaskRow[], locale: Locale): ReportTask[] {
  const rows: ReportTask[] = tasks.map((task) => ({
    id: task.id,
    title: task.title,
    parentId: task.parentId,
    nested: !!task.parentId,
    due: formatDate(task.dueDate, locale),
    owner: task.owner?.name ?? "—",
    percentDone: task.percentDone,
    status: task.status,
    closure: task.closure ?? "OPEN",
    version: task.version,
  }));
  return rows.filter((x) => !x.parentId).flatMap((parent) => [parent, ...rows.filter((c) => c.parentId === parent.id)]);
}

type Editing = Pick<Full, "progressText" | "problemsText" | "nextStepsText"> & {
  values: { indicatorId: string; value: Decimalish; decreaseReason: string | null }[];
  taskUpdates: { taskId: string; percentDone: number; status: string }[];
};

/** Field name → value the form starts from: the revision being edited, else empty text and the tasks as they stand. */
export function reportInitialValues(editing: Editing | null, tasks: Pick<TaskRow, "id" | "percentDone" | "status">[]): Record<string, string> {
  const initial: Record<string, string> = {
    progressText: editing?.progressText ?? "",
    problemsText: editing?.problemsText ?? "",
    nextStepsText: editing?.nextStepsText ?? "",
  };
  for (const v of editing?.values ?? []) {
    initial[`value.${v.indicatorId}`] = v.value.toFixed();
    if (v.decreaseReason) initial[`decrease.${v.indicatorId}`] = v.decreaseReason;
  }
  for (const task of tasks) {
    const u = editing?.taskUpdates.find((x) => x.taskId === task.id);
    initial[`task.${task.id}.percent`] = String(u?.percentDone ?? task.percentDone);
    initial[`task.${task.id}.status`] = u?.status ?? task.status;
  }
  return initial;
}

/** The evidence files, their size in KB and who uploaded them when. */
export function reportAttachments(attachments: Full["attachments"], locale: Locale): ReportAttachment[] {
  return attachments.map((a) => ({
    id: a.id,
    fileName: a.fileName,
    size: `${formatNumber(a.size / 1024, locale, 0)} KB`,
    uploadedBy: a.uploadedBy.name,
    uploadedAt: formatDateTime(a.createdAt, locale),
  }));
}

/** 已逾期 N 天: only while the month's report has not gone in (missing, or still a draft). */
export function reportDaysLate(status: string, year: number, month: number, dueDay: number, today?: Date): number {
  return status === "MISSING" || status === "DRAFT" ? daysOverdue(year, month, dueDay, today) : 0;
}

/** A revision as the read-only view shows it: figures in their unit, the reasons for a fall, the task updates, the narrative. */
export function shownReport(shown: Full, indicators: Pick<IndicatorRow, "id" | "unit" | "decimals">[], locale: Locale) {
  return {
    values: Object.fromEntries(
      shown.values.map((v) => {
        const ind = indicators.find((i) => i.id === v.indicatorId);
        return [v.indicatorId, formatQuantity(v.value, ind?.unit ?? "", locale, ind?.decimals ?? 2)];
      }),
    ),
    decreaseReasons: Object.fromEntries(shown.values.filter((v) => v.decreaseReason).map((v) => [v.indicatorId, v.decreaseReason ?? ""])),
    taskUpdates: Object.fromEntries(shown.taskUpdates.map((u) => [u.taskId, u])),
    narrative: { progressText: shown.progressText, problemsText: shown.problemsText, nextStepsText: shown.nextStepsText },
  };
}

/** The whole page's model. */
export function reportPageView(page: ReportPage, plans: Map<string, { target: string | null; planned: string | null }>, month: number, locale: Locale) {
  const { campaign, latest, shown } = page;
  const year = campaign.plan.year;
  // An editor always reads the latest revision whole (a lead may read their own draft).
  const editing = page.may.edit && latest && !latest.hidden ? latest : null;
  const status = latest?.status ?? "MISSING";
  return {
    year,
    indicators: reportIndicators(campaign.indicators, plans, locale),
    tasks: reportTasks(campaign.tasks, locale),
    initial: reportInitialValues(editing, campaign.tasks),
    attachments: reportAttachments((editing ?? shown)?.attachments ?? [], locale),
    status,
    daysLate: reportDaysLate(status, year, month, campaign.plan.reportDueDay),
    dueDate: reportDueDate(year, month, campaign.plan.reportDueDay),
    /** The latest revision whose state others may see: its return reason, who submitted and decided it. */
    decided: latest && !latest.hidden ? latest : null,
    shown: shown ? shownReport(shown, campaign.indicators, locale) : null,
  };
}
