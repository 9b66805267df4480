import { ClientMessages } from "@/components/i18n/ClientMessages";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ExportForm } from "@/components/summary/ExportForm";
import { SummaryArchiveList } from "@/components/summary/SummaryArchiveList";
import { PageHeader } from "@/components/ui/PageHeader";
import { localName, localTitle } from "@/lib/i18n/local-name";
import { may } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { reportingMonth } from "@/lib/clock";
import { db } from "@/lib/db";
import { formatMonth } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { listSummaries } from "@/lib/summary/archive";
import { exportableCampaigns } from "@/lib/auth/scope";
import { idParams } from "@/lib/http/params";
import { Notice } from "@/components/ui/Notice";

export async function generateMetadata() {
  return { title: (await getTranslations("export"))("title") };
}

export default async function ExportPage({ params, searchParams }: { params: Promise<{ planId: string }>; searchParams: Promise<{ error?: string }> }) {
  const user = await requireUser();
  const { planId } = await idParams(params);
  const plan = await db().plan.findFirst({
    where: { id: planId, orgId: { in: user.orgIds } },
    select: { id: true, year: true, baselineYear: true, title: true, titleEn: true },
  });
  if (!plan) notFound();
  const [t, locale] = await Promise.all([getTranslations("export"), getLocale() as Promise<Locale>]);
  const planTitle = localTitle(plan, locale);
  const header = (
    <PageHeader
      title={t("heading", { plan: planTitle })}
      crumbs={[{ href: `/plans/${plan.id}`, label: planTitle }]}
      subtitle={t("intro", { baselineYear: plan.baselineYear })}
    />
  );
  if (!may(user, "export")) {
    return (
      <>
        {header}
        <Notice tone="error">{t("forbidden")}</Notice>
      </>
    );
  }

  const [campaigns, archive] = await Promise.all([
    db().campaign.findMany({
      where: { planId, ...exportableCampaigns(user) },
      orderBy: { number: "asc" },
      select: { id: true, number: true, name: true, nameEn: true },
    }),
    listSummaries(user, planId),
  ]);
  const lastMonth = reportingMonth(plan.year);
  const months = Array.from({ length: lastMonth }, (_, i) => lastMonth - i).map((m) => ({ value: m, label: formatMonth(plan.year, m, locale) }));
  const { error } = await searchParams;

  return (
    <ClientMessages namespaces={["export"]}>
      <>
        {header}
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,26rem)_1fr]">
          <section className="card p-4" aria-labelledby="export-form-heading">
            <h2 id="export-form-heading" className="sr-only">
              {t("title")}
            </h2>
            {months.length === 0 ? (
              <p>{t("noMonths")}</p>
            ) : (
              <ExportForm
                planId={plan.id}
                months={months}
                campaigns={campaigns.map((c) => ({ id: c.id, label: `${c.number}. ${localName(c, locale)}` }))}
                ownOnly={!may(user, "exportAll")}
                locale={locale}
                initialError={error === "invalid" || error === "forbidden" || error === "notFound" ? error : null}
              />
            )}
          </section>
          <SummaryArchiveList
            rows={archive.map((a) => ({
              id: a.id,
              fileName: a.fileName,
              month: formatMonth(plan.year, a.month, locale),
              scope:
                (a.wholePlan ? t("scopeAll") : t("scopeSome", { numbers: a.campaignNumbers.join("、") })) +
                (a.appendix ? t("withAppendixNote", { what: t("withAppendix") }) : ""),
              by: a.generatedBy.name,
              at: a.createdAt,
              size: a.size,
            }))}
            locale={locale}
          />
        </div>
      </>
    </ClientMessages>
  );
}
