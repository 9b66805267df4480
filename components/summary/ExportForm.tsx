"use client";
// Pick month, campaigns, format and language; the server generates the file, archives it and the
// browser downloads it. While it is generated the form says so, with the seconds elapsed. Without
// JavaScript the same form posts straight to the route and the download follows the redirect.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { Field } from "@/components/ui/Field";
import { FieldError, FormAlert } from "@/components/ui/form";
import { locales, type Locale } from "@/lib/i18n/config";
import { previewSummaryAction } from "@/lib/summary/actions";
import { SUMMARY_FORMATS, type SummaryFormat } from "@/lib/summary/model";
import type { OutlineBlock } from "@/lib/summary/render/outline-blocks";
import { SummaryPreview } from "./SummaryPreview";
import { Notice } from "@/components/ui/Notice";

interface Props {
  planId: string;
  months: { value: number; label: string }[];
  campaigns: { id: string; label: string }[];
  ownOnly: boolean;
  locale: Locale;
  initialError: "invalid" | "forbidden" | "notFound" | null;
}

type Outcome = { kind: "done"; fileName: string } | { kind: "failed" | "forbidden" } | null;

export function ExportForm({ planId, months, campaigns, ownOnly, locale, initialError }: Props) {
  const t = useTranslations("export");
  const router = useRouter();
  const [month, setMonth] = useState(String(months[0]?.value ?? ""));
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(campaigns.map((c) => c.id)));
  const [format, setFormat] = useState<SummaryFormat>("docx");
  const [fileLocale, setFileLocale] = useState<Locale>(locale);
  const [appendix, setAppendix] = useState(false);
  const [preview, setPreview] = useState<{ blocks: OutlineBlock[]; locale: Locale } | "failed" | null>(null);
  const [previewing, startPreview] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [outcome, setOutcome] = useState<Outcome>(initialError === "forbidden" ? { kind: "forbidden" } : initialError ? { kind: "failed" } : null);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [seconds, setSeconds] = useState(0);
  const download = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    if (startedAt === null) return;
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - startedAt) / 1000)), 500);
    return () => clearInterval(timer);
  }, [startedAt]);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (startedAt !== null) return;
    setErrors({});
    setOutcome(null);
    setSeconds(0);
    setStartedAt(Date.now());
    try {
      const response = await fetch(`/api/plans/${encodeURIComponent(planId)}/summaries`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ month: Number(month), format, campaignIds: [...chosen], locale: fileLocale, appendix }),
      });
      const body = (await response.json().catch(() => null)) as {
        url?: string;
        fileName?: string;
        fieldErrors?: Record<string, string[]>;
        error?: string;
      } | null;
      if (response.ok && body?.url && body.fileName && download.current) {
        download.current.href = body.url;
        download.current.click();
        setOutcome({ kind: "done", fileName: body.fileName });
        router.refresh();
      } else if (response.status === 400 && body?.fieldErrors) {
        setErrors(body.fieldErrors);
      } else {
        setOutcome({ kind: response.status === 403 ? "forbidden" : "failed" });
      }
    } catch {
      setOutcome({ kind: "failed" });
    } finally {
      setStartedAt(null);
    }
  }

  function showPreview() {
    setErrors({});
    startPreview(async () => {
      const result = await previewSummaryAction({ planId, locale: fileLocale, month: Number(month), campaignIds: [...chosen], appendix }).catch(() => null);
      if (result?.ok && result.data) setPreview({ blocks: result.data.blocks, locale: fileLocale });
      else if (result && !result.ok && result.error === "invalid") {
        setErrors(result.fieldErrors);
        setPreview(null);
      } else setPreview("failed");
    });
  }

  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <form method="post" action={`/api/plans/${planId}/summaries`} onSubmit={submit} className="space-y-5" noValidate>
      <Field id="export-month" label={t("month")} hint={t("monthHint")} errors={errors.month}>
        {(control) => (
          <select {...control} name="month" className="input" value={month} onChange={(e) => setMonth(e.target.value)}>
            {months.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        )}
      </Field>

      <fieldset aria-describedby="export-campaigns-hint export-campaigns-error">
        <legend className="label">{t("campaigns")}</legend>
        <p id="export-campaigns-hint" className="mb-2 text-xs text-slate-500">
          {ownOnly ? t("ownOnly") : t("campaignsHint", { count: campaigns.length })}
        </p>
        <div className="mb-2 flex gap-2">
          <button type="button" className="btn-secondary" onClick={() => setChosen(new Set(campaigns.map((c) => c.id)))}>
            {t("selectAll")}
          </button>
          <button type="button" className="btn-secondary" onClick={() => setChosen(new Set())}>
            {t("selectNone")}
          </button>
        </div>
        <ul className="max-h-72 space-y-1 overflow-y-auto rounded border border-slate-200 p-2">
          {campaigns.map((c) => (
            <li key={c.id}>
              <label className="flex items-start gap-2 py-1">
                <input
                  type="checkbox"
                  name="campaignIds"
                  value={c.id}
                  checked={chosen.has(c.id)}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                  className="mt-1"
                />
                <span>{c.label}</span>
              </label>
            </li>
          ))}
        </ul>
        <FieldError id="export-campaigns-error" messages={errors.campaignIds} />
      </fieldset>

      <fieldset aria-describedby="export-format-error">
        <legend className="label">{t("format")}</legend>
        <div className="grid gap-1">
          {SUMMARY_FORMATS.map((f) => (
            <label key={f} className="flex items-center gap-2 rounded border border-slate-200 px-3 py-2">
              <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} />
              <span>{t(`formats.${f}`)}</span>
            </label>
          ))}
        </div>
        <FieldError id="export-format-error" messages={errors.format} />
      </fieldset>

      <div>
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name="appendix"
            checked={appendix}
            onChange={(e) => setAppendix(e.target.checked)}
            className="mt-1"
            aria-describedby="export-appendix-hint"
          />
          <span>{t("appendix")}</span>
        </label>
        <p id="export-appendix-hint" className="mt-1 text-xs text-slate-500">
          {t("appendixHint")}
        </p>
      </div>

      <Field id="export-locale" label={t("language")}>
        {(control) => (
          <select {...control} name="locale" className="input" value={fileLocale} onChange={(e) => setFileLocale(e.target.value as Locale)}>
            {locales.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={startedAt !== null} aria-busy={startedAt !== null}>
          {t("generate")}
        </button>
        <button type="button" className="btn-secondary" onClick={showPreview} disabled={previewing} aria-busy={previewing}>
          {previewing ? t("previewing") : t("preview")}
        </button>
        {/* The download link the script follows once the file is ready (not shown). */}
        <a ref={download} href="#" download hidden aria-hidden="true" tabIndex={-1}>
          {t("download")}
        </a>
      </div>
      <FormAlert>
        {startedAt !== null && (
          <p className="flex items-center gap-2 text-sm text-slate-700">
            <span className="inline-block h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-slate-700" aria-hidden="true" />
            {t("generating", { seconds })}
          </p>
        )}
        {outcome?.kind === "done" && <Notice tone="success">{t("done", { fileName: outcome.fileName })}</Notice>}
        {outcome?.kind === "failed" && <Notice tone="error">{t("failed")}</Notice>}
        {outcome?.kind === "forbidden" && <Notice tone="error">{t("forbidden")}</Notice>}
        {preview === "failed" && <Notice tone="error">{t("previewFailed")}</Notice>}
      </FormAlert>
      {preview && preview !== "failed" && (
        <section aria-labelledby="export-preview-heading" className="space-y-2">
          <div className="flex items-baseline gap-2">
            <h3 id="export-preview-heading" className="flex-1 font-semibold">
              {t("previewHeading")}
            </h3>
            <button type="button" className="link text-sm" onClick={() => setPreview(null)}>
              {t("previewClose")}
            </button>
          </div>
          <p className="text-xs text-slate-500">{t("previewHint")}</p>
          <SummaryPreview blocks={preview.blocks} colon={preview.locale === "zh-CN" ? "：" : ": "} />
        </section>
      )}
    </form>
  );
}
