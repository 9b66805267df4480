import { getLocale, getTranslations } from "next-intl/server";
import { monthParam } from "@/lib/clock";
import { formatMonth } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

/** 查看月份: the board now, or as a past month's data stood when it was due (?asOf=2018-02). */
export async function AsOfForm({ year, months, current, chosen }: { year: number; months: number[]; current: number; chosen: number | null }) {
  const [t, locale] = await Promise.all([getTranslations("board"), getLocale() as Promise<Locale>]);
  const value = (m: number) => monthParam(year, m);
  return (
    <form method="get" className="flex items-end gap-2">
      <label className="text-sm">
        <span className="label">{t("asOf")}</span>
        <select name="asOf" defaultValue={chosen ? value(chosen) : ""} className="input w-auto">
          <option value="">{t("now", { month: formatMonth(year, current, locale) })}</option>
          {months.map((m) => (
            <option key={m} value={value(m)}>
              {t("asOfMonth", { month: formatMonth(year, m, locale) })}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn-secondary">
        {t("show")}
      </button>
    </form>
  );
}
