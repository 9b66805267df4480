// Which figures count, as known at an instant: those entered directly by staff (no report), and those
// of a report submitted by then (and not since returned or still a draft). A figure of a report not
// yet approved by then is 待审核: shown and marked, and counted for the lights only if the plan says so.
import type { Prisma } from "@/generated/prisma/client";

/** Indicator values or task updates that count as of `cutoff` (both carry reportedAt and report). */
export function officialAt(cutoff: Date) {
  return {
    reportedAt: { lte: cutoff },
    OR: [{ reportId: null }, { report: { status: { in: ["SUBMITTED" as const, "APPROVED" as const] }, submittedAt: { lte: cutoff } } }],
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
