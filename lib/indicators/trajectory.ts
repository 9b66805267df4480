// Trajectories: the planned value of an indicator at the end of each month of the plan year.
// Pure functions over decimal strings (money and quantities are never floats here).
import Decimal from "decimal.js";

export type Shape = "even" | "front" | "back";
export type AccumulationKind = "CUMULATIVE" | "LEVEL";

/** Share of the year's change planned by the end of month m (1..12). */
export function shareByMonth(month: number, shape: Shape = "even"): Decimal {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month ${month} is not 1..12`);
  const t = new Decimal(month).div(12);
  if (shape === "front") return new Decimal(1).minus(new Decimal(1).minus(t).pow(2)); // fast start
  if (shape === "back") return t.pow(2); // slow start
  return t;
}

/**
 * The twelve month-end planned values. A CUMULATIVE indicator (a year-to-date total) climbs from 0
 * to the target; a LEVEL indicator (a rate, a standing count) moves from the baseline to the target.
 */
export function trajectory(accumulation: AccumulationKind, baseline: string | null, target: string, shape: Shape = "even", decimals = 4): string[] {
  const start = accumulation === "CUMULATIVE" ? new Decimal(0) : new Decimal(baseline ?? 0);
  const end = new Decimal(target);
  return Array.from({ length: 12 }, (_, i) =>
    start
      .plus(end.minus(start).times(shareByMonth(i + 1, shape)))
      .toDecimalPlaces(decimals)
      .toFixed(),
  );
}
