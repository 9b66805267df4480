// The two derived figures of a summary's indicator rows. Pure and exact (decimal.js), two decimals.
import Decimal from "decimal.js";

/** actual ÷ target × 100; none without both figures or with a zero target. */
export function percentOfTarget(actual: string | null, target: string | null): string | null {
  if (actual === null || target === null) return null;
  const t = new Decimal(target);
  if (t.isZero()) return null;
  return new Decimal(actual).div(t).times(100).toFixed(2);
}

/**
 * Change against the baseline year, (actual − baseline) ÷ |baseline| × 100. A year-to-date
 * (CUMULATIVE) figure is comparable with the baseline year's full-year figure only once the year
 * is complete (month 12): before that, March's year-to-date against 2017's whole year would read
 * as a fall of 75% that did not happen, so it is left out. A standing (LEVEL) figure compares
 * any month.
 */
export function changeVsBaseline(
  actual: string | null,
  baseline: string | null,
  accumulation: "CUMULATIVE" | "LEVEL",
  actualMonth: number | null,
): string | null {
  if (actual === null || baseline === null) return null;
  if (accumulation === "CUMULATIVE" && actualMonth !== 12) return null;
  const b = new Decimal(baseline);
  if (b.isZero()) return null;
  return new Decimal(actual).minus(b).div(b.abs()).times(100).toFixed(2);
}
