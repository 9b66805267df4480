"use client";
// 同比基数: the baseline year's figure for each month, so the board and the 月报 can say 同比. Left
// blank, a month has no 同比 ("—"): nothing is estimated.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { FormState } from "@/lib/form-action";
import { saveBaselineMonthsAction } from "@/lib/indicators/actions";
import { TextField } from "@/components/ui/inputs";

export function BaselineMonthsForm({
  indicatorId,
  baselineYear,
  unit,
  initial,
  loaded,
}: {
  indicatorId: string;
  baselineYear: number;
  unit: string;
  initial: Record<string, string>;
  loaded: string;
}) {
  const t = useTranslations("planAdmin.baselineMonths");
  const [state, action, pending] = useActionState<FormState<{ id: string }>, FormData>(saveBaselineMonthsAction, {});
  const result = state.result;
  const errors = result && !result.ok && result.error === "invalid" ? result.fieldErrors : {};
  const values = state.values ?? initial;
  const conflict = result && !result.ok && result.error === "conflict";
  return (
    <form action={action} className="card space-y-3 p-4 sm:p-6" noValidate key={JSON.stringify(state)} data-testid="baseline-months">
      <h2 className="text-lg font-semibold">{t("heading", { year: baselineYear })}</h2>
      <p className="text-sm text-slate-600">{t("hint", { year: baselineYear, unit })}</p>
      <input type="hidden" name="indicatorId" value={indicatorId} />
      <input
        type="hidden"
        name="loaded"
        value={conflict ? JSON.stringify(Array.from({ length: 12 }, (_, i) => String(result.current[i + 1] ?? ""))) : (values.loaded ?? loaded)}
      />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-6">
        {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
          <TextField
            key={m}
            name={`baseline${m}`}
            label={t("month", { year: baselineYear, month: m })}
            errors={errors}
            defaultValue={String(values[`baseline${m}`] ?? "")}
            inputMode="decimal"
          />
        ))}
      </div>
      <p aria-live="polite" className="text-sm">
        {result?.ok && <span className="text-green-800">{t("saved")}</span>}
        {conflict && <span className="text-amber-900">{t("conflict")}</span>}
        {result && !result.ok && result.error === "invalid" && <span className="field-error">{t("fix")}</span>}
      </p>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
