// Which figures count, as known at an instant: those entered directly by staff (no report), and those
// of a report submitted by then (and not since returned or still a draft). A figure of a report not
// yet approved by then is 待审核: shown and marked, and counted for the lights only if the plan says so.
import type { Prisma } from "@/generated/prisma/client";

/** The statuses of a report whose figures count: submitted (待审核 until approved) or approved. A draft's or a returned one's do not. */
export const COUNTED_STATUSES = ["SUBMITTED", "APPROVED"] as const satisfies readonly Prisma.ProgressReportWhereInput["status"][];

/** Figures that count now: from a submitted or approved report, or entered by staff (plan-wide). */
export const OFFICIAL_VALUE = {
  OR: [{ reportId: null }, { report: { status: { in: [...COUNTED_STATUSES] } } }],
} satisfies Prisma.IndicatorValueWhereInput & Prisma.TaskUpdateWhereInput;

/** Indicator values or task updates that count as of `cutoff` (both carry reportedAt and report). */
export function officialAt(cutoff: Date) {
  return {
    reportedAt: { lte: cutoff },
    OR: [{ reportId: null }, { report: { status: { in: [...COUNTED_STATUSES] }, submittedAt: { lte: cutoff } } }],
  } satisfies Prisma.IndicatorValueWhereInput & Prisma.TaskUpdateWhereInput;
}

/** Of those, the ones approved by `cutoff` (or entered directly). */
export function approvedAt(cutoff: Date) {
  return {
    reportedAt: { lte: cutoff },
    OR: [{ reportId: null }, { report: { status: "APPROVED" as const, reviewedAt: { lte: cutoff } } }],
  } satisfies Prisma.IndicatorValueWhereInput & Prisma.TaskUpdateWhereInput;
}

/** Whether a counted figure was still awaiting review at `cutoff`. */
export function pendingAt(report: { status: string; reviewedAt: Date | null } | null, cutoff: Date): boolean {
  if (!report) return false;
  return !(report.status === "APPROVED" && report.reviewedAt !== null && report.reviewedAt <= cutoff);
}
