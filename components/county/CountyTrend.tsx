"use client";
// A town's past months as small stacked bars (green at the bottom, then amber, red, no data), with
// the counts in words for screen readers. A client component so that the RSC payload carries five
// numbers a month, not the markup: the county page shows this for every town (100 at a county's scale).
import { useLocale, useTranslations } from "next-intl";
import { formatMonth } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

/** [month, red, amber, green, none]: compact, because it is sent once per town and month. */
export type TrendCounts = readonly [number, number, number, number, number];

const percent = (n: number, total: number) => `${Math.round((n / total) * 1000) / 10}%`;

export function CountyTrend({ year, months }: { year: number; months: readonly TrendCounts[] }) {
  const t = useTranslations("county");
  const locale = useLocale() as Locale;
  if (months.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <ol className="flex items-end gap-1" data-testid="county-trend">
      {months.map(([month, red, amber, green, none]) => {
        const total = red + amber + green + none || 1;
        const text = t("trendMonth", { month: formatMonth(year, month, locale), red, amber, green });
        // Cumulative stops of the bar's gradient (globals.css .trend-bar).
        const style = {
          "--g": percent(green, total),
          "--ga": percent(green + amber, total),
          "--gar": percent(green + amber + red, total),
        } as React.CSSProperties;
        return (
          <li key={month} title={text} className="flex flex-col items-center">
            <span className="sr-only">{text}</span>
            <span aria-hidden="true" className="trend-bar" style={style} />
            <span aria-hidden="true" className="text-[10px] leading-3 text-slate-500">
              {month}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
