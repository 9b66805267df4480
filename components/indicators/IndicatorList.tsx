import Link from "@/components/ui/Link";
import { getLocale, getTranslations } from "next-intl/server";
import { StatusLight } from "@/components/board/StatusLight";
import { SampleBadge } from "@/components/ui/SampleBadge";
import { localName } from "@/lib/i18n/local-name";
import type { BoardIndicator } from "@/lib/board/queries";
import { indicatorReason } from "@/lib/board/reasons";
import { indicatorMarks } from "@/lib/board/view";
import { formatDate, formatMonth, formatQuantity } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

export interface IndicatorFacts {
  id: string;
  direction: "HIGHER_BETTER" | "LOWER_BETTER";
  baselineNote: string | null;
  baselineIsSample: boolean;
  targetIsSample: boolean;
}

/**
 * Each indicator as the board judges it for the month: baseline → annual target → 序时目标 → latest
 * actual (who, when), its light and the sentence that explains it (完成年度目标, 序时进度, 个百分点, 同比).
 */
export async function IndicatorList({
  indicators,
  facts,
  plan,
  month,
  adjusted,
  editBase,
}: {
  indicators: BoardIndicator[];
  facts: Map<string, IndicatorFacts>;
  plan: { year: number; baselineYear: number };
  month: number;
  /** Indicators whose plan for the month was changed by a 调整. */
  adjusted: Set<string>;
  /** The campaign's path, for those who keep the plan: each indicator gets an edit link. */
  editBase?: string;
}) {
  const [t, at, st, locale] = await Promise.all([
    getTranslations("campaign"),
    getTranslations("planAdmin"),
    getTranslations("status"),
    getLocale() as Promise<Locale>,
  ]);
  if (indicators.length === 0) return <p className="card p-4 text-slate-600">{t("noIndicators")}</p>;
  const cols = {
    name: t("col.indicator"),
    baseline: t("col.baseline", { year: plan.baselineYear }),
    target: t("col.target", { year: plan.year }),
    planned: t("col.planned", { month: formatMonth(plan.year, month, locale) }),
    actual: t("col.actual"),
    status: t("col.status"),
  };
  return (
    <div className="card overflow-hidden">
      <table className="stack-table">
        <thead>
          <tr>
            <th scope="col">{cols.name}</th>
            <th scope="col" className="text-right">
              {cols.baseline}
            </th>
            <th scope="col" className="text-right">
              {cols.target}
            </th>
            <th scope="col" className="text-right">
              {cols.planned}
            </th>
            <th scope="col">{cols.actual}</th>
            <th scope="col">{cols.status}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((ind) => {
            const f = facts.get(ind.id);
            const marks = indicatorMarks({ st, rs: st }, locale, ind, month, adjusted.has(ind.id));
            return (
              <tr key={ind.id} data-testid="indicator-row">
                <td data-label={cols.name}>
                  <span className="font-medium">{localName(ind, locale)}</span>
                  <span className="block text-xs text-slate-500">
                    {t("unit", { unit: ind.unit })} · {f?.direction === "LOWER_BETTER" ? t("lowerBetter") : t("higherBetter")}
                  </span>
                  {editBase && (
                    <Link href={`${editBase}/indicators/${ind.id}/edit`} className="link text-xs" aria-label={at("editIndicatorLabel", { name: ind.name })}>
                      {at("editIndicator")}
                    </Link>
                  )}
                </td>
                <td data-label={cols.baseline} className="num sm:text-right" data-testid="baseline">
                  {formatQuantity(ind.baseline, ind.unit, locale)}
                  {f?.baselineIsSample && <SampleBadge />}
                  {f?.baselineNote && <span className="block text-xs text-slate-500">{f.baselineNote}</span>}
                </td>
                <td data-label={cols.target} className="num sm:text-right">
                  {formatQuantity(ind.target, ind.unit, locale)}
                  {f?.targetIsSample && <SampleBadge />}
                </td>
                <td data-label={cols.planned} className="num sm:text-right">
                  {formatQuantity(ind.planned, ind.unit, locale, ind.decimals)}
                  {ind.planMonth !== month && <span className="block text-xs text-slate-500">{formatMonth(plan.year, ind.planMonth, locale)}</span>}
                </td>
                <td data-label={cols.actual} className="num">
                  {ind.actual ? (
                    <>
                      <span className="font-medium">{formatQuantity(ind.actual.value, ind.unit, locale, ind.decimals)}</span>
                      <span className="block text-xs text-slate-500">
                        {t("reportedBy", {
                          month: formatMonth(plan.year, ind.actual.month, locale),
                          name: ind.actual.reportedBy,
                          date: formatDate(ind.actual.reportedAt, locale),
                        })}
                      </span>
                    </>
                  ) : (
                    <span className="text-slate-500">{t("noValue")}</span>
                  )}
                </td>
                <td data-label={cols.status} className="text-xs leading-5" data-testid="indicator-status">
                  <StatusLight light={ind.status.light} label={st(`light.${ind.status.light}`)} />
                  <span className="block text-slate-700">{indicatorReason(st, locale, ind)}</span>
                  {marks.length > 0 && <span className="block text-slate-600">{marks.join(" · ")}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
