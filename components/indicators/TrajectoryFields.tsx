"use client";
// The monthly plan of an indicator: a generated shape with a live preview of its twelve values
// (computed by the same functions the server saves with), or twelve month inputs.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError } from "@/components/ui/form";
import { generatedTrajectory, MONTHS, monthField, TRAJECTORY_CHOICES, type TrajectoryBasis, type TrajectoryChoice } from "@/lib/indicators/trajectory-choice";
import { TextField } from "@/components/ui/inputs";

export function TrajectoryFields({
  basis,
  initialChoice,
  initialMonths,
  errors,
}: {
  /** What the form holds now: accumulation, baseline, target, decimals as typed. */
  basis: TrajectoryBasis;
  initialChoice: TrajectoryChoice;
  /** Month values posted or saved (January first); empty strings where none. */
  initialMonths: string[];
  errors: Record<string, string[]>;
}) {
  const t = useTranslations("planAdmin.indicator");
  const [choice, setChoice] = useState<TrajectoryChoice>(initialChoice);
  // Typing month by month starts from what was there: the saved or posted months, else the last preview.
  const [seed, setSeed] = useState(initialMonths);
  const preview = choice === "manual" ? null : generatedTrajectory(basis, choice);

  const choose = (next: TrajectoryChoice) => {
    if (next === "manual" && choice !== "manual" && !seed.some(Boolean)) setSeed(generatedTrajectory(basis, choice) ?? []);
    setChoice(next);
  };

  return (
    <div className="space-y-3">
      <fieldset aria-describedby={errors.trajectory ? "trajectory-error" : undefined}>
        <legend className="label">{t("trajectory")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {TRAJECTORY_CHOICES.map((c) => (
            <label key={c} className="flex items-center gap-2 text-sm">
              <input type="radio" name="trajectory" value={c} checked={choice === c} onChange={() => choose(c)} />
              {t(`trajectoryOptions.${c}`)}
            </label>
          ))}
        </div>
        <FieldError id="trajectory-error" messages={errors.trajectory} />
      </fieldset>

      {choice === "manual" ? (
        <div>
          <p className="mb-2 text-xs text-slate-500">{t("manualHint")}</p>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-6">
            {MONTHS.map((m) => (
              <TextField key={m} name={monthField(m)} label={t("month", { month: m })} errors={errors} defaultValue={seed[m - 1] ?? ""} inputMode="decimal" />
            ))}
          </div>
        </div>
      ) : (
        <section aria-labelledby="trajectory-preview-heading" data-testid="trajectory-preview" className="rounded-md border border-slate-200 bg-slate-50 p-3">
          <h3 id="trajectory-preview-heading" className="mb-2 text-sm font-semibold text-slate-800">
            {t("preview")}
          </h3>
          {preview ? (
            <dl className="grid grid-cols-3 gap-x-4 gap-y-1 text-sm sm:grid-cols-6">
              {preview.map((v, i) => (
                <div key={i} className="flex justify-between gap-2" data-testid="preview-month">
                  <dt className="text-slate-600">{t("month", { month: i + 1 })}</dt>
                  <dd className="num font-medium text-slate-900">{v}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-sm text-slate-600">{t("previewEmpty")}</p>
          )}
        </section>
      )}
    </div>
  );
}
