import { Suspense } from "react";
import Link from "@/components/ui/Link";
import { getLocale, getTranslations } from "next-intl/server";
import { LightShape, StatusLight } from "@/components/board/StatusLight";
import { PageHeader } from "@/components/ui/PageHeader";
import { PageSkeleton } from "@/components/ui/PageSkeleton";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { CountyTrend } from "@/components/county/CountyTrend";
import { requireUser } from "@/lib/auth/session";
import { getCountyOverview } from "@/lib/board/county";
import { countyTrend, rankTowns, RED_SHOWN, redCampaigns, type TrendMonth } from "@/lib/board/county-view";
import { formatMonth, formatNumber } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

export async function generateMetadata() {
  return { title: (await getTranslations("county"))("title") };
}

const LIGHTS = ["RED", "AMBER", "GREEN", "NONE"] as const;

/** 全县概览: the towns ranked, the county's red campaigns (lowest-ranked towns first), and each town's lights month by month. */
export default async function CountyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const allRed = (await searchParams).red === "all";
  return (
    <ClientMessages namespaces={["county"]}>
      <Suspense fallback={<PageSkeleton table blocks={2} />}>
        <CountyContent allRed={allRed} />
      </Suspense>
    </ClientMessages>
  );
}

async function CountyContent({ allRed }: { allRed: boolean }) {
  const user = await requireUser();
  const [towns, t, st, locale] = await Promise.all([
    getCountyOverview(user),
    getTranslations("county"),
    getTranslations("status"),
    getLocale() as Promise<Locale>,
  ]);
  const ranked = rankTowns(towns);
  const red = redCampaigns(towns);
  const shownRed = allRed ? red : red.slice(0, RED_SHOWN);
  const total = (light: string) => towns.reduce((s, town) => s + town.campaigns.filter((c) => c.status.light === light).length, 0);
  const missing = ranked.reduce((s, r) => s + r.missing, 0);
  // Started, not awaited: the ranking shows at once and each town's months stream in when worked out.
  const trend = countyTrend(towns);
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle", { towns: towns.length })}
        actions={
          towns.length > 0 && (
            <a href="/api/county/export" className="btn-secondary" download data-testid="county-export">
              {t("export")}
            </a>
          )
        }
      />
      <p className="mb-4 flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="county-summary">
        {LIGHTS.map((l) => (
          <StatusLight key={l} light={l} label={`${st(`light.${l}`)} ${total(l)}`} />
        ))}
        <span>
          {t("missing")} {missing}
        </span>
      </p>

      <section aria-labelledby="ranking-heading" className="mb-8">
        <h2 id="ranking-heading" className="mb-1 text-lg font-semibold">
          {t("ranking")}
        </h2>
        <p className="mb-2 text-sm text-slate-600">{t("rankingRule")}</p>
        <div className="card overflow-hidden">
          <table className="stack-table">
            <caption className="sr-only">{t("ranking")}</caption>
            <thead>
              <tr>
                <th scope="col" className="text-right">
                  {t("rank")}
                </th>
                <th scope="col">{t("town")}</th>
                <th scope="col">{t("plan")}</th>
                {LIGHTS.map((l) => (
                  <th key={l} scope="col" className="text-right">
                    {st(`light.${l}`)}
                  </th>
                ))}
                <th scope="col" className="text-right">
                  {t("missing")}
                </th>
                <th scope="col" className="text-right">
                  {t("onSchedule")}
                </th>
                <th scope="col">{t("trend")}</th>
              </tr>
            </thead>
            <tbody>
              {ranked.map((r) => (
                <tr key={r.planId} data-testid="county-row">
                  <td data-label={t("rank")} className="num font-semibold sm:text-right" data-testid="county-rank">
                    {r.rank}
                  </td>
                  <td data-label={t("town")} className="font-medium">
                    <Link href={`/plans/${r.planId}/board`} className="link">
                      {r.town}
                    </Link>
                  </td>
                  <td data-label={t("plan")}>
                    {r.plan}
                    <span className="block text-xs text-slate-500">{r.month > 0 ? t("dataMonth", { month: formatMonth(r.year, r.month, locale) }) : ""}</span>
                  </td>
                  {LIGHTS.map((l) => (
                    <td key={l} data-label={st(`light.${l}`)} className={`num sm:text-right ${l === "RED" && r.red > 0 ? "font-semibold text-red-800" : ""}`}>
                      {r[l.toLowerCase() as "red" | "amber" | "green" | "none"]}
                    </td>
                  ))}
                  <td data-label={t("missing")} className={`num sm:text-right ${r.missing > 0 ? "font-semibold text-red-800" : ""}`}>
                    {r.month > 0 ? r.missing : "—"}
                  </td>
                  <td data-label={t("onSchedule")} className="num sm:text-right">
                    {r.onSchedule === null ? "—" : `${formatNumber(r.onSchedule, locale, 1)}%`}
                  </td>
                  <td data-label={t("trend")}>
                    {/* The past months stream in: the ranking does not wait for them. */}
                    <Suspense fallback={<span className="text-xs text-slate-500">{t("trendLoading")}</span>}>
                      <TownTrend trend={trend} planId={r.planId} year={r.year} />
                    </Suspense>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="red-heading">
        <h2 id="red-heading" className="mb-2 text-lg font-semibold">
          {t("redList", { count: red.length })}
        </h2>
        {red.length > RED_SHOWN && (
          <p className="mb-2 text-sm text-slate-600" data-testid="county-red-shown">
            {allRed ? (
              <Link href="/county" className="link underline">
                {t("redShowFewer", { shown: RED_SHOWN })}
              </Link>
            ) : (
              <>
                {t("redShown", { shown: RED_SHOWN })}{" "}
                <Link href="/county?red=all#red-heading" className="link underline">
                  {t("redShowAll", { count: red.length })}
                </Link>
              </>
            )}
          </p>
        )}
        {red.length === 0 ? (
          <p className="card p-4 text-sm text-slate-600">{t("redNone")}</p>
        ) : (
          <ul className="card divide-y divide-slate-200 text-sm" data-testid="county-red">
            {shownRed.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3">
                <LightShape light="RED" />
                <span className="text-slate-600">{c.town}</span>
                <Link href={`/campaigns/${c.id}`} className="link font-medium">
                  {c.number}. {c.name}
                </Link>
                <span className="text-red-800">{c.silence ? t("redSilence", { days: c.daysLate }) : t("redFigures")}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

async function TownTrend({ trend, planId, year }: { trend: Promise<Map<string, TrendMonth[]>>; planId: string; year: number }) {
  const months = (await trend).get(planId) ?? [];
  return <CountyTrend year={year} months={months.map((m) => [m.month, m.red, m.amber, m.green, m.none] as const)} />;
}
