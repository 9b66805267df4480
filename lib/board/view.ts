// What the board page shows, built from the computed board: every row's light, verdict and
// reasons in words, the indicator chains with their marks (another month's figure, 待审核, 目标调整),
// who has not reported, and the plan's 调整 that reached back to the month.
import { formatDate, formatQuantity } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { localName } from "@/lib/i18n/local-name";
import type { Adjustment } from "@/lib/plans/history/history";
import type { Board, BoardCampaign, BoardIndicator } from "./queries";
import { explainCampaign, monthName, unitSuffix, yearOnYearText } from "./reasons";

type T = (key: string, values?: Record<string, string | number>) => string;

export interface BoardRowIndicator {
  name: string;
  light: string;
  /** baseline → target → 序时目标 → actual, in the unit. */
  line: string;
  /** Words that qualify the figure: "2月数据", "待审核", "目标调整", "同比增长 8.2%". */
  marks: string[];
}

export interface BoardRow {
  id: string;
  number: number;
  name: string;
  /** RED | AMBER | GREEN | NONE: the URL filter uses the code (?f.status=RED or RED,AMBER). */
  light: string;
  lightLabel: string;
  verdict: string;
  /** "原因" or "需关注", for the list under the verdict. */
  listLabel: string;
  list: string[];
  indicators: BoardRowIndicator[];
  progress: number;
  overdue: number;
  report: string;
  /** Marks on the campaign: 目标调整, 逾期报送, 待审核. */
  marks: string[];
  department: string;
  official: string;
  /** One line for the phone list and the meeting view: the first reason, or the verdict without its light. */
  headline: string;
  /** The month's report is due and not in (未报送), and how many days late it is. */
  missing: boolean;
  daysLate: number;
  /** 批示 waiting for an answer or a 办结, and how many are overdue (lib/board/instructions.ts). */
  instructions?: { open: number; overdue: number };
}

export interface Translators {
  /** namespace "status" */
  st: T;
  /** namespace "reportStatus" */
  rs: T;
}

export function indicatorMarks(tr: Translators, locale: Locale, i: BoardIndicator, month: number, adjusted: boolean): string[] {
  const marks: string[] = [];
  if (i.actual && i.actual.month !== month) marks.push(tr.st("mark.otherMonth", { month: i.actual.month, monthName: monthName(i.actual.month, locale) }));
  if (i.actual?.pending) marks.push(tr.st("mark.pending"));
  if (i.awaiting) marks.push(tr.st("mark.awaiting", { month: i.awaiting.month, value: formatQuantity(i.awaiting.value, i.unit, locale, i.decimals) }));
  if (adjusted) marks.push(tr.st("mark.adjusted"));
  if (i.yoy) marks.push(yearOnYearText(tr.st, locale, i.yoy) + (i.yoySample ? tr.st("mark.sample") : ""));
  return marks;
}

export function indicatorLine(locale: Locale, i: BoardIndicator): string {
  const figure = (v: string | null) => (v === null ? "—" : formatQuantity(v, "", locale, i.decimals).trim());
  return [i.baseline, i.target, i.planned, i.actual?.value ?? null].map(figure).join(" → ") + unitSuffix(i.unit);
}

export function adjustedIds(adjustments: Adjustment[]): Set<string> {
  const ids = new Set<string>();
  for (const a of adjustments) {
    if ("indicatorId" in a.what) ids.add(a.what.indicatorId);
    if ("taskId" in a.what) ids.add(a.what.taskId);
  }
  return ids;
}

