// 计划变更记录: every change of the plan since it was first set, newest first, with when it applies
// from and why; the changes of targets waiting for approval first, with the decision form for those
// who may decide them.
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime, formatMonth, formatQuantity } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import type { PlanChangeRow } from "@/lib/plans/history/changes";
import { readIndicatorPlan, readTaskPlan } from "@/lib/plans/history/versions";
import { DecidePlanChange } from "./DecidePlanChange";

export async function PlanChanges({ rows, year }: { rows: PlanChangeRow[]; year: number }) {
  const [t, locale] = await Promise.all([getTranslations("planChanges"), getLocale() as Promise<Locale>]);
  if (rows.length === 0) return null;
  const what = (r: PlanChangeRow) => {
    if (r.indicator) {
      const p = readIndicatorPlan(r.payload);
      const name = r.indicator.campaign ? `${r.indicator.campaign.number}. ${r.indicator.campaign.name} · ${r.indicator.name}` : r.indicator.name;
      return { name: r.indicator.name, text: `${name}：${t("target", { value: formatQuantity(p?.target, r.indicator.unit, locale, r.indicator.decimals) })}` };
    }
    if (r.task) {
      const p = readTaskPlan(r.payload);
      return {
        name: r.task.title,
        text: `${r.task.campaign.number}. ${r.task.campaign.name} · ${r.task.title}：${t("task", { due: p?.dueDate ?? "—", weight: p?.weight ?? "—" })}`,
      };
    }
    return { name: t("rules"), text: t("rules") };
  };
  return (
    <section aria-labelledby="plan-changes-heading" className="mt-8" data-testid="plan-changes">
      <h2 id="plan-changes-heading" className="mb-2 text-lg font-semibold">
        {t("heading")}
      </h2>
      <ul className="card divide-y divide-slate-200 text-sm">
        {[...rows.filter((r) => r.status === "PENDING"), ...rows.filter((r) => r.status !== "PENDING")].map((r) => {
          const w = what(r);
          return (
            <li key={r.id} className="p-3" data-testid="plan-change">
              <p className="flex flex-wrap items-center gap-2">
                <span
                  className={`rounded px-1.5 text-xs font-medium ${r.kind === "ADJUSTMENT" ? "bg-purple-100 text-purple-900" : "bg-slate-100 text-slate-800"}`}
                >
                  {t(`kind.${r.kind}`)}
                </span>
                <span
                  className={`rounded px-1.5 text-xs font-medium ${r.status === "PENDING" ? "bg-amber-100 text-amber-900" : r.status === "REJECTED" ? "bg-red-100 text-red-900" : "bg-green-100 text-green-900"}`}
                >
                  {t(`status.${r.status}`)}
                </span>
                <span className="font-medium">{w.text}</span>
              </p>
              <p className="mt-1 text-slate-600">
                {t("from", { month: formatMonth(year, r.fromMonth, locale) })} ·{" "}
                {t("asked", { name: r.requestedBy?.name ?? "—", date: formatDateTime(r.requestedAt, locale) })}
                {r.reason && ` · ${t("reason", { reason: r.reason })}`}
                {r.decidedAt && ` · ${t("decided", { name: r.decidedBy?.name ?? "—", date: formatDateTime(r.decidedAt, locale) })}`}
                {r.decisionNote && ` · ${t("decisionNote", { note: r.decisionNote })}`}
              </p>
              {r.status === "PENDING" && r.indicator?.campaign?.leadingOfficial && (
                <p className="text-slate-600">{t("waitingFor", { name: r.indicator.campaign.leadingOfficial.name })}</p>
              )}
              {r.status === "PENDING" && r.mayDecide && <DecidePlanChange versionId={r.id} name={w.name} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
