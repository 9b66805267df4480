// The trajectory choices of the indicator form: generated evenly, front- or back-loaded (the same
// lib/indicators/trajectory functions the form's preview calls, so what is previewed is what is saved),
// or typed month by month. Pure: used by the server and by the form in the browser.
import Decimal from "decimal.js";
import { trajectory, type AccumulationKind, type Shape } from "@/lib/indicators/trajectory";
import { parseDecimalInput } from "@/lib/validation/numbers";

export const TRAJECTORY_CHOICES = ["even", "front", "back", "manual"] as const;
export type TrajectoryChoice = (typeof TRAJECTORY_CHOICES)[number];
export const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
export const monthField = (month: number) => `month${month}`;

export interface TrajectoryBasis {
  accumulation: AccumulationKind;
  /** As typed; blank or not a number means none. */
  baseline: string;
  target: string;
  decimals: number;
}

/** The twelve generated values, or null while the target (or a typed baseline) is not a number. */
export function generatedTrajectory(basis: TrajectoryBasis, shape: Shape): string[] | null {
  const target = parseDecimalInput(basis.target);
  const baseline = basis.baseline.trim() ? parseDecimalInput(basis.baseline) : null;
  if (target === null || (basis.baseline.trim() && baseline === null)) return null;
  if (!Number.isInteger(basis.decimals) || basis.decimals < 0 || basis.decimals > 4) return null;
  return trajectory(basis.accumulation, baseline, target, shape, basis.decimals);
}

/** Which choice a saved trajectory was made with: a generated shape it equals, or typed. */
export function detectChoice(saved: string[], basis: TrajectoryBasis): TrajectoryChoice {
  if (saved.length !== 12) return "even";
  const same = (a: string[] | null) => !!a && a.every((v, i) => new Decimal(v).eq(saved[i] ?? "NaN"));
  return (["even", "front", "back"] as const).find((shape) => same(generatedTrajectory(basis, shape))) ?? "manual";
}
