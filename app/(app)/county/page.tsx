import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { StatusLight } from "@/components/board/StatusLight";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/lib/auth/session";
import { getCountyOverview } from "@/lib/board/county";
import { formatMonth } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

export async function generateMetadata() {
  return { title: (await getTranslations("county"))("title") };
}

const LIGHTS = ["RED", "AMBER", "GREEN", "NONE"] as const;

/** 全县概览: every town's current plan, its campaigns counted by light, and who has not reported. */
export default async function CountyPage() {
  const user = await requireUser();
  const [towns, t, st, locale] = await Promise.all([getCountyOverview(user), getTranslations("county"), getTranslations("status"), getLocale() as Promise<Locale>]);
  const total = (light: string) => towns.reduce((s, town) => s + town.campaigns.filter((c) => c.status.light === light).length, 0);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle", { towns: towns.length })} />
      <p className="mb-3 flex flex-wrap gap-4 text-sm" data-testid="county-summary">
        {LIGHTS.map((l) => (
          <StatusLight key={l} light={l} label={`${st(`light.${l}`)} ${total(l)}`} />
        ))}
      </p>
      <div className="card overflow-hidden">
        <table className="stack-table">
          <caption className="sr-only">{t("title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("town")}</th>
              <th scope="col">{t("plan")}</th>
              {LIGHTS.map((l) => (
                <th key={l} scope="col" className="text-right">
                  {st(`light.${l}`)}
                </th>
              ))}
              <th scope="col" className="text-right">{t("missing")}</th>
            </tr>
          </thead>
          <tbody>
            {towns.map(({ plan, campaigns, month }) => (
              <tr key={plan.id} data-testid="county-row">
                <td data-label={t("town")} className="font-medium">
                  {plan.org.name}
                </td>
                <td data-label={t("plan")}>
                  <Link href={`/plans/${plan.id}/board`} className="link">
                    {plan.title}
                  </Link>
                  <span className="block text-xs text-slate-500">{month > 0 ? t("dataMonth", { month: formatMonth(plan.year, month, locale) }) : ""}</span>
                </td>
                {LIGHTS.map((l) => (
                  <td key={l} data-label={st(`light.${l}`)} className="num sm:text-right">
                    {campaigns.filter((c) => c.status.light === l).length}
                  </td>
                ))}
                <td data-label={t("missing")} className="num sm:text-right">
                  {month > 0 ? campaigns.filter((c) => !c.report).length : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
