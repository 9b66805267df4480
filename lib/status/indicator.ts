// An indicator's light and the sentence that explains it, in the progress language of a Chinese
// government work plan:
//   累计 (year-to-date) amounts: 完成年度目标 X% against 序时进度 Y%, 快于/慢于序时进度 Z 个百分点;
//   累计 counts that should stay low (案件, 事故): within the 序时额度 or over it by N, never "完成目标 %";
//   rates (unit %): the gap to the month's planned rate in 个百分点;
//   other standing figures (时点指标): the gap to the month's planned level in the indicator's unit.
// Pure and exact (decimal strings in, decimal strings out). The light is decided on the figures as
// they are shown (rounded), so a sentence and its light can never disagree.
import Decimal from "decimal.js";
import { lightFor, type Light } from "./light";
import type { Rules } from "./rules";

export type IndicatorKind = "ytd" | "allowance" | "rate" | "level";

export interface IndicatorInput {
  name: string;
  unit: string;
  /** Decimal places the figure is reported in (gaps are shown in them too). */
  decimals: number;
  direction: "HIGHER_BETTER" | "LOWER_BETTER";
  accumulation: "CUMULATIVE" | "LEVEL";
  baseline: string | null;
  /** The latest actual known, with the month it is for. */
  actual: { month: number; value: string } | null;
  /** The plan in force for the actual's month: its planned value (序时目标) and the annual target. */
  planned: string | null;
  target: string | null;
}

export type IndicatorReasonKey =
  | "noData"
  | "noPlan"
  | "noTarget"
  | "ytdAhead"
  | "ytdBehind"
  | "ytdOnPace"
  | "allowanceWithin"
  | "allowanceOver"
  | "allowanceBeyond"
  | "rateAbove"
  | "rateBelow"
  | "rateOnPlan"
  | "levelAbove"
  | "levelBelow"
  | "levelOnPlan";

/** The figures behind the sentence, for tables and exports (decimal strings, already rounded as shown). */
export interface IndicatorFigures {
  kind: IndicatorKind;
  month: number;
  actual: string;
  planned: string;
  target: string | null;
  /** ytd: 完成年度目标 % (actual ÷ target), one decimal. */
  completion: string | null;
  /** ytd: 序时进度 % (planned ÷ target), one decimal. */
  schedule: string | null;
  /**
   * Signed distance from the plan, positive = above it: ytd in 个百分点 (completion − schedule);
   * rate in 个百分点 and level in the unit (actual − planned); allowance in the unit (actual − allowance).
   */
  gap: string;
}

export interface IndicatorStatus {
  light: Light;
  kind: IndicatorKind;
  /** Catalogue key (status.indicator.*) and its values: lib/board/reasons.ts turns it into a sentence. */
  reason: { key: IndicatorReasonKey; values: Record<string, string | number> };
  figures: IndicatorFigures | null;
}

/** Which language an indicator is read in: rates by their unit, the rest by how they accumulate and which way is better. */
export function indicatorKind(i: Pick<IndicatorInput, "unit" | "accumulation" | "direction">): IndicatorKind {
  if (i.unit.trim() === "%") return "rate";
  if (i.accumulation === "CUMULATIVE") return i.direction === "LOWER_BETTER" ? "allowance" : "ytd";
  return "level";
}

const round = (d: Decimal, places: number) => d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
const str = (d: Decimal) => d.toFixed();
/** Gaps are shown without a sign; the key says which side. */
const abs = (d: Decimal) => d.abs().toFixed();
const sideKey = <K extends string>(d: Decimal, above: K, below: K, on: K): K => (d.isZero() ? on : d.isPositive() ? above : below);

export function indicatorStatus(i: IndicatorInput, rules: Pick<Rules, "ytd" | "rate" | "level">): IndicatorStatus {
  const kind = indicatorKind(i);
  const none = (key: IndicatorReasonKey): IndicatorStatus => ({ light: "NONE", kind, reason: { key, values: { name: i.name } }, figures: null });
  if (!i.actual) return none("noData");
  if (i.planned === null) return none("noPlan");
  const actual = new Decimal(i.actual.value);
  const planned = new Decimal(i.planned);
  const target = i.target === null ? null : new Decimal(i.target);
  const base = { name: i.name, month: i.actual.month, actual: str(actual), planned: str(planned), target: target ? str(target) : "" };
  const figures = (gap: Decimal, extra: Partial<IndicatorFigures> = {}): IndicatorFigures => ({
    kind,
    month: i.actual!.month,
    actual: str(actual),
    planned: str(planned),
    target: target ? str(target) : null,
    completion: null,
    schedule: null,
    gap: str(gap),
    ...extra,
  });
  const places = Math.max(0, i.decimals);

  switch (kind) {
    case "ytd": {
      if (!target || !target.gt(0)) return none("noTarget");
      const completion = round(actual.div(target).times(100), 1);
      const schedule = round(planned.div(target).times(100), 1);
      const gap = completion.minus(schedule);
      const light = lightFor(-gap.toNumber(), rules.ytd);
      const key = sideKey(gap, "ytdAhead", "ytdBehind", "ytdOnPace");
      return {
        light,
        kind,
        reason: { key, values: { ...base, completion: str(completion), schedule: str(schedule), gap: abs(gap) } },
        figures: figures(gap, { completion: str(completion), schedule: str(schedule) }),
      };
    }
    case "allowance": {
      // A count to keep low: the plan allows so many by this month (序时额度) and so many in the year.
      const over = actual.minus(planned);
      if (!over.gt(0)) return { light: "GREEN", kind, reason: { key: "allowanceWithin", values: base }, figures: figures(over) };
      if (target && actual.gt(target)) return { light: "RED", kind, reason: { key: "allowanceBeyond", values: base }, figures: figures(over) };
      return { light: "AMBER", kind, reason: { key: "allowanceOver", values: { ...base, gap: abs(over) } }, figures: figures(over) };
    }
    case "rate": {
      const gap = round(actual.minus(planned), places);
      const worse = i.direction === "HIGHER_BETTER" ? gap.negated() : gap;
      const light = lightFor(worse.toNumber(), rules.rate);
      return { light, kind, reason: { key: sideKey(gap, "rateAbove", "rateBelow", "rateOnPlan"), values: { ...base, gap: abs(gap) } }, figures: figures(gap) };
    }
    case "level": {
      const diff = actual.minus(planned);
      const gap = round(diff, places);
      // How far off, relative to the level planned (or, planned at zero, to where it started).
      const baseline = i.baseline === null ? new Decimal(0) : new Decimal(i.baseline);
      const scale = !planned.isZero() ? planned.abs() : !baseline.isZero() ? baseline.abs() : new Decimal(1);
      const relative = round(diff.abs().div(scale).times(100), 1);
      const better = i.direction === "HIGHER_BETTER" ? diff.gte(0) : diff.lte(0);
      const light = better ? "GREEN" : lightFor(relative.toNumber(), rules.level);
      return {
        light,
        kind,
        reason: { key: sideKey(gap, "levelAbove", "levelBelow", "levelOnPlan"), values: { ...base, gap: abs(gap), relative: str(relative) } },
        figures: figures(gap),
      };
    }
  }
}
