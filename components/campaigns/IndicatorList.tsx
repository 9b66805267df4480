import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SampleBadge } from "@/components/ui/SampleBadge";
import { formatDate, formatMonth, formatQuantity } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

interface IndicatorRow {
  id: string;
  name: string;
  nameEn: string | null;
  unit: string;
  decimals: number;
  baselineValue: { toString(): string } | null;
  baselineIsSample: boolean;
  baselineNote: string | null;
  targetValue: { toString(): string } | null;
  targetIsSample: boolean;
  direction: "HIGHER_BETTER" | "LOWER_BETTER";
  trajectory: { month: number; plannedValue: { toString(): string } }[];
  values: { month: number; value: { toString(): string }; reportedAt: Date; reportedBy: { name: string } }[];
}

/** Each indicator: baseline year → target → planned for this month → latest actual (who, when). */
export async function IndicatorList({
  indicators,
  plan,
  month,
  editBase,
}: {
  indicators: IndicatorRow[];
  plan: { year: number; baselineYear: number };
  month: number;
  /** The campaign's path, for those who keep the plan: each indicator gets an edit link. */
  editBase?: string;
}) {
  const [t, at, locale] = await Promise.all([getTranslations("campaign"), getTranslations("planAdmin"), getLocale() as Promise<Locale>]);
  if (indicators.length === 0) return <p className="card p-4 text-slate-600">{t("noIndicators")}</p>;
  const cols = {
    name: t("col.indicator"),
    baseline: t("col.baseline", { year: plan.baselineYear }),
    target: t("col.target", { year: plan.year }),
    planned: t("col.planned", { month: formatMonth(plan.year, month, locale) }),
    actual: t("col.actual"),
  };
  return (
    <div className="card overflow-hidden">
      <table className="stack-table">
        <thead>
          <tr>
            <th scope="col">{cols.name}</th>
            <th scope="col" className="text-right">{cols.baseline}</th>
            <th scope="col" className="text-right">{cols.target}</th>
            <th scope="col" className="text-right">{cols.planned}</th>
            <th scope="col">{cols.actual}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((ind) => {
            const planned = ind.trajectory.find((p) => p.month === month);
            const latest = ind.values.find((v) => v.month <= month);
            return (
              <tr key={ind.id} data-testid="indicator-row">
                <td data-label={cols.name}>
                  <span className="font-medium">{locale === "en" && ind.nameEn ? ind.nameEn : ind.name}</span>
                  <span className="block text-xs text-slate-500">
                    {t("unit", { unit: ind.unit })} · {ind.direction === "LOWER_BETTER" ? t("lowerBetter") : t("higherBetter")}
                  </span>
                  {editBase && (
                    <Link href={`${editBase}/indicators/${ind.id}/edit`} className="link text-xs" aria-label={at("editIndicatorLabel", { name: ind.name })}>
                      {at("editIndicator")}
                    </Link>
                  )}
                </td>
                <td data-label={cols.baseline} className="num sm:text-right" data-testid="baseline">
                  {formatQuantity(ind.baselineValue, ind.unit, locale)}
                  {ind.baselineIsSample && <SampleBadge />}
                  {ind.baselineNote && <span className="block text-xs text-slate-500">{ind.baselineNote}</span>}
                </td>
                <td data-label={cols.target} className="num sm:text-right">
                  {formatQuantity(ind.targetValue, ind.unit, locale)}
                  {ind.targetIsSample && <SampleBadge />}
                </td>
                <td data-label={cols.planned} className="num sm:text-right">
                  {formatQuantity(planned?.plannedValue, ind.unit, locale, ind.decimals)}
                </td>
                <td data-label={cols.actual} className="num">
                  {latest ? (
                    <>
                      <span className="font-medium">{formatQuantity(latest.value, ind.unit, locale, ind.decimals)}</span>
                      <span className="block text-xs text-slate-500">
                        {t("reportedBy", { month: formatMonth(plan.year, latest.month, locale), name: latest.reportedBy.name, date: formatDate(latest.reportedAt, locale) })}
                      </span>
                    </>
                  ) : (
                    <span className="text-slate-500">{t("noValue")}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
