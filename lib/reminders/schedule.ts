// The 催办 schedule of a plan (pure): which steps are due for a month's missing report on a given day.
// Each step covers a span of days, so a scheduler that was down on its day still sends it once when it
// comes back (the unique index on Reminder keeps it once); the before-due reminder is not sent late.
import { COUNTED_STATUSES } from "@/lib/reports/official";
import { reportDueDate, wholeDaysBetween } from "@/lib/clock";

export type ScheduleStep = "BEFORE_DUE" | "DUE_DAY" | "ESCALATE_OFFICIAL" | "ESCALATE_PRINCIPAL";

export type ReminderSchedule = {
  /** The report of a month is due on this day of the next month. */
  reportDueDay: number;
  /** Remind the leads this many days before the due day (0: not). */
  remindDaysBefore: number;
  /** Remind the leads on the due day (or the first run after it). */
  remindOnDueDay: boolean;
  /** More than this many days late: to the campaign's 分管领导. */
  escalateAfterDays: number;
  /** More than this many days late: to the town's principal leaders (null: never). */
  escalatePrincipalAfterDays: number | null;
};

/** A report in one of these states has arrived: no more reminders for its month, and they leave the desk. */
export const ARRIVED = COUNTED_STATUSES;

/** Whole days from the due day (midnight in China) to `at`: -2 two days before, 0 on the due day, 1 the day after. */
export function dayOffset(year: number, month: number, dueDay: number, at: Date): number {
  return wholeDaysBetween(reportDueDate(year, month, dueDay), at);
}

/** The steps due on `at` for the report of (year, month), in the order they escalate. */
export function dueSteps(schedule: ReminderSchedule, year: number, month: number, at: Date): ScheduleStep[] {
  const d = dayOffset(year, month, schedule.reportDueDay, at);
  const steps: ScheduleStep[] = [];
  if (schedule.remindDaysBefore > 0 && d < 0 && d >= -schedule.remindDaysBefore) steps.push("BEFORE_DUE");
  if (schedule.remindOnDueDay && d >= 0) steps.push("DUE_DAY");
  if (d > schedule.escalateAfterDays) steps.push("ESCALATE_OFFICIAL");
  if (schedule.escalatePrincipalAfterDays !== null && d > schedule.escalatePrincipalAfterDays) steps.push("ESCALATE_PRINCIPAL");
  return steps;
}

/** Who a step reaches: the campaign's leads, its 分管领导, or the principal leaders. */
export function levelOf(step: ScheduleStep): "LEAD" | "OFFICIAL" | "PRINCIPAL" {
  return step === "ESCALATE_OFFICIAL" ? "OFFICIAL" : step === "ESCALATE_PRINCIPAL" ? "PRINCIPAL" : "LEAD";
}
