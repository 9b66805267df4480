// "Today" for the app. DUBAN_TODAY pins it (the 2018 demo plan runs as of April 2018; tests too).
import { env } from "@/lib/env";

// Every piece of China-time arithmetic of the app is here: China has no daylight saving, so its
// time is UTC+8 all year.
export const DAY = 24 * 3600_000;
const SHANGHAI = 8 * 3600_000;

export function now(): Date {
  if (!env.DUBAN_TODAY) return new Date();
  // The pinned date in China, at the real time of day there: the date never shifts, and
  // writes made one after another still come one after another.
  const timeOfDay = (Date.now() + SHANGHAI) % DAY;
  return new Date(Date.parse(`${env.DUBAN_TODAY}T00:00:00.000Z`) - SHANGHAI + timeOfDay);
}

/** The plan month (1..12) that "today" falls in, clamped to the plan's year. */
export function currentMonth(planYear: number, today = now()): number {
  const shanghai = new Date(today.getTime() + SHANGHAI);
  const year = shanghai.getUTCFullYear();
  if (year < planYear) return 1;
  if (year > planYear) return 12;
  return shanghai.getUTCMonth() + 1;
}

/**
 * The last complete month of the plan year: the month whose report is due now. 0 before the
 * plan year has a complete month (nothing to report yet), 12 once the year is over.
 */
export function reportingMonth(planYear: number, today = now()): number {
  const shanghai = new Date(today.getTime() + SHANGHAI);
  const year = shanghai.getUTCFullYear();
  if (year < planYear) return 0;
  if (year > planYear) return 12;
  return shanghai.getUTCMonth();
}

/** Whether a month (of any year) has not begun yet in China. */
export function isFutureMonth(year: number, month: number, today = now()): boolean {
  const shanghai = new Date(today.getTime() + SHANGHAI);
  const y = shanghai.getUTCFullYear();
  return year > y || (year === y && month > shanghai.getUTCMonth() + 1);
}

/** Midnight at the start of a day in China, e.g. "2018-04-10" → 2018-04-09T16:00Z. */
export function startOfChinaDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - SHANGHAI);
}

/** The first instant of the China calendar day that `at` falls in. */
export function startOfChinaDayOf(at: Date): Date {
  return startOfChinaDay(chinaDay(at));
}

/** The first instant of a month in China (month 1..12). */
export function startOfMonth(year: number, month: number): Date {
  return new Date(Date.UTC(year, month - 1, 1) - SHANGHAI);
}

/** `days` whole days before an instant. */
export function daysBefore(instant: Date, days: number): Date {
  return new Date(instant.getTime() - days * DAY);
}

/** Whole days from `from` to `to` (rounded down). */
export function wholeDaysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY);
}

/** Whole days `at` is past `due`: 0 up to a day after it (a report, a late submission). */
export function daysLate(due: Date, at: Date): number {
  return Math.max(0, wholeDaysBetween(due, at));
}

/** The last instant of a month in China: "the board as of the end of March". */
export function endOfMonth(year: number, month: number): Date {
  return new Date(Date.UTC(year, month, 1) - SHANGHAI - 1);
}

/** A report for `month` is due on the plan's due day of the following month (midnight in China). */
export function reportDueDate(year: number, month: number, dueDay: number): Date {
  return new Date(Date.UTC(year, month, dueDay) - SHANGHAI);
}

/**
 * A data month in a URL ("?asOf=2018-03") for a plan of `planYear`: 3. Absent: null. Malformed, of
 * another year or out of range: "invalid" (the page says so rather than showing something else).
 */
export function parseMonthParam(raw: string | string[] | undefined, planYear: number): number | null | "invalid" {
  if (raw === undefined || raw === "") return null;
  const m = typeof raw === "string" ? raw.match(/^(\d{4})-(\d{1,2})$/) : null;
  if (!m) return "invalid";
  const month = Number(m[2]);
  return Number(m[1]) === planYear && month >= 1 && month <= 12 ? month : "invalid";
}

/** The data month as a URL writes it: (2018, 3) → "2018-03", what parseMonthParam reads. */
export function monthParam(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

/**
 * Whole days a month's report is late (已逾期 N 天): 0 until the due day has passed, 1 on the day
 * after it, and so on, counted in China.
 */
export function daysOverdue(year: number, month: number, dueDay: number, today = now()): number {
  return daysLate(reportDueDate(year, month, dueDay), today);
}

/** The calendar day in China of an instant, as "2018-04-10" (what a @db.Date column's ISO day is compared with). */
export function chinaDay(instant: Date = now()): string {
  return new Date(instant.getTime() + SHANGHAI).toISOString().slice(0, 10);
}
