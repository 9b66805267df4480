import { getTranslations } from "next-intl/server";
import type { DryRun } from "@/lib/plans/import/diff";
import { SHEET } from "@/lib/plans/import/format";
import type { CellError, Fate } from "@/lib/plans/import/types";
import { describeError, type ImportTranslator } from "./error-text";
import { Notice } from "@/components/ui/Notice";

const FATE_STYLE: Record<Fate, string> = {
  create: "border-emerald-300 bg-emerald-50 text-emerald-900",
  update: "border-sky-300 bg-sky-50 text-sky-900",
  unchanged: "border-slate-300 bg-slate-50 text-slate-700",
  error: "border-red-300 bg-red-50 text-red-900",
};

/** The dry run: what the file would do, every problem by row and column, and every row's fate. */
export async function ImportReport({ dry, fileName }: { dry: DryRun; fileName: string }) {
  const t: ImportTranslator = await getTranslations("planImport");
  const cols = { sheet: t("table.sheet"), row: t("table.row"), item: t("table.item"), fate: t("table.fate"), detail: t("table.detail") };
  const rowProblems = (sheet: string, row: number) =>
    dry.errors
      .filter((e: CellError) => e.sheet === sheet && e.row === row)
      .map((e) => `${e.column ? `「${e.column}」` : ""}${t(`errors.${e.key}`, e.values)}`)
      .join("；");

  return (
    <section className="card mt-6 overflow-hidden" aria-labelledby="import-report-heading">
      <div className="space-y-2 p-4">
        <h2 id="import-report-heading" className="font-semibold">
          {t("checking", { name: fileName || "—" })}
        </h2>
        {dry.plan && (
          <p className="text-sm text-slate-700" data-testid="import-plan">
            {dry.plan.id ? t("existingPlan", { title: dry.plan.title, year: dry.plan.year }) : t("newPlan", { title: dry.plan.title, year: dry.plan.year })}
          </p>
        )}
        <p className="font-medium" data-testid="import-summary">
          {t("summary", dry.counts)}
        </p>
        <p className="text-sm text-slate-600">{t("noDelete")}</p>
        {dry.errors.length > 0 && (
          <Notice tone="error">
            <p className="font-medium">{t("errorsHeading", { count: dry.errors.length })}</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {dry.errors.map((e, i) => (
                <li key={i} data-testid="import-error">
                  {describeError(t, e)}
                </li>
              ))}
            </ul>
          </Notice>
        )}
      </div>
      <table className="stack-table">
        <caption className="sr-only">{t("table.caption")}</caption>
        <thead>
          <tr>
            {Object.entries(cols).map(([k, label]) => (
              <th key={k} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dry.fates.map((f) => (
            <tr key={`${f.sheet}:${f.row}`} data-testid="import-row" data-fate={f.fate}>
              <td data-label={cols.sheet}>{SHEET[f.sheet]}</td>
              <td data-label={cols.row} className="num">
                {f.row}
              </td>
              <td data-label={cols.item}>{f.label}</td>
              <td data-label={cols.fate}>
                <span className={`inline-block rounded border px-1.5 text-xs font-medium ${FATE_STYLE[f.fate]}`}>{t(`fate.${f.fate}`)}</span>
              </td>
              <td data-label={cols.detail} className="text-sm">
                {f.fate === "error" ? rowProblems(f.sheet, f.row) : f.changed.length > 0 ? t("changed", { fields: f.changed.join("、") }) : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
