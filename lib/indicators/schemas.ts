// What the indicator form posts, and the twelve planned values it stands for. The figures are exact
// decimal strings; a CUMULATIVE trajectory (a year-to-date total) must end at the target.
import Decimal from "decimal.js";
import { z } from "zod";
import { fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import { optionalRecordId } from "@/lib/validation/ids";
import { ACCUMULATIONS, DIRECTIONS } from "@/lib/plans/constants";
import { checkbox, checkDecimal, id, optionalText, requiredText, version, wholeNumber } from "@/lib/validation/form-fields";
import { generatedTrajectory, monthField, MONTHS, TRAJECTORY_CHOICES } from "./trajectory-choice";
import { TEXT_LIMITS } from "@/lib/validation/limits";

const COLUMN_PLACES = 4;

const indicatorFields = z.object({
  name: requiredText(TEXT_LIMITS.name),
  nameEn: optionalText(TEXT_LIMITS.long),
  unit: requiredText(TEXT_LIMITS.unit),
  decimals: wholeNumber(0, COLUMN_PLACES, "validation.decimals"),
  direction: z.enum(DIRECTIONS, { message: "validation.choice" }),
  accumulation: z.enum(ACCUMULATIONS, { message: "validation.choice" }),
  /** A % figure may leave 0–100 in a report (a growth rate). */
  allowOutOfRange: checkbox,
  baseline: z.string().default(""),
  baselineIsSample: checkbox,
  baselineNote: optionalText(TEXT_LIMITS.long),
  target: z.string().default(""),
  dataSource: optionalText(TEXT_LIMITS.long),
  trajectory: z.enum(TRAJECTORY_CHOICES, { message: "validation.choice" }),
});

export const createIndicatorSchema = z.object({ planId: id, campaignId: optionalRecordId() });
export const updateIndicatorSchema = z.object({ indicatorId: id, version });

export type IndicatorValues = Omit<z.infer<typeof indicatorFields>, "baseline" | "target"> & {
  baseline: string | null;
  target: string;
  /** The twelve month-end planned values, January first. */
  planned: string[];
};

export type ParsedIndicator = { ok: true; data: IndicatorValues } | { ok: false; fieldErrors: FieldErrors };

export function parseIndicator(raw: Record<string, unknown>): ParsedIndicator {
  const base = indicatorFields.safeParse(raw);
  if (!base.success) return { ok: false, fieldErrors: fieldErrorsOf(base.error) };
  const input = base.data;
  const errors: FieldErrors = {};
  const add = (field: string, key: string) => (errors[field] ??= []).push(key);
  const figure = (field: string, typed: string) => {
    const r = checkDecimal(typed, input.decimals);
    if ("error" in r) add(field, r.error);
    return "value" in r ? r.value : null;
  };
  const baseline = input.baseline.trim() ? figure("baseline", input.baseline) : null;
  const target = input.target.trim() ? figure("target", input.target) : (add("target", "validation.required"), null);
  if (Object.keys(errors).length || target === null) return { ok: false, fieldErrors: errors };

  let planned: string[];
  if (input.trajectory === "manual") {
    planned = [];
    for (const m of MONTHS) {
      const typed = typeof raw[monthField(m)] === "string" ? (raw[monthField(m)] as string) : "";
      const v = typed.trim() ? figure(monthField(m), typed) : (add(monthField(m), "validation.required"), null);
      planned.push(v ?? "");
    }
    const december = planned[11];
    if (!errors.month12 && input.accumulation === "CUMULATIVE" && december && !new Decimal(december).eq(target)) add("month12", "validation.trajectoryEnd");
  } else {
    const basis = { accumulation: input.accumulation, baseline: baseline ?? "", target, decimals: input.decimals };
    planned = generatedTrajectory(basis, input.trajectory) ?? [];
  }
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  return { ok: true, data: { ...input, baseline, target, planned } };
}
