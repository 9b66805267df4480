"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { FormState } from "@/lib/form-action";
import { createPlanAction, updatePlanAction } from "@/lib/plans/actions";
import { PLAN_STATUSES } from "@/lib/plans/constants";
import type { ChangeContext } from "@/lib/plans/history/versioning";
import { ChangeFields } from "./ChangeFields";
import { formView, type FormValues } from "@/components/ui/form-state";
import { FormButtons, FormStatus } from "@/components/ui/FormStatus";
import { CheckboxField, SelectField, TextArea, TextField } from "@/components/ui/inputs";

type Props =
  | { mode: "create"; orgs: { id: string; name: string }[]; initial: FormValues; cancelHref: string }
  | { mode: "edit"; planId: string; version: number; year: number; initial: FormValues; cancelHref: string; change: ChangeContext };

/** A plan's title, goals and rules, and the reporting rules: report due day and escalation days. */
export function PlanForm(props: Props) {
  const t = useTranslations("planAdmin.plan");
  const [state, action, pending] = useActionState<FormState<{ id: string }>, FormData>(props.mode === "create" ? createPlanAction : updatePlanAction, {});
  const view = formView(state, props.initial, props.mode === "edit" ? props.version : undefined);
  const { errors, text } = view;
  const whole = { inputMode: "numeric" as const, errors };

  return (
    <form action={action} className="card space-y-5 p-4 sm:p-6" noValidate key={view.key}>
      {props.mode === "edit" && (
        <>
          <input type="hidden" name="planId" value={props.planId} />
          <input type="hidden" name="version" value={view.version} />
        </>
      )}
      <FormStatus result={view.result} />
      <div className="grid gap-4 sm:grid-cols-3">
        {props.mode === "create" ? (
          <>
            <SelectField
              name="orgId"
              label={t("org")}
              errors={errors}
              defaultValue={text("orgId")}
              options={props.orgs.map((o) => ({ value: o.id, label: o.name }))}
            />
            <TextField name="year" label={t("year")} defaultValue={text("year")} {...whole} />
          </>
        ) : (
          <p className="text-sm text-slate-700 sm:col-span-2">{t("yearFixed", { year: props.year })}</p>
        )}
        <TextField name="baselineYear" label={t("baselineYear")} hint={t("baselineYearHint")} defaultValue={text("baselineYear")} {...whole} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="title" label={t("title")} hint={t("titleHint")} errors={errors} defaultValue={text("title")} />
        <TextField name="titleEn" label={t("titleEn")} errors={errors} defaultValue={text("titleEn")} />
      </div>
      <TextArea name="goals" label={t("goals")} hint={t("linesHint")} errors={errors} defaultValue={text("goals")} />
      <TextArea name="rules" label={t("rules")} hint={t("linesHint")} errors={errors} defaultValue={text("rules")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="reportDueDay" label={t("reportDueDay")} hint={t("reportDueDayHint")} defaultValue={text("reportDueDay")} {...whole} />
        <TextField
          name="escalateAfterDays"
          label={t("escalateAfterDays")}
          hint={t("escalateAfterDaysHint")}
          defaultValue={text("escalateAfterDays")}
          {...whole}
        />
        <SelectField
          name="status"
          label={t("status")}
          errors={errors}
          defaultValue={text("status")}
          options={PLAN_STATUSES.map((s) => ({ value: s, label: t(`statusOptions.${s}`) }))}
        />
      </div>
      <ScheduleFields errors={errors} text={text} />
      <LightRuleFields errors={errors} text={text} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="targetChangeNeedsApproval" defaultChecked={text("targetChangeNeedsApproval") === "on"} />
        {t("targetChangeNeedsApproval")}
      </label>
      <CheckboxField name="preReview" label={t("preReview")} hint={t("preReviewHint")} defaultChecked={text("preReview") === "on"} />
      <fieldset className="space-y-3 rounded-md border border-slate-300 p-3" data-testid="document-header">
        <legend className="px-1 text-sm font-semibold">{t("document")}</legend>
        <p className="text-xs text-slate-600">{t("documentHint")}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField name="documentIssuer" label={t("documentIssuer")} hint={t("documentIssuerHint")} errors={errors} defaultValue={text("documentIssuer")} />
          <TextField
            name="documentFirstMonth"
            label={t("documentFirstMonth")}
            hint={t("documentFirstMonthHint")}
            defaultValue={text("documentFirstMonth")}
            {...whole}
          />
        </div>
      </fieldset>
      {props.mode === "edit" && <ChangeFields change={props.change} errors={errors} text={text} year={props.year} />}
      <FormButtons pending={pending} conflict={!!view.conflict} cancelHref={props.cancelHref} />
    </form>
  );
}

/** 催办: when the leads are reminded and a late report escalates to the principal leaders; who confirms 销号. */
function ScheduleFields({ errors, text }: { errors: Record<string, string[]>; text: (name: string) => string }) {
  const t = useTranslations("planAdmin.plan");
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-300 p-3" data-testid="schedule">
      <legend className="px-1 text-sm font-semibold">{t("schedule")}</legend>
      <input type="hidden" name="schedulePosted" value="1" />
      <p className="text-xs text-slate-600">{t("scheduleHint")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          name="remindDaysBefore"
          label={t("remindDaysBefore")}
          hint={t("remindDaysBeforeHint")}
          errors={errors}
          defaultValue={text("remindDaysBefore")}
          inputMode="numeric"
        />
        <TextField
          name="escalatePrincipalAfterDays"
          label={t("escalatePrincipalAfterDays")}
          hint={t("escalatePrincipalAfterDaysHint")}
          errors={errors}
          defaultValue={text("escalatePrincipalAfterDays")}
          inputMode="numeric"
        />
      </div>
      <CheckboxField name="remindOnDueDay" label={t("remindOnDueDay")} hint={t("remindOnDueDayHint")} defaultChecked={text("remindOnDueDay") === "on"} />
      <SelectField
        name="closureConfirmedBy"
        label={t("closureConfirmedBy")}
        hint={t("closureConfirmedByHint")}
        errors={errors}
        defaultValue={text("closureConfirmedBy") || "OFFICIAL"}
        options={(["OFFICIAL", "STAFF"] as const).map((v) => ({ value: v, label: t(`closureOptions.${v}`) }))}
      />
    </fieldset>
  );
}

/** The status rule's thresholds, in the terms the rule text uses (lib/status/rules.ts). */
function LightRuleFields({ errors, text }: { errors: Record<string, string[]>; text: (name: string) => string }) {
  const t = useTranslations("planAdmin.rules");
  const pair = (group: "ytd" | "rate" | "level" | "task" | "campaign") => (
    <div className="grid gap-3 sm:grid-cols-2">
      <TextField name={`${group}Green`} label={t(`${group}Green`)} errors={errors} defaultValue={text(`${group}Green`)} inputMode="decimal" />
      <TextField name={`${group}Amber`} label={t(`${group}Amber`)} errors={errors} defaultValue={text(`${group}Amber`)} inputMode="decimal" />
    </div>
  );
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-300 p-3" data-testid="light-rules">
      <legend className="px-1 text-sm font-semibold">{t("legend")}</legend>
      <input type="hidden" name="rulesPosted" value="1" />
      <p className="text-xs text-slate-600">{t("hint")}</p>
      {pair("ytd")}
      {pair("rate")}
      {pair("level")}
      {pair("task")}
      {pair("campaign")}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="countUnapproved" defaultChecked={text("countUnapproved") === "on"} />
        {t("countUnapproved")}
      </label>
    </fieldset>
  );
}
