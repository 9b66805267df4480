// 同比: a figure against the same period of the baseline year. Amounts and levels as a growth rate
// (同比增长/下降 X%), rates in 个百分点 (同比提高/降低 X 个百分点). Only where that period's figure is
// known: with none (or a zero base for a growth rate) there is no 同比, never a made-up one.
import Decimal from "decimal.js";
import type { IndicatorKind } from "./indicator";

export interface YearOnYear {
  key: "yoyUp" | "yoyDown" | "yoyFlat";
  /** Unsigned, one decimal for a growth rate, two for 个百分点. */
  value: string;
  /** True when the change is in 个百分点 (rates), false for a growth rate in %. */
  points: boolean;
  /** The baseline year's figure it was measured against. */
  base: string;
}

export function yearOnYear(kind: IndicatorKind, actual: string | null, sameMonthLastYear: string | null): YearOnYear | null {
  if (actual === null || sameMonthLastYear === null) return null;
  const now = new Decimal(actual);
  const then = new Decimal(sameMonthLastYear);
  let change: Decimal;
  const points = kind === "rate";
  if (points) change = now.minus(then).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  else {
    if (then.isZero()) return null;
    change = now.minus(then).div(then.abs()).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
  }
  const key = change.isZero() ? "yoyFlat" : change.isPositive() ? "yoyUp" : "yoyDown";
  return { key, value: change.abs().toFixed(), points, base: then.toFixed() };
}
