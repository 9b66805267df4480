import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BoardTable, type BoardRow } from "@/components/board/BoardTable";
import { RemindButton } from "@/components/board/RemindButton";
import { RuleText } from "@/components/board/RuleText";
import { StatusLight } from "@/components/board/StatusLight";
import { PageHeader } from "@/components/ui/PageHeader";
import { SampleBanner } from "@/components/ui/SampleBadge";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getBoard } from "@/lib/board/queries";
import { campaignReasons } from "@/lib/board/reasons";
import { currentMonth, now } from "@/lib/clock";
import { formatDate, formatMonth, formatQuantity } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { idParams } from "@/lib/http/params";

type Props = { params: Promise<{ planId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("board"))("title") };
}

/** "2018-03" → { year, month }; anything else → now. */
function parseAsOf(raw: string | string[] | undefined): { year: number; month: number } | null {
  const m = typeof raw === "string" ? raw.match(/^(\d{4})-(\d{2})$/) : null;
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null;
}

/** The leadership status board (督查看板). */
export default async function BoardPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const [{ planId }, query] = await Promise.all([idParams(params), searchParams]);
  const asOf = parseAsOf(query.asOf);
  const board = await getBoard(user, planId, asOf);
  if (!board) notFound();
  const [t, st, rs, locale] = await Promise.all([getTranslations("board"), getTranslations("status"), getTranslations("reportStatus"), getLocale() as Promise<Locale>]);
  const { plan, campaigns, month } = board;

  const rows: BoardRow[] = campaigns.map((c) => ({
    id: c.id,
    number: c.number,
    name: locale === "en" && c.nameEn ? c.nameEn : c.name,
    light: c.status.light,
    lightLabel: st(`light.${c.status.light}`),
    reasons: campaignReasons(st, locale, c),
    indicators: c.indicators.slice(0, 3).map((i) => ({
      name: locale === "en" && i.nameEn ? i.nameEn : i.name,
      light: i.status.light,
      line: [i.baseline, i.target, i.planned, i.actual?.value ?? null].map((v) => (v === null ? "—" : formatQuantity(v, "", locale, i.decimals).trim())).join(" → ") + (i.unit === "%" ? "%" : ` ${i.unit}`),
    })),
    progress: c.progress,
    overdue: c.overdueTasks,
    report: month > 0 ? (c.report ? rs(c.report.status) : rs("MISSING")) : "—",
    department: c.leadDepartment,
    official: c.leadingOfficial,
  }));
  const count = (light: string) => campaigns.filter((c) => c.status.light === light).length;
  const missing = campaigns.filter((c) => month > 0 && !c.report);
  const months = Array.from({ length: currentMonth(plan.year, now()) }, (_, i) => i + 1);
  const asOfQuery = asOf ? `?asOf=${query.asOf}` : "";
  const mayRemind = hasRole(user, "ADMIN", "LEADER", "STAFF");

  return (
    <>
      <PageHeader
        crumbs={[{ href: `/plans/${plan.id}`, label: plan.title }]}
        title={t("heading", { plan: plan.title })}
        subtitle={
          <span>
            {plan.org.name} · {month > 0 ? t("dataMonth", { month: formatMonth(plan.year, month, locale) }) : t("noDataMonth")} ·{" "}
            <a href="#rule" className="link underline">
              {t("rules")}
            </a>
          </span>
        }
        actions={
          <form method="get" className="flex items-end gap-2">
            <label className="text-sm">
              <span className="label">{t("asOf")}</span>
              <select name="asOf" defaultValue={asOf ? String(query.asOf) : ""} className="input w-auto">
                <option value="">{t("now")}</option>
                {months.map((m) => (
                  <option key={m} value={`${plan.year}-${String(m).padStart(2, "0")}`}>
                    {t("asOfMonth", { month: formatMonth(plan.year, m, locale) })}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="btn-secondary">
              {t("show")}
            </button>
          </form>
        }
      />
      {plan.isSample && <SampleBanner />}
      {asOf && (
        <p role="note" className="mb-4 rounded-md border border-blue-300 bg-blue-50 p-3 text-sm text-blue-900" data-testid="as-of-note">
          {t("asOfNote", { date: formatDate(board.cutoff, locale) })}
        </p>
      )}
      <p className="mb-3 flex flex-wrap gap-4 text-sm" data-testid="board-summary">
        <StatusLight light="RED" label={`${st("light.RED")} ${count("RED")}`} />
        <StatusLight light="AMBER" label={`${st("light.AMBER")} ${count("AMBER")}`} />
        <StatusLight light="GREEN" label={`${st("light.GREEN")} ${count("GREEN")}`} />
        <span>
          {t("missing")} {missing.length}
        </span>
      </p>
      <BoardTable rows={rows} asOfQuery={asOfQuery} />

      <section className="mt-6" aria-labelledby="missing-heading">
        <h2 id="missing-heading" className="mb-2 text-lg font-semibold">
          {t("missing")} {month > 0 && `· ${formatMonth(plan.year, month, locale)}`}
        </h2>
        {missing.length === 0 ? (
          <p className="card p-4 text-sm text-slate-600">{t("missingNone")}</p>
        ) : (
          <ul className="card divide-y divide-slate-200 text-sm" data-testid="missing">
            {missing.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 p-3">
                <Link href={`/campaigns/${c.id}`} className="link font-medium">
                  {c.number}. {c.name}
                </Link>
                <span>{c.leads}</span>
                <span className={c.reportDaysLate > 0 ? "text-red-800" : "text-slate-600"}>
                  {c.reportDaysLate > 0 ? t("daysLate", { days: c.reportDaysLate }) : board.due ? t("notYetDue", { date: formatDate(board.due, locale) }) : ""}
                </span>
                {mayRemind && !asOf && <RemindButton campaignId={c.id} month={month} campaignName={c.name} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="mt-6">
        <RuleText />
      </div>
    </>
  );
}
