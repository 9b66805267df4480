"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Field } from "@/components/ui/Field";
import { FieldError, FormAlert } from "@/components/ui/form";
import type { FormState } from "@/lib/form-action";
import { rollPlanForwardAction } from "@/lib/plans/rollover/actions";
import type { RolledPlan } from "@/lib/plans/rollover/mutation";
import { PLAN_TITLE_MAX } from "@/lib/plans/rollover/schemas";
import { FormResult } from "@/components/ui/FormResult";

interface Props {
  planId: string;
  version: number;
  year: number;
  baselineYear: number;
  defaultTitle: string;
  unfinishedTasks: number;
  /** The preview of what the roll creates, rendered on the server, shown above the confirm button. */
  children: React.ReactNode;
}

/** The one step: the new year (fixed), its title, whether to carry unfinished tasks, the preview, confirm. */
export function RolloverForm({ planId, version, year, baselineYear, defaultTitle, unfinishedTasks, children }: Props) {
  const t = useTranslations("rollover");
  const router = useRouter();
  const [state, action, pending] = useActionState<FormState<RolledPlan>, FormData>(rollPlanForwardAction, {});
  const result = state.result;
  const errors = result && !result.ok && result.error === "invalid" ? result.fieldErrors : {};
  const conflict = !!result && !result.ok && result.error === "conflict";
  const v = state.values;
  // Only a forged or stale post gets errors on the hidden fields: say so rather than nothing.
  const formErrors = Object.keys(errors).some((k) => k !== "title" && k !== "year") ? ["validation.unknownField"] : undefined;

  // The source plan changed since this page was rendered: fetch the preview (and version) again.
  useEffect(() => {
    if (conflict) router.refresh();
  }, [conflict, router]);

  return (
    <form action={action} className="space-y-4" noValidate key={JSON.stringify(state)}>
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="year" value={year} />
      <FormResult result={result} refused={{ conflict: t("conflict"), notFound: t("notAllowed"), forbidden: t("notAllowed") }} />
      <FormAlert>
        <FieldError id="form-error" messages={formErrors} />
      </FormAlert>
      <div className="card space-y-4 p-4">
        <div>
          <p className="label">{t("year")}</p>
          <p className="num font-medium" data-testid="rollover-year">
            {t("yearValue", { year, baselineYear })}
          </p>
          <FieldError id="year-error" messages={errors.year} />
        </div>
        <Field id="title" label={t("titleLabel")} hint={t("titleHint")} errors={errors.title}>
          {(control) => <input {...control} name="title" className="input" maxLength={PLAN_TITLE_MAX} defaultValue={v?.title ?? defaultTitle} />}
        </Field>
        <div>
          <div className="flex items-start gap-2">
            <input
              id="carryUnfinishedTasks"
              name="carryUnfinishedTasks"
              type="checkbox"
              className="mt-1 size-4"
              defaultChecked={v?.carryUnfinishedTasks === "on"}
              aria-describedby="carryUnfinishedTasks-hint"
            />
            <label htmlFor="carryUnfinishedTasks" className="text-sm font-medium text-slate-800">
              {t("carry", { count: unfinishedTasks })}
            </label>
          </div>
          <p id="carryUnfinishedTasks-hint" className="mt-1 pl-6 text-xs text-slate-500">
            {t("carryHint", { year })}
          </p>
        </div>
      </div>
      {children}
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {pending ? t("rolling") : t("confirm", { year })}
      </button>
    </form>
  );
}
