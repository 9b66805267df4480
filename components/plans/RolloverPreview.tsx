import { getTranslations } from "next-intl/server";
import { localName } from "@/lib/i18n/local-name";
import { formatQuantity } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import type { Baseline } from "@/lib/plans/rollover/rollover";
import type { RolloverPreview as Preview } from "@/lib/plans/rollover/preview";

/** What the roll will do to each indicator: the source year's final actual (and its month) becoming the new baseline. */
export async function RolloverPreview({ preview, locale }: { preview: Preview; locale: Locale }) {
  const t = await getTranslations("rollover.preview");
  const fromYear = preview.source.year;
  const campaignName = (n: number | null) => {
    const c = preview.campaigns.find((x) => x.number === n);
    return c ? `${c.number}. ${localName(c, locale)}` : t("planWide");
  };
  const basis = (b: Baseline) => {
    if (b.month === null) return t("noActual");
    if (b.accumulation === "LEVEL") return t("level", { month: b.month });
    return b.provisional ? t("yearToDate", { month: b.month }) : t("fullYear");
  };
  const missing = preview.baselines.filter((b) => b.value === null).length;
  const provisional = preview.baselines.filter((b) => b.provisional).length;
  const cols = {
    campaign: t("col.campaign"),
    indicator: t("col.indicator"),
    unit: t("col.unit"),
    actual: t("col.actual", { year: fromYear }),
    baseline: t("col.baseline", { year: preview.year }),
  };

  return (
    <section className="card overflow-hidden" aria-labelledby="rollover-preview-heading">
      <h2 id="rollover-preview-heading" className="p-4 pb-1 font-semibold">
        {t("heading", { year: preview.year })}
      </h2>
      <p className="px-4 pb-3 text-sm text-slate-600" data-testid="rollover-summary">
        {t("summary", { campaigns: preview.campaigns.length, indicators: preview.baselines.length, missing, provisional })}
      </p>
      <table className="stack-table">
        <thead>
          <tr>
            {Object.entries(cols).map(([k, label]) => (
              <th key={k} scope="col" className={k === "actual" || k === "baseline" ? "text-right" : undefined}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.baselines.map((b) => (
            <tr
              key={b.key}
              data-testid="rollover-row"
              data-needs-baseline={b.value === null ? "true" : undefined}
              className={b.value === null ? "bg-amber-50" : undefined}
            >
              <td data-label={cols.campaign}>{campaignName(b.campaignNumber)}</td>
              <td data-label={cols.indicator}>{localName(b, locale)}</td>
              <td data-label={cols.unit}>{b.unit}</td>
              <td data-label={cols.actual} className="num sm:text-right">
                {formatQuantity(b.value, b.unit, locale, b.decimals)}
                <span className={`block text-xs ${b.provisional ? "text-amber-800" : "text-slate-500"}`}>{basis(b)}</span>
              </td>
              <td data-label={cols.baseline} className="num sm:text-right" data-testid="new-baseline">
                {b.value === null ? (
                  <strong className="rounded border border-amber-400 px-1 text-amber-900">{t("needsBaseline")}</strong>
                ) : (
                  <>
                    <span aria-hidden="true">→ </span>
                    {formatQuantity(b.value, b.unit, locale, b.decimals)}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
