import { getLocale, getTranslations } from "next-intl/server";
import type { IndicatorChange, TaskChange } from "@/lib/campaigns/changes";
import { formatMonth, formatNumber, formatQuantity } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

/** What moved between last month and this one. */
export async function Changes({ indicators, tasks, year, month }: { indicators: IndicatorChange[]; tasks: TaskChange[]; year: number; month: number }) {
  const [t, locale] = await Promise.all([getTranslations("campaign"), getLocale() as Promise<Locale>]);
  if (indicators.length === 0 && tasks.length === 0) return <p className="card p-4 text-sm text-slate-600">{t("noChanges")}</p>;
  const sign = (d: string) => (d.startsWith("-") ? "" : "+");
  return (
    <div className="card grid gap-4 p-4 text-sm sm:grid-cols-2" data-testid="changes">
      <div>
        <h3 className="mb-1 font-semibold">{t("changesIndicators", { month: formatMonth(year, month, locale) })}</h3>
        <ul className="space-y-1">
          {indicators.map((c) => (
            <li key={c.id}>
              {c.name}：{formatQuantity(c.current, c.unit, locale, c.decimals)}
              {c.delta !== null && (
                <span className="num ml-1 text-slate-600">
                  （{t("vsLastMonth")} {sign(c.delta)}
                  {formatNumber(c.delta, locale, c.decimals)}）
                </span>
              )}
            </li>
          ))}
        </ul>
      </div>
      {tasks.length > 0 && (
        <div>
          <h3 className="mb-1 font-semibold">{t("changesTasks")}</h3>
          <ul className="space-y-1">
            {tasks.map((c) => (
              <li key={c.id}>
                {c.title}：
                <span className="num">
                  {c.previous}% → {c.current}%
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
