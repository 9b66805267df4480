// What the indicator form starts from: defaults for a new indicator, or a saved one with the
// trajectory choice it was (apparently) made with and its twelve saved values.
import { detectChoice, monthField } from "./trajectory-choice";

type Numeric = { toFixed(): string } | null;

export const NEW_INDICATOR: Record<string, string> = {
  decimals: "2",
  direction: "HIGHER_BETTER",
  accumulation: "CUMULATIVE",
  trajectory: "even",
};

export function indicatorFormValues(i: {
  name: string;
  nameEn: string | null;
  unit: string;
  decimals: number;
  direction: string;
  accumulation: "CUMULATIVE" | "LEVEL";
  allowOutOfRange: boolean;
  baselineValue: Numeric;
  baselineIsSample: boolean;
  baselineNote: string | null;
  targetValue: Numeric;
  dataSource: string | null;
  trajectory: { month: number; plannedValue: { toFixed(): string } }[];
}): Record<string, string> {
  const baseline = i.baselineValue?.toFixed() ?? "";
  const target = i.targetValue?.toFixed() ?? "";
  const saved = i.trajectory.map((p) => p.plannedValue.toFixed());
  const values: Record<string, string> = {
    name: i.name,
    nameEn: i.nameEn ?? "",
    unit: i.unit,
    decimals: String(i.decimals),
    direction: i.direction,
    accumulation: i.accumulation,
    baseline,
    baselineNote: i.baselineNote ?? "",
    target,
    dataSource: i.dataSource ?? "",
    trajectory: detectChoice(saved, { accumulation: i.accumulation, baseline, target, decimals: i.decimals }),
  };
  if (i.baselineIsSample) values.baselineIsSample = "on";
  if (i.allowOutOfRange) values.allowOutOfRange = "on";
  for (const p of i.trajectory) values[monthField(p.month)] = p.plannedValue.toFixed();
  return values;
}
