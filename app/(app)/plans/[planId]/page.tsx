import { ClientMessages } from "@/components/i18n/ClientMessages";
import Link from "@/components/ui/Link";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CampaignTable } from "@/components/plans/CampaignTable";
import { PageHeader } from "@/components/ui/PageHeader";
import { PageSkeleton } from "@/components/ui/PageSkeleton";
import { Section } from "@/components/ui/Section";
import { SampleBadge, SampleBanner } from "@/components/ui/SampleBadge";
import { may } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/config";
import { getPlanOverview, visiblePlanYear } from "@/lib/plans/queries";
import { planPageView } from "@/lib/plans/view";
import { listPlanChanges } from "@/lib/plans/history/changes";
import { PlanChanges } from "@/components/plans/PlanChanges";
import { idParams } from "@/lib/http/params";

export async function generateMetadata() {
  return { title: (await getTranslations("plans"))("title") };
}

type Props = { params: Promise<{ planId: string }> };

/** Who may see the plan is settled before anything streams (404 stays 404); its content streams behind a skeleton. */
export default async function PlanPage(props: Props) {
  const user = await requireUser();
  if ((await visiblePlanYear(user, (await idParams(props.params)).planId)) === null) notFound();
  return (
    <ClientMessages namespaces={["campaignTable", "planChanges", "status", "table"]}>
      <Suspense fallback={<PageSkeleton table />}>
        <PlanContent {...props} />
      </Suspense>
    </ClientMessages>
  );
}

async function PlanContent({ params }: Props) {
  const user = await requireUser();
  const overview = await getPlanOverview(user, (await idParams(params)).planId);
  if (!overview) notFound();
  const { plan } = overview;
  const changes = await listPlanChanges(user, plan.id);
  const [t, ct, rt, et, at, it, locale] = await Promise.all([
    getTranslations("plans"),
    getTranslations("campaign"),
    getTranslations("rollover"),
    getTranslations("export"),
    getTranslations("planAdmin"),
    getTranslations("planImport"),
    getLocale() as Promise<Locale>,
  ]);

  const view = planPageView(overview, locale);

  return (
    <>
      <PageHeader
        title={
          <>
            {view.title}
            {plan.isSample && <SampleBadge className="align-middle" />}
          </>
        }
        subtitle={`${view.town} · ${t("yearVsBaseline", { year: plan.year, baselineYear: plan.baselineYear })}`}
        actions={
          // Links for those who may follow them; the pages and their actions check again.
          <>
            {may(user, "export") && (
              <Link href={`/plans/${plan.id}/export`} className="btn-secondary">
                {et("exportLink")}
              </Link>
            )}
            {may(user, "keepPlan") && (
              <Link href={`/plans/${plan.id}/rollover`} className="btn-secondary">
                {rt("link")}
              </Link>
            )}
            {may(user, "keepPlan") && (
              <>
                <Link href={`/plans/${plan.id}/edit`} className="btn-secondary">
                  {at("editPlan")}
                </Link>
                <Link href={`/plans/${plan.id}/campaigns/new`} className="btn-secondary">
                  {at("newCampaign")}
                </Link>
                {/* A download, not a page: a plain link, so it is never prefetched. */}
                <a href={`/api/plans/${plan.id}/workbook`} download className="btn-secondary">
                  {it("exportLink")}
                </a>
              </>
            )}
          </>
        }
      />
      {plan.isSample && <SampleBanner />}

      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        {plan.goals.length > 0 && (
          <section className="card p-4" aria-labelledby="goals-heading">
            <h2 id="goals-heading" className="mb-2 font-semibold">
              {t("goals")}
            </h2>
            <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
              {plan.goals.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
            {plan.rules.length > 0 && (
              <details className="mt-3 text-sm">
                <summary className="cursor-pointer font-medium text-slate-800">{t("rules")}</summary>
                <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
                  {plan.rules.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </details>
            )}
          </section>
        )}
        {view.indicators.length > 0 && (
          <section className="card overflow-hidden" aria-labelledby="plan-indicators-heading">
            <h2 id="plan-indicators-heading" className="p-4 pb-2 font-semibold">
              {t("planIndicators")}
            </h2>
            <table className="stack-table">
              <thead>
                <tr>
                  <th scope="col">{ct("col.indicator")}</th>
                  <th scope="col" className="text-right">
                    {ct("col.baseline", { year: plan.baselineYear })}
                  </th>
                  <th scope="col" className="text-right">
                    {ct("col.target", { year: plan.year })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.indicators.map((i) => (
                  <tr key={i.id} data-testid="plan-indicator">
                    <td data-label={ct("col.indicator")}>{i.name}</td>
                    <td data-label={ct("col.baseline", { year: plan.baselineYear })} className="num sm:text-right">
                      {i.baseline}
                      {i.baselineIsSample && <SampleBadge />}
                      {i.baselineNote && <span className="block text-xs text-slate-500">{i.baselineNote}</span>}
                    </td>
                    <td data-label={ct("col.target", { year: plan.year })} className="num sm:text-right">
                      {i.target}
                      {i.targetIsSample && <SampleBadge />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </div>

      <Section plain title={t("campaigns")}>
        <CampaignTable rows={view.campaigns} baselineYear={plan.baselineYear} />
      </Section>
      <PlanChanges rows={changes} year={plan.year} />
    </>
  );
}
