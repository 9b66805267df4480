"use client";
import Decimal from "decimal.js";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/Field";
import type { FieldErrors } from "@/lib/errors";
import { parseDecimalInput } from "@/lib/validation/numbers";
import type { BindInput, ReportIndicator } from "./types";

/** Whether the typed year-to-date figure is below the month before's (then a reason is asked for). */
export function fellBelowPrevious(ind: Pick<ReportIndicator, "cumulative" | "previousValue">, typed: string): boolean {
  if (!ind.cumulative || ind.previousValue === null) return false;
  const v = parseDecimalInput(typed.trim());
  return v !== null && new Decimal(v).lt(ind.previousValue);
}

/** The month's figure of each indicator, with its plan beside it, and a reason where a year-to-date figure fell. */
export function IndicatorInputs({
  indicators,
  errors,
  input,
  values,
}: {
  indicators: ReportIndicator[];
  errors: FieldErrors;
  input: BindInput;
  values: Record<string, string>;
}) {
  const t = useTranslations("report");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {indicators.map((ind) => {
        const reasonField = `decrease.${ind.id}`;
        const askReason = fellBelowPrevious(ind, values[`value.${ind.id}`] ?? "") || !!errors[reasonField] || !!values[reasonField];
        return (
          <div key={ind.id} className="space-y-2">
            <Field
              id={`value-${ind.id}`}
              label={`${ind.name}（${ind.unit}）`}
              errors={errors[`value.${ind.id}`]}
              hint={
                t("indicatorHint", { baseline: ind.baseline, target: ind.target, planned: ind.planned, previous: ind.previous }) +
                (ind.percentRange ? ` · ${t("percentRangeHint")}` : "")
              }
            >
              {(aria) => <input {...aria} {...input(`value.${ind.id}`)} className="input num" inputMode="decimal" autoComplete="off" />}
            </Field>
            {askReason && (
              <Field
                id={`decrease-${ind.id}`}
                label={t("decreaseReason")}
                errors={errors[reasonField]}
                hint={t("decreaseReasonHint", { previous: ind.previous })}
              >
                {(aria) => <textarea {...aria} {...input(reasonField)} rows={2} className="input py-2" maxLength={500} />}
              </Field>
            )}
          </div>
        );
      })}
    </div>
  );
}
