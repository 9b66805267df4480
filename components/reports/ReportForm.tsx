"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useCallback, useEffect, useRef, useState, useSyncExternalStore, useTransition } from "react";
import { Field } from "@/components/ui/Field";
import { FieldError, FormAlert } from "@/components/ui/form";
import { saveReportAction, type ReportFormState } from "@/lib/reports/actions";
import { NARRATIVE_FIELDS } from "@/lib/reports/schemas";
import { TASK_STATUSES } from "@/lib/tasks/schemas";
import type { ReportIndicator, ReportTask } from "./types";

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
  children?: React.ReactNode;
}

const AUTOSAVE_MS = 1500;

export function ReportForm(props: Props) {
  const t = useTranslations("report");
  const ts = useTranslations("tasks");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const storageKey = `duban:report:${props.campaignId}:${props.year}-${props.month}`;

  const [values, setValues] = useState<Record<string, string>>(props.initial);
  const [version, setVersion] = useState(props.version);
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  // The latest answer from the server, whether to an autosave or to a button.
  const [latest, setLatest] = useState<ReportFormState | null>(null);
  const [, startTransition] = useTransition();
  const result = latest?.result;
  const errors = result && !result.ok && result.error === "invalid" ? result.fieldErrors : {};
  const conflict = result && !result.ok && result.error === "conflict" ? result.current : null;

  // The version the next save is based on; a ref, because saves queue up faster than renders.
  const versionRef = useRef(props.version);
  const inflight = useRef<Promise<unknown> | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const applyResult = useCallback(
    (s: ReportFormState) => {
      setLatest(s);
      // After a conflict the user has seen the other version; saving again is a decision to replace it.
      if (s.result && !s.result.ok && s.result.error === "conflict" && typeof s.result.current.version === "number") {
        versionRef.current = s.result.current.version;
      }
      if (s.result?.ok && s.result.data) {
        versionRef.current = s.result.data.version;
        setVersion(s.result.data.version);
        setSavedAt(new Date());
        setDirty(false);
        window.localStorage.removeItem(storageKey);
        // Submitted (the page becomes read-only), or just created (evidence can now attach to it).
        if (s.result.data.status !== "DRAFT" && s.result.data.status !== "RETURNED") router.refresh();
        else if (s.result.data.version === 1) router.refresh();
      }
    },
    [router, storageKey],
  );

  // A save that never reached the server (no network in the field): the input stays here and on
  // this device, and the next change or click tries again.
  const [offline, setOffline] = useState(false);
  const send = useCallback(
    async (prev: ReportFormState | undefined, data: FormData): Promise<ReportFormState> => {
      window.clearTimeout(timer.current);
      // One save at a time, each on the version the previous one left (a click during an autosave).
      while (inflight.current) await inflight.current.catch(() => undefined);
      const run = (async () => {
        data.set("version", String(versionRef.current));
        try {
          const s = await saveReportAction(prev, data);
          setOffline(false);
          applyResult(s);
          return s;
        } catch {
          setOffline(true);
          return prev ?? {};
        }
      })();
      inflight.current = run;
      try {
        return await run;
      } finally {
        if (inflight.current === run) inflight.current = null;
      }
    },
    [applyResult],
  );
  const [, formAction, pending] = useActionState(send, {});

  // A local copy of what was typed survives a lost connection or a closed tab; offered back on return.
  const localCopy = useSyncExternalStore(
    subscribeToStorage,
    () => window.localStorage.getItem(storageKey),
    () => null,
  );
  const restorable = parseLocal(localCopy, props.version);

  // Autosave: a moment after the lead stops typing, save the draft (never submit).
  useEffect(() => {
    if (!dirty || conflict) return;
    timer.current = window.setTimeout(() => {
      const form = formRef.current;
      if (!form) return;
      const data = new FormData(form);
      data.set("intent", "save");
      startTransition(async () => {
        await send(undefined, data);
      });
    }, AUTOSAVE_MS);
    return () => window.clearTimeout(timer.current);
  }, [dirty, values, conflict, send]);

  const set = (name: string, value: string) => {
    setValues((v) => {
      const next = { ...v, [name]: value };
      window.localStorage.setItem(storageKey, JSON.stringify({ version, values: next }));
      return next;
    });
    setDirty(true);
  };

  const input = (name: string) => ({ name, value: values[name] ?? "", onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => set(name, e.target.value) });

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-6" aria-describedby="report-status">
      <input type="hidden" name="campaignId" value={props.campaignId} />
      <input type="hidden" name="year" value={props.year} />
      <input type="hidden" name="month" value={props.month} />
      <input type="hidden" name="version" value={version} />

      <div id="report-status" className="text-sm text-slate-600" aria-live="polite">
        {offline ? <span className="font-medium text-orange-800">{t("offline")}</span> : dirty ? t("unsaved") : savedAt ? t("savedAt", { time: savedAt.toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit", second: "2-digit" }) }) : null}
      </div>

      {restorable && !dirty && (
        <div role="status" className="flex flex-wrap items-center gap-3 rounded-md border border-blue-300 bg-blue-50 p-3 text-sm text-blue-900">
          <span>{t("localCopy")}</span>
          <button
            type="button"
            className="btn-secondary min-h-8 px-3"
            onClick={() => {
              setValues(restorable);
              setDirty(true);
            }}
          >
            {t("restore")}
          </button>
          <button type="button" className="link" onClick={() => window.localStorage.removeItem(storageKey)}>
            {t("discard")}
          </button>
        </div>
      )}

      <FormAlert>
        {conflict && <ConflictNotice current={conflict} mine={values} indicators={props.indicators} />}
        {result && !result.ok && result.error === "locked" && (
          <p role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900">
            {t("locked")}
          </p>
        )}
        {result && !result.ok && (result.error === "notFound" || result.error === "forbidden") && (
          <p role="alert" className="field-error">
            {t("notAllowed")}
          </p>
        )}
        {Object.keys(errors).length > 0 && (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
            {t("fixErrors", { count: Object.keys(errors).length })}
          </p>
        )}
        <FieldError id="month-error" messages={errors.month} />
      </FormAlert>

      <section aria-labelledby="values-heading" className="card p-4">
        <h2 id="values-heading" className="mb-3 text-lg font-semibold">
          {t("indicatorsHeading", { month: props.monthLabel })}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          {props.indicators.map((ind) => (
            <Field
              key={ind.id}
              id={`value-${ind.id}`}
              label={`${ind.name}（${ind.unit}）`}
              errors={errors[`value.${ind.id}`]}
              hint={t("indicatorHint", { baseline: ind.baseline, target: ind.target, planned: ind.planned, previous: ind.previous })}
            >
              {(aria) => <input {...aria} {...input(`value.${ind.id}`)} className="input num" inputMode="decimal" autoComplete="off" />}
            </Field>
          ))}
        </div>
      </section>

      <section aria-labelledby="tasks-heading" className="card p-4">
        <h2 id="tasks-heading" className="mb-3 text-lg font-semibold">
          {t("tasksHeading")}
        </h2>
        <ul className="divide-y divide-slate-200">
          {props.tasks.map((task) => (
            <li key={task.id} className={`py-3 ${task.nested ? "pl-4" : ""}`} data-testid="report-task">
              <p className="font-medium">{task.title}</p>
              <p className="mb-2 text-xs text-slate-500">
                {ts("owner", { name: task.owner })} · {ts("due", { date: task.due })}
              </p>
              <div className="flex flex-wrap gap-3">
                <Field id={`task-${task.id}-percent`} label={t("percent")} errors={errors[`task.${task.id}.percent`]} className="w-32">
                  {(aria) => <input {...aria} {...input(`task.${task.id}.percent`)} className="input num" inputMode="numeric" autoComplete="off" />}
                </Field>
                <Field id={`task-${task.id}-status`} label={t("status")} errors={errors[`task.${task.id}.status`]} className="min-w-40 flex-1">
                  {(aria) => (
                    <select {...aria} {...input(`task.${task.id}.status`)} className="input">
                      {TASK_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {ts(`status.${s}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="narrative-heading" className="card space-y-4 p-4">
        <h2 id="narrative-heading" className="text-lg font-semibold">
          {t("narrativeHeading")}
        </h2>
        {NARRATIVE_FIELDS.map((name) => (
          <Field key={name} id={name} label={t(`narrative.${name}`)} errors={errors[name]} hint={t(`narrativeHint.${name}`)}>
            {(aria) => <textarea {...aria} {...input(name)} rows={4} className="input py-2" />}
          </Field>
        ))}
      </section>

      {props.children}

      <div className="sticky bottom-0 -mx-3 flex flex-wrap gap-3 border-t border-slate-200 bg-white/95 p-3 sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:p-0">
        <button type="submit" name="intent" value="save" className="btn-secondary" disabled={pending}>
          {t("saveDraft")}
        </button>
        <button type="submit" name="intent" value="submit" className="btn-primary flex-1 sm:flex-none" disabled={pending}>
          {pending ? t("working") : conflict ? t("submitMine") : t("submit")}
        </button>
      </div>
    </form>
  );
}

function ConflictNotice({ current, mine, indicators }: { current: Record<string, unknown>; mine: Record<string, string>; indicators: ReportIndicator[] }) {
  const t = useTranslations("report");
  const theirs = (current.values ?? {}) as Record<string, string>;
  const changed: { label: string; theirs: string; mine: string }[] = [];
  for (const ind of indicators) {
    const a = theirs[ind.id] ?? "";
    const b = (mine[`value.${ind.id}`] ?? "").trim();
    if (a !== b) changed.push({ label: ind.name, theirs: a || "—", mine: b || "—" });
  }
  for (const name of NARRATIVE_FIELDS) {
    const a = String(current[name] ?? "");
    const b = (mine[name] ?? "").trim();
    if (a !== b) changed.push({ label: t(`narrative.${name}`), theirs: a || "—", mine: b || "—" });
  }
  return (
    <div role="alert" data-testid="conflict" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900">
      <p className="font-medium">{t("conflict")}</p>
      {changed.length > 0 && (
        <table className="mt-2 w-full text-left text-xs">
          <thead>
            <tr>
              <th scope="col" className="pr-2">{t("conflictField")}</th>
              <th scope="col" className="pr-2">{t("conflictTheirs")}</th>
              <th scope="col">{t("conflictMine")}</th>
            </tr>
          </thead>
          <tbody>
            {changed.map((c) => (
              <tr key={c.label}>
                <td className="pr-2 align-top">{c.label}</td>
                <td className="pr-2 align-top whitespace-pre-wrap">{c.theirs}</td>
                <td className="align-top whitespace-pre-wrap">{c.mine}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function subscribeToStorage(onChange: () => void) {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

/** The locally kept values, if they were typed on top of the version now on the server. */
function parseLocal(raw: string | null, version: number): Record<string, string> | null {
  if (!raw) return null;
  try {
    const local = JSON.parse(raw) as { version: number; values: Record<string, string> };
    return local.version === version ? local.values : null;
  } catch {
    return null;
  }
}
