// The monthly summary (月报) of a plan, built once (build.ts) and rendered to every format
// (render/*). Renderers only lay it out: every status, reason and sentence is decided here, so
// the XLSX, CSV, PDF and Word files of one summary can never disagree.
// Figures are exact decimal strings; a renderer turns them into numbers or text as its format needs.
import type { IndicatorKind, Light } from "@/lib/status";

/**
 * "csv" is the flat table of indicators; "csv-tasks" the second CSV, of overdue tasks and missing
 * reports (a choice on the export page rather than a zip: each opens directly in Excel).
 */
export type SummaryFormat = "xlsx" | "csv" | "csv-tasks" | "pdf" | "docx";
export const SUMMARY_FORMATS: readonly SummaryFormat[] = ["docx", "pdf", "xlsx", "csv", "csv-tasks"] as const;

export const SUMMARY_MIME: Record<SummaryFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  "csv-tasks": "text/csv; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export const SUMMARY_EXTENSION: Record<SummaryFormat, string> = { xlsx: "xlsx", csv: "csv", "csv-tasks": "csv", pdf: "pdf", docx: "docx" };

/** The 发文机关/期号/日期 block at the head of the Word and PDF 月报 (版头). */
export interface SummaryDocumentHeader {
  /** 发文机关, e.g. "沈荡镇人民政府办公室" (the town's name when the plan sets none). */
  issuer: string;
  /** 期号: "第3期" is 3. */
  issueNumber: number;
  /** 成文日期: the day the summary was made. */
  date: Date;
}

export interface SummaryCover {
  /** e.g. "2018年3月十大战役工作月报" (also the file name, before the extension). */
  title: string;
  orgName: string;
  planTitle: string;
  year: number;
  month: number;
  baselineYear: number;
  generatedBy: string;
  generatedAt: Date;
  /** Campaigns in this summary, and in the plan: a lead's summary holds only their own. */
  campaignCount: number;
  planCampaignCount: number;
  /** Lights of the campaigns in this summary. */
  lights: Record<Light, number>;
  /** True when any figure in it is sample data (示例), so every format can say so. */
  hasSampleData: boolean;
  document: SummaryDocumentHeader;
}

export interface SummaryIndicator {
  name: string;
  unit: string;
  decimals: number;
  /** How it is read: year to date (完成年度目标 vs 序时进度), a count to keep low, a rate, a level. */
  kind: IndicatorKind;
  /** Baseline-year figure. */
  baseline: string | null;
  /** The plan in force for planMonth (the actual's month, or the summary's without one). */
  target: string | null;
  planned: string | null;
  planMonth: number;
  /** Latest official actual up to the summary's month, and which month it is for. */
  actual: string | null;
  actualMonth: number | null;
  /** Year to date only: 完成年度目标 % and 序时进度 %, one decimal. */
  completion: string | null;
  schedule: string | null;
  /** Signed distance from the plan: 个百分点 (gapInPoints) for year-to-date figures and rates, the unit otherwise. */
  gap: string | null;
  gapInPoints: boolean;
  /** The distance in words: "慢于序时进度 3.2 个百分点", "控制在序时额度内". */
  progress: string;
  /** 同比 in words ("同比增长 8.2%"), or "—" when the baseline year's same period is unknown. */
  yoy: string;
  yoyKnown: boolean;
  /** From a report not yet approved (待审核). */
  pending: boolean;
  /** A newer figure awaiting review that the plan does not count, in words; null when there is none. */
  awaiting: string | null;
  /** Its plan for the month was changed by a 调整. */
  adjusted: boolean;
  light: Light;
  /** The status rule's reason as a sentence. */
  reason: string;
  isSample: boolean;
}

export interface SummaryTask {
  title: string;
  percentDone: number;
  due: Date;
  light: Light;
  overdue: boolean;
  /** Why it is late, as its reporter wrote it (逾期原因: the note of its latest update); null without one. */
  reason: string | null;
}

export interface SummaryComment {
  author: string;
  at: Date;
  body: string;
}

export interface SummaryCampaign {
  number: number;
  name: string;
  leadDepartment: string;
  leadingOfficial: string;
  leads: string;
  light: Light;
  /** The light and why, in one sentence ("红灯：3月进度报告逾期 5 天未报送（超过 3 天）"). */
  verdict: string;
  /** "原因" (under amber or red) or "需关注" (under green), for the list that follows; empty without one. */
  reasonsLabel: string;
  /** The items behind the verdict, worst first: sentences from the status rule. */
  reasons: string[];
  /** The 调整 of its plan that reached back to the month, in words. */
  adjustments: string[];
  /** Weighted task progress, 0–100. */
  progress: number;
  taskCount: number;
  /** Tasks past due and unfinished, the whole list (the count is its length). */
  overdueTasks: SummaryTask[];
  indicators: SummaryIndicator[];
  /** The month's report, when one was submitted; its status in words ("已审核"). */
  report: { status: string; submittedAt: Date | null; lateDays: number; progressText: string; problemsText: string; nextStepsText: string } | null;
  comments: SummaryComment[];
}

/** 批示办理情况: a 批示 that asked for a 落实反馈, open at the cutoff or closed (办结) during the month. */
export interface SummaryInstruction {
  number: number;
  campaign: string;
  author: string;
  at: Date;
  body: string;
  /** The deadline then (a calendar day), or none. */
  dueDate: Date | null;
  state: "OPEN" | "ANSWERED" | "CLOSED";
  /** The state in words: 待反馈, 已反馈待办结, 已办结. */
  stateText: string;
  /** Whole days past the deadline without an answer at the cutoff (0: not overdue). */
  overdueDays: number;
}

export interface SummaryMissing {
  number: number;
  campaign: string;
  leads: string;
  leadingOfficial: string;
  /** Days past the due date (0 while not yet due). */
  daysLate: number;
  reminders: number;
}

export interface SummaryChange {
  number: number;
  campaign: string;
  indicators: { name: string; unit: string; decimals: number; previous: string | null; current: string; delta: string | null }[];
  tasks: { title: string; previous: number; current: number }[];
}

export interface MonthlySummary {
  cover: SummaryCover;
  /** Every 调整 of the plan that reached back to the month, in words (目标调整). */
  adjustments: string[];
  /** Footnotes the tables need: what "—" in 同比 means, what 待审核 means. */
  notes: string[];
  /** The status rule the lights were set by, in words, with the plan's thresholds for the month (附：红黄绿灯判定规则). */
  rules: string[];
  /** The plan's town-wide indicators (工业总产值 …), kept by the office rather than a campaign. */
  planIndicators: SummaryIndicator[];
  campaigns: SummaryCampaign[];
  missing: SummaryMissing[];
  /** 批示办理情况; empty when no 批示 asked for an answer (the section is then left out). */
  instructions: SummaryInstruction[];
  /** The task-by-task change list: only in a summary asked for with its appendix (附件), else empty. */
  changes: SummaryChange[];
  appendix: boolean;
}
