"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { Field } from "@/components/ui/Field";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { FieldError, FormAlert } from "@/components/ui/form";
import { Notice } from "@/components/ui/Notice";
import { Section } from "@/components/ui/Section";
import type { FormState } from "@/lib/form-action";
import type { SavedReport } from "@/lib/reports/save";
import { NARRATIVE_FIELDS } from "@/lib/reports/schemas";
import type { MovedTask } from "@/lib/reports/save";
import { ConflictView } from "./ConflictView";
import { LocalCopyNotice, SaveStatus } from "./SaveStatus";
import { IndicatorInputs } from "./IndicatorInputs";
import { TaskInputs } from "./TaskInputs";
import type { BindInput, ReportIndicator, ReportTask } from "./types";
import { useAutosave } from "./useAutosave";
import { useLocalDraft } from "./useLocalDraft";

interface Props {
  campaignId: string;
  year: number;
  month: number;
  version: number;
  /** Field name → value as saved on the server (value.<id>, task.<id>.percent, progressText …). */
  initial: Record<string, string>;
  indicators: ReportIndicator[];
  tasks: ReportTask[];
  monthLabel: string;
  /** Who the report goes to, said in the confirmation before it is submitted. */
  submitNote: string;
  children?: React.ReactNode;
}

/** The monthly report as its lead fills it in: saved as they type, kept on the device, submitted after a confirmation. */
export function ReportForm(props: Props) {
  const t = useTranslations("report");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const local = useLocalDraft(`duban:report:${props.campaignId}:${props.year}-${props.month}`, props.version);

  const [values, setValues] = useState<Record<string, string>>(props.initial);
  const [version, setVersion] = useState(props.version);
  const [taskVersions, setTaskVersions] = useState<Record<string, number>>(() => Object.fromEntries(props.tasks.map((task) => [task.id, task.version])));
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  // The latest answer from the server, whether to an autosave or to a button.
  const [latest, setLatest] = useState<FormState<SavedReport> | null>(null);
  const result = latest?.result;
  // A draft saved all but these (kept here with their errors); a refused save names them all.
  const errors = result?.ok ? (result.data?.fieldErrors ?? {}) : result?.error === "invalid" ? result.fieldErrors : {};
  const conflict = result && !result.ok && result.error === "conflict" ? result.current : null;
  const valuesRef = useRef(values);
  useEffect(() => {
    valuesRef.current = values;
  }, [values]);

  const onResult = useCallback(
    (s: FormState<SavedReport>) => {
      setLatest(s);
      const r = s.result;
      if (r && !r.ok && r.error === "conflict" && Array.isArray(r.current.movedTasks)) {
        // The lead now sees the tasks as saved; submitting again is a decision to replace them.
        const moved = r.current.movedTasks as MovedTask[];
        setTaskVersions((v) => ({ ...v, ...Object.fromEntries(moved.map((m) => [m.id, m.version])) }));
      }
      if (r?.ok && r.data) {
        setVersion(r.data.version);
        setSavedAt(new Date());
        setDirty(false);
        // Fields the server could not take stay only here (and on the device) until they are fixed.
        if (r.data.fieldErrors) local.keep(r.data.version, valuesRef.current);
        else local.clear();
        // Submitted (the page becomes read-only), or just created (evidence can now attach to it).
        if (r.data.status !== "DRAFT" && r.data.status !== "RETURNED") router.refresh();
        else if (r.data.version === 1) router.refresh();
      }
    },
    [router, local],
  );
  const { formAction, pending, offline } = useAutosave({ formRef, initialVersion: props.version, onResult, dirty, paused: !!conflict, changeKey: values });

  const set = (name: string, value: string) => {
    setValues((v) => {
      const next = { ...v, [name]: value };
      local.keep(version, next);
      return next;
    });
    setDirty(true);
  };
  const input: BindInput = (name) => ({ name, value: values[name] ?? "", onChange: (e) => set(name, e.target.value) });
  const errorCount = Object.keys(errors).length;
  const restorable = local.restorable;

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-6" aria-describedby="report-status">
      <input type="hidden" name="campaignId" value={props.campaignId} />
      <input type="hidden" name="year" value={props.year} />
      <input type="hidden" name="month" value={props.month} />
      <input type="hidden" name="version" value={version} />
      {props.tasks.map((task) => (
        <input key={task.id} type="hidden" name={`taskVersion.${task.id}`} value={taskVersions[task.id] ?? task.version} />
      ))}

      <SaveStatus offline={offline} dirty={dirty} savedAt={savedAt} errorCount={errorCount} />

      {restorable && !dirty && !savedAt && (
        <LocalCopyNotice
          onRestore={() => {
            setValues(restorable);
            setDirty(true);
          }}
          onDiscard={local.clear}
        />
      )}

      <FormAlert>
        {conflict && <ConflictView current={conflict} mine={values} indicators={props.indicators} tasks={props.tasks} />}
        {result && !result.ok && result.error === "locked" && <Notice tone="warning">{t("locked")}</Notice>}
        {result && !result.ok && (result.error === "notFound" || result.error === "forbidden") && <Notice tone="error">{t("notAllowed")}</Notice>}
        {errorCount > 0 && <Notice tone="error">{t("fixErrors", { count: errorCount })}</Notice>}
        <FieldError id="month-error" messages={errors.month} />
        <FieldError id="form-error" messages={errors.form} />
      </FormAlert>

      <Section title={t("indicatorsHeading", { month: props.monthLabel })}>
        <IndicatorInputs indicators={props.indicators} errors={errors} input={input} values={values} />
      </Section>

      <Section title={t("tasksHeading")}>
        <TaskInputs tasks={props.tasks} errors={errors} input={input} />
      </Section>

      <Section title={t("narrativeHeading")} className="space-y-4">
        {NARRATIVE_FIELDS.map((name) => (
          <Field key={name} id={name} label={t(`narrative.${name}`)} errors={errors[name]} hint={t(`narrativeHint.${name}`)}>
            {(aria) => <textarea {...aria} {...input(name)} rows={4} className="input py-2" />}
          </Field>
        ))}
      </Section>

      {props.children}

      <div className="sticky bottom-0 -mx-3 flex flex-wrap gap-3 border-t border-slate-200 bg-white/95 p-3 sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:p-0">
        <button type="submit" name="intent" value="save" className="btn-secondary" disabled={pending}>
          {t("saveDraft")}
        </button>
        <ConfirmDialog
          submit={{ name: "intent", value: "submit" }}
          className="btn-primary flex-1 sm:flex-none"
          disabled={pending}
          label={pending ? t("working") : conflict ? t("submitMine") : t("submit")}
          title={t("confirmSubmitTitle", { month: props.monthLabel })}
          body={
            <>
              <p>{props.submitNote}</p>
              <p>{t("confirmSubmitWithdraw")}</p>
            </>
          }
          confirmLabel={t("confirmSubmit")}
          cancelLabel={t("confirmCancel")}
        />
      </div>
    </form>
  );
}
