import { getLocale, getTranslations } from "next-intl/server";
import { localName } from "@/lib/i18n/local-name";
import { formatDate, formatMonth, formatQuantity } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

interface Indicator {
  id: string;
  name: string;
  nameEn: string | null;
  unit: string;
  decimals: number;
  values: { id: string; month: number; value: { toString(): string }; decreaseReason: string | null; reportedAt: Date; reportedBy: { name: string } }[];
}

/** Each indicator's figure month by month, with who reported it and when (the latest figure for each month). */
export async function IndicatorHistory({ indicators, year, months }: { indicators: Indicator[]; year: number; months: number }) {
  const [t, r, locale] = await Promise.all([getTranslations("campaign"), getTranslations("report"), getLocale() as Promise<Locale>]);
  const monthList = Array.from({ length: months }, (_, i) => i + 1);
  return (
    // Focusable, so the wide table can be scrolled from the keyboard too.
    <div className="card overflow-x-auto" tabIndex={0} role="region" aria-label={t("history")}>
      <table className="w-full min-w-max text-sm">
        <caption className="sr-only">{t("history")}</caption>
        <thead>
          <tr className="bg-slate-100 text-left">
            <th scope="col" className="sticky left-0 bg-slate-100 px-3 py-2">
              {t("col.indicator")}
            </th>
            {monthList.map((m) => (
              <th key={m} scope="col" className="px-3 py-2 text-right">
                {formatMonth(year, m, locale)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {indicators.map((ind) => (
            <tr key={ind.id} className="border-t border-slate-200" data-testid="history-row">
              <th scope="row" className="sticky left-0 bg-white px-3 py-2 text-left font-normal">
                {localName(ind, locale)}
              </th>
              {monthList.map((m) => {
                const v = ind.values.find((x) => x.month === m);
                return (
                  <td key={m} className="num px-3 py-2 text-right align-top">
                    {v ? (
                      <>
                        {formatQuantity(v.value, ind.unit, locale, ind.decimals)}
                        <span className="block text-xs text-slate-500">
                          {v.reportedBy.name} {formatDate(v.reportedAt, locale)}
                        </span>
                        {v.decreaseReason && (
                          <span className="block max-w-48 text-left text-xs whitespace-normal text-amber-800" data-testid="decrease-reason">
                            {r("decreaseReasonShown", { reason: v.decreaseReason })}
                          </span>
                        )}
                      </>
                    ) : (
                      <span className="text-slate-400">—</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