export function boardRow(tr: Translators, locale: Locale, c: BoardCampaign): BoardRow {
  const why = explainCampaign(tr.st, locale, c);
  const adjusted = adjustedIds(c.adjustments);
  const marks: string[] = [];
  if (c.adjustments.length) marks.push(tr.st("mark.adjusted"));
  if (c.report && c.report.lateDays > 0) marks.push(`${tr.st("mark.lateSubmitted")} ${c.report.lateDays}`);
  if (c.hasPending) marks.push(tr.st("mark.pending"));
  return {
    id: c.id,
    number: c.number,
    name: localName(c, locale),
    light: c.status.light,
    lightLabel: tr.st(`light.${c.status.light}`),
    verdict: why.verdict,
    listLabel: why.reasons.length ? tr.st("campaign.reasons") : why.watch.length ? tr.st("campaign.watch") : "",
    list: why.reasons.length ? why.reasons : why.watch,
    indicators: c.indicators.slice(0, 3).map((i) => ({
      name: localName(i, locale),
      light: i.status.light,
      line: indicatorLine(locale, i),
      marks: indicatorMarks(tr, locale, i, c.month, adjusted.has(i.id)),
    })),
    progress: c.progress,
    overdue: c.overdueTasks,
    report: c.month > 0 ? (c.report ? tr.rs(c.report.status) : tr.rs("MISSING")) : "—",
    marks,
    department: c.leadDepartment,
    official: c.leadingOfficial,
    // Red or amber for not reporting: that is the one line, whatever else lags.
    headline: c.status.silence !== "none" ? withoutLight(why.verdict, tr.st(`light.${c.status.light}`)) : headline(why, tr.st(`light.${c.status.light}`)),
    missing: c.month > 0 && !c.report,
    daysLate: c.month > 0 && !c.report ? c.reportDaysLate : (c.report?.lateDays ?? 0),
  };
}

/** The first reason, else the verdict without "红灯：" (the light is shown beside it). */
export function headline(why: { verdict: string; reasons: string[]; watch: string[] }, lightWord: string): string {
  return why.reasons[0] ?? why.watch[0] ?? withoutLight(why.verdict, lightWord);
}

/** "红灯：3月进度报告逾期 5 天未报送" → "3月进度报告逾期 5 天未报送", where the light is shown beside it. */
export function withoutLight(verdict: string, lightWord: string): string {
  for (const colon of ["：", ": "]) if (verdict.startsWith(lightWord + colon)) return verdict.slice(lightWord.length + colon.length);
  return verdict;
}

const RANK: Record<string, number> = { RED: 0, AMBER: 1, NONE: 2, GREEN: 3 };

/** The phone list's order: 未报送 first (longest late first), then reports in late, then red, amber, no data, green; by number within. */
export function phoneOrder<R extends Pick<BoardRow, "number" | "light" | "missing" | "daysLate">>(rows: R[]): R[] {
  const group = (r: R) => (r.missing ? 0 : r.daysLate > 0 ? 1 : 2);
  return [...rows].sort(
    (a, b) =>
      group(a) - group(b) || (a.missing || b.missing ? b.daysLate - a.daysLate : 0) || (RANK[a.light] ?? 2) - (RANK[b.light] ?? 2) || a.number - b.number,
  );
}

export type Since = { kind: "first" } | { kind: "same" | "better" | "worse"; from: string };

/** How a light moved since last month's board ("since last month" in the meeting view). No data is neither better nor worse. */
export function sinceLastMonth(previous: string | null, light: string): Since {
  if (previous === null) return { kind: "first" };
  if (previous === light) return { kind: "same", from: previous };
  const order: Record<string, number> = { GREEN: 0, AMBER: 1, RED: 2 };
  const [a, b] = [order[previous], order[light]];
  if (a === undefined || b === undefined) return { kind: "same", from: previous };
  return { kind: b > a ? "worse" : "better", from: previous };
}

export interface AdjustmentLine {
  id: string;
  text: string;
}

/** "工业总产值：自3月起调整，2018年4月12日 王芳，原因：…" for each 调整 that reached back to the month. */
export function adjustmentLines(t: T, locale: Locale, board: Pick<Board, "campaigns" | "planIndicators" | "adjustments">): AdjustmentLine[] {
  const names = new Map<string, string>();
  for (const c of board.campaigns) {
    for (const i of c.indicators) names.set(i.id, localName(i, locale));
    for (const task of c.tasks) names.set(task.id, task.title);
  }
  for (const i of board.planIndicators) names.set(i.id, localName(i, locale));
  return board.adjustments.map((a) => {
    const what = "plan" in a.what ? t("adjustment.rules") : (names.get("indicatorId" in a.what ? a.what.indicatorId : a.what.taskId) ?? "—");
    return {
      id: a.id,
      text: t("adjustment.line", {
        what,
        from: monthName(a.fromMonth, locale),
        date: formatDate(a.inForceAt, locale),
        by: a.by ?? "—",
        reason: a.reason ?? "—",
      }),
    };
  });
}
