"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import type { FormState } from "@/lib/form-action";
import { createIndicatorAction, updateIndicatorAction } from "@/lib/indicators/actions";
import { ACCUMULATIONS, DIRECTIONS } from "@/lib/plans/constants";
import { parseDecimalInput } from "@/lib/validation/numbers";
import { MONTHS, monthField, TRAJECTORY_CHOICES, type TrajectoryBasis, type TrajectoryChoice } from "@/lib/indicators/trajectory-choice";
import type { ChangeContext } from "@/lib/plans/history/versioning";
import { ChangeFields } from "@/components/plans/ChangeFields";
import { formView, type FormValues } from "@/components/ui/form-state";
import { FormButtons, FormStatus } from "@/components/ui/FormStatus";
import { CheckboxField, SelectField, TextField } from "@/components/ui/inputs";
import { TrajectoryFields } from "./TrajectoryFields";

type Props = {
  planId: string;
  /** Null for a town-wide indicator. */
  campaignId: string | null;
  year: number;
  baselineYear: number;
  initial: FormValues;
  cancelHref: string;
} & ({ mode: "create" } | { mode: "edit"; indicatorId: string; version: number; change: ChangeContext });

/** The figures the trajectory is generated from, as they stand in the form (or were posted). */
function basisOf(get: (name: string) => string): TrajectoryBasis {
  const decimals = parseDecimalInput(get("decimals"));
  return {
    accumulation: get("accumulation") === "LEVEL" ? "LEVEL" : "CUMULATIVE",
    baseline: get("baseline"),
    target: get("target"),
    decimals: decimals === null ? Number.NaN : Number(decimals),
  };
}

const formGetter = (form: HTMLFormElement) => {
  const data = new FormData(form);
  return (name: string) => {
    const v = data.get(name);
    return typeof v === "string" ? v : "";
  };
};

/** An indicator: name, unit, precision, direction, kind, baseline and target, and its monthly plan. */
export function IndicatorForm(props: Props) {
  const [state, action, pending] = useActionState<FormState<{ id: string }>, FormData>(
    props.mode === "create" ? createIndicatorAction : updateIndicatorAction,
    {},
  );
  const view = formView(state, props.initial, props.mode === "edit" ? props.version : undefined);
  return (
    <form action={action} className="card space-y-5 p-4 sm:p-6" noValidate key={view.key}>
      <input type="hidden" name="planId" value={props.planId} />
      <input type="hidden" name="campaignId" value={props.campaignId ?? ""} />
      {props.mode === "edit" && (
        <>
          <input type="hidden" name="indicatorId" value={props.indicatorId} />
          <input type="hidden" name="version" value={view.version} />
        </>
      )}
      <FormStatus result={view.result} />
      <IndicatorFields view={view} year={props.year} baselineYear={props.baselineYear} />
      {props.mode === "edit" && <ChangeFields change={props.change} errors={view.errors} text={view.text} year={props.year} />}
      <FormButtons pending={pending} conflict={!!view.conflict} cancelHref={props.cancelHref} />
    </form>
  );
}

function IndicatorFields({ view, year, baselineYear }: { view: ReturnType<typeof formView>; year: number; baselineYear: number }) {
  const t = useTranslations("planAdmin.indicator");
  const { errors, text } = view;
  // The preview follows the figures as they are typed (inputs stay uncontrolled: the form reads them).
  const [basis, setBasis] = useState(() => basisOf(text));
  const choice = (TRAJECTORY_CHOICES as readonly string[]).includes(text("trajectory")) ? (text("trajectory") as TrajectoryChoice) : "even";

  return (
    <div
      className="space-y-5"
      onChange={(e) => {
        const form = (e.target as HTMLInputElement).form;
        if (form) setBasis(basisOf(formGetter(form)));
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label={t("name")} errors={errors} defaultValue={text("name")} />
        <TextField name="nameEn" label={t("nameEn")} errors={errors} defaultValue={text("nameEn")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-4">
        <TextField name="unit" label={t("unit")} hint={t("unitHint")} errors={errors} defaultValue={text("unit")} />
        <TextField
          name="decimals"
          label={t("decimals")}
          hint={t("decimalsHint")}
          errors={errors}
          defaultValue={text("decimals")}
          inputMode="numeric"
          className="sm:col-span-3"
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="direction"
          label={t("direction")}
          errors={errors}
          defaultValue={text("direction")}
          options={DIRECTIONS.map((d) => ({ value: d, label: t(`directionOptions.${d}`) }))}
        />
        <SelectField
          name="accumulation"
          label={t("accumulation")}
          errors={errors}
          defaultValue={text("accumulation")}
          options={ACCUMULATIONS.map((a) => ({ value: a, label: t(`accumulationOptions.${a}`) }))}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="baseline"
          label={t("baseline")}
          hint={t("baselineHint", { year: baselineYear })}
          errors={errors}
          defaultValue={text("baseline")}
          inputMode="decimal"
        />
        <TextField name="target" label={t("target")} hint={t("targetHint", { year })} errors={errors} defaultValue={text("target")} inputMode="decimal" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="baselineNote" label={t("baselineNote")} errors={errors} defaultValue={text("baselineNote")} />
        <TextField name="dataSource" label={t("dataSource")} errors={errors} defaultValue={text("dataSource")} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="baselineIsSample" defaultChecked={text("baselineIsSample") === "on"} />
        {t("baselineIsSample")}
      </label>
      <CheckboxField name="allowOutOfRange" label={t("allowOutOfRange")} hint={t("allowOutOfRangeHint")} defaultChecked={text("allowOutOfRange") === "on"} />
      <TrajectoryFields basis={basis} initialChoice={choice} initialMonths={MONTHS.map((m) => text(monthField(m)))} errors={errors} />
    </div>
  );
}
