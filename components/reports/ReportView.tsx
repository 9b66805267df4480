import { getTranslations } from "next-intl/server";
import { NARRATIVE_FIELDS } from "@/lib/reports/schemas";
import type { ReportIndicator, ReportTask } from "./types";

/** A report as read by leadership (and by its lead once submitted): values against plan, tasks, narrative. */
export async function ReportView({
  indicators,
  tasks,
  values,
  decreaseReasons = {},
  taskUpdates,
  narrative,
}: {
  indicators: ReportIndicator[];
  tasks: ReportTask[];
  values: Record<string, string>;
  /** Why a year-to-date figure is below the month before's, kept with the figure. */
  decreaseReasons?: Record<string, string>;
  taskUpdates: Record<string, { percentDone: number; status: string }>;
  narrative: Record<(typeof NARRATIVE_FIELDS)[number], string>;
}) {
  const [t, ts] = await Promise.all([getTranslations("report"), getTranslations("tasks")]);
  return (
    <div className="space-y-6">
      <section className="card overflow-hidden" aria-labelledby="view-values">
        <h2 id="view-values" className="p-4 pb-2 text-lg font-semibold">
          {t("tasksValues")}
        </h2>
        <table className="stack-table">
          <thead>
            <tr>
              <th scope="col">{t("col.indicator")}</th>
              <th scope="col" className="text-right">
                {t("col.baseline")}
              </th>
              <th scope="col" className="text-right">
                {t("col.planned")}
              </th>
              <th scope="col" className="text-right">
                {t("col.actual")}
              </th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((ind) => (
              <tr key={ind.id} data-testid="report-value">
                <td data-label={t("col.indicator")}>
                  {ind.name}
                  <span className="ml-1 text-xs text-slate-500">（{ind.unit}）</span>
                </td>
                <td data-label={t("col.baseline")} className="num sm:text-right">
                  {ind.baseline}
                </td>
                <td data-label={t("col.planned")} className="num sm:text-right">
                  {ind.planned}
                </td>
                <td data-label={t("col.actual")} className="num font-semibold sm:text-right">
                  {values[ind.id] ?? "—"}
                  {decreaseReasons[ind.id] && (
                    <span className="block text-xs font-normal text-amber-800" data-testid="decrease-reason">
                      {t("decreaseReasonShown", { reason: decreaseReasons[ind.id] ?? "" })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card p-4" aria-labelledby="view-tasks">
        <h2 id="view-tasks" className="mb-2 text-lg font-semibold">
          {t("tasksHeading")}
        </h2>
        <ul className="divide-y divide-slate-200 text-sm">
          {tasks.map((task) => {
            const u = taskUpdates[task.id];
            return (
              <li key={task.id} className={`flex flex-wrap justify-between gap-2 py-2 ${task.nested ? "pl-4" : ""}`}>
                <span>{task.title}</span>
                <span className="num text-slate-700">{u ? `${u.percentDone}% · ${ts(`status.${u.status}`)}` : "—"}</span>
              </li>
            );
          })}
        </ul>
      </section>
      <section className="card space-y-4 p-4" aria-labelledby="view-narrative">
        <h2 id="view-narrative" className="text-lg font-semibold">
          {t("narrativeHeading")}
        </h2>
        {NARRATIVE_FIELDS.map((f) => (
          <div key={f}>
            <h3 className="text-sm font-semibold text-slate-700">{t(`narrative.${f}`)}</h3>
            <p className="whitespace-pre-wrap text-slate-900" data-testid={`narrative-${f}`}>
              {narrative[f] || "—"}
            </p>
          </div>
        ))}
      </section>
    </div>
  );
}
