import Link from "@/components/ui/Link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatMonth } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

const STYLE: Record<string, string> = {
  DRAFT: "border-slate-300 bg-slate-50 text-slate-800",
  SUBMITTED: "border-blue-300 bg-blue-50 text-blue-900",
  APPROVED: "border-green-300 bg-green-50 text-green-900",
  RETURNED: "border-orange-300 bg-orange-50 text-orange-900",
  MISSING: "border-red-300 bg-red-50 text-red-900",
  OPEN: "border-slate-200 bg-white text-slate-600",
};

/** One link per month of the plan so far, with the state of that month's report. */
export async function ReportStrip({
  campaignId,
  year,
  months,
  dueMonth,
  reports,
}: {
  campaignId: string;
  year: number;
  /** Months that have begun. */
  months: number;
  /** The last month whose report is due (earlier months without a report are missing). */
  dueMonth: number;
  reports: { month: number; status: string }[];
}) {
  const [t, s, locale] = await Promise.all([getTranslations("campaign"), getTranslations("reportStatus"), getLocale() as Promise<Locale>]);
  return (
    <nav aria-label={t("reports")}>
      <ol className="flex flex-wrap gap-2">
        {Array.from({ length: months }, (_, i) => i + 1).map((m) => {
          const status = reports.find((r) => r.month === m)?.status ?? (m <= dueMonth ? "MISSING" : "OPEN");
          return (
            <li key={m}>
              <Link
                href={`/campaigns/${campaignId}/reports/${m}`}
                className={`flex min-w-20 flex-col rounded-md border px-3 py-1.5 text-sm hover:shadow ${STYLE[status]}`}
                data-testid={`report-month-${m}`}
              >
                <span className="font-medium">{formatMonth(year, m, locale)}</span>
                <span className="text-xs">{status === "OPEN" ? t("reportOpen") : s(status)}</span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
