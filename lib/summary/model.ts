// The monthly summary (月报) of a plan, built once (build.ts) and rendered to every format
// (render/*). Renderers only lay it out: every status, reason and sentence is decided here, so
// the XLSX, CSV, PDF and Word files of one summary can never disagree.
// Figures are exact decimal strings; a renderer turns them into numbers or text as its format needs.
import type { Light } from "@/lib/status";

export type SummaryFormat = "xlsx" | "csv" | "pdf" | "docx";
export const SUMMARY_FORMATS: readonly SummaryFormat[] = ["xlsx", "csv", "pdf", "docx"] as const;

export const SUMMARY_MIME: Record<SummaryFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

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
}

export interface SummaryIndicator {
  name: string;
  unit: string;
  decimals: number;
  /** 2017 (baseline year) figure. */
  baseline: string | null;
  target: string | null;
  /** Trajectory value for the summary's month. */
  planned: string | null;
  /** Latest official actual up to the summary's month, and which month it is for. */
  actual: string | null;
  actualMonth: number | null;
  /** actual ÷ target × 100, two decimals; null when either is missing or the target is 0. */
  percentOfTarget: string | null;
  /** (actual − baseline) ÷ |baseline| × 100, two decimals; null when either is missing or the baseline is 0. */
  changeVsBaseline: string | null;
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
  reason: string;
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
  /** Why it has its light, worst first: sentences from the status rule. */
  reasons: string[];
  /** Weighted task progress, 0–100. */
  progress: number;
  taskCount: number;
  /** Tasks past due and unfinished, the whole list (the count is its length). */
  overdueTasks: SummaryTask[];
  indicators: SummaryIndicator[];
  /** The month's report, when one was submitted; its status in words ("已审核"). */
  report: { status: string; submittedAt: Date | null; progressText: string; problemsText: string; nextStepsText: string } | null;
  comments: SummaryComment[];
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
  /** The plan's town-wide indicators (工业总产值 …), kept by the office rather than a campaign. */
  planIndicators: SummaryIndicator[];
  campaigns: SummaryCampaign[];
  missing: SummaryMissing[];
  changes: SummaryChange[];
}
