// "Today" for the app. DUBAN_TODAY pins it (the 2018 demo plan runs as of April 2018; tests too).
import { env } from "@/lib/env";

export function now(): Date {
  if (!env.DUBAN_TODAY) return new Date();
  // Noon in China on the pinned day, so the calendar date is the same in every time zone we show.
  return new Date(`${env.DUBAN_TODAY}T04:00:00.000Z`);
}

/** The plan month (1..12) that "today" falls in, clamped to the plan's year. */
export function currentMonth(planYear: number, today = now()): number {
  const shanghai = new Date(today.getTime() + 8 * 3600_000);
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
  const shanghai = new Date(today.getTime() + 8 * 3600_000);
  const year = shanghai.getUTCFullYear();
  if (year < planYear) return 0;
  if (year > planYear) return 12;
  return shanghai.getUTCMonth();
}
