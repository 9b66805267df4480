import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AuditTrail } from "@/components/campaigns/AuditTrail";
import { Changes } from "@/components/campaigns/Changes";
import { IndicatorHistory } from "@/components/campaigns/IndicatorHistory";
import { IndicatorList } from "@/components/campaigns/IndicatorList";
import { ReportStrip } from "@/components/campaigns/ReportStrip";
import { CommentForm } from "@/components/reports/CommentForm";
import { CommentList } from "@/components/reports/CommentList";
import { TaskList } from "@/components/campaigns/TaskList";
import { PageHeader } from "@/components/ui/PageHeader";
import { SampleBadge, SampleBanner } from "@/components/ui/SampleBadge";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { indicatorChanges, taskChanges } from "@/lib/campaigns/changes";
import { getCampaign, getCampaignTrail } from "@/lib/campaigns/queries";
import { currentMonth, reportingMonth } from "@/lib/clock";
import { listCampaignReports } from "@/lib/reports/queries";
import { formatDate, formatMonth } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const found = await getCampaign(user, (await params).id);
  return { title: found?.campaign.name ?? "404" };
}

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const found = await getCampaign(user, id);
  if (!found) notFound();
  const { campaign, canReport } = found;
  const year = campaign.plan.year;
  const month = Math.max(1, reportingMonth(year));
  const [t, locale, reports, trail] = await Promise.all([
    getTranslations("campaign"),
    getLocale() as Promise<Locale>,
    listCampaignReports(campaign.id, year),
    getCampaignTrail(campaign.id),
  ]);
  const allTasks = campaign.tasks.flatMap((task) => [task, ...task.children]);
  const names: Record<string, string> = Object.fromEntries([
    ...campaign.indicators.map((i) => [i.id, i.name]),
    ...allTasks.map((task) => [task.id, task.title]),
  ]);
  const name = locale === "en" && campaign.nameEn ? campaign.nameEn : campaign.name;

  return (
    <>
      <PageHeader
        crumbs={[{ href: `/plans/${campaign.plan.id}`, label: campaign.plan.title }]}
        title={
          <>
            <span className="mr-2 text-slate-500">{t("number", { number: campaign.number })}</span>
            {name}
            {campaign.isSample && <SampleBadge className="align-middle" />}
          </>
        }
        subtitle={`${formatDate(campaign.startDate, locale)} – ${formatDate(campaign.endDate, locale)}`}
      />
      {campaign.plan.isSample && <SampleBanner />}
      {campaign.description && <p className="mb-4 text-slate-700">{campaign.description}</p>}

      <dl className="card mb-6 grid gap-x-6 gap-y-3 p-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <Fact label={t("leadingOfficial")} value={campaign.leadingOfficial ? `${campaign.leadingOfficial.name}（${campaign.leadingOfficial.title ?? ""}）` : "—"} />
        <Fact label={t("leadDepartment")} value={campaign.leadDepartment?.name ?? "—"} />
        <Fact label={t("cooperating")} value={campaign.cooperating.map((c) => c.department.name).join("、") || "—"} />
        <Fact label={t("leads")} value={campaign.leads.map((l) => l.user.name).join("、") || "—"} />
      </dl>

      <section aria-labelledby="reports-heading" className="mb-8">
        <h2 id="reports-heading" className="mb-2 text-lg font-semibold">
          {t("reports")}
        </h2>
        <ReportStrip campaignId={campaign.id} year={year} months={currentMonth(year)} dueMonth={reportingMonth(year)} reports={reports} />
        {canReport && <p className="mt-2 text-sm text-slate-600">{t("reportHint")}</p>}
      </section>

      <section aria-labelledby="changes-heading" className="mb-8">
        <h2 id="changes-heading" className="mb-2 text-lg font-semibold">
          {t("changes")}
        </h2>
        <Changes indicators={indicatorChanges(campaign.indicators, month)} tasks={taskChanges(allTasks, month)} year={year} month={month} />
      </section>

      <section aria-labelledby="indicators-heading" className="mb-8">
        <h2 id="indicators-heading" className="mb-2 text-lg font-semibold">
          {t("indicators")}
          <span className="ml-2 text-sm font-normal text-slate-600">{t("asOfMonth", { month: formatMonth(campaign.plan.year, month, locale) })}</span>
        </h2>
        <IndicatorList indicators={campaign.indicators} plan={campaign.plan} month={month} />
      </section>

      <section aria-labelledby="history-heading" className="mb-8">
        <h2 id="history-heading" className="mb-2 text-lg font-semibold">
          {t("history")}
        </h2>
        <IndicatorHistory indicators={campaign.indicators} year={year} months={Math.max(1, reportingMonth(year))} />
      </section>

      <section aria-labelledby="tasks-heading" className="mb-8">
        <h2 id="tasks-heading" className="mb-2 text-lg font-semibold">
          {t("tasks")}
        </h2>
        <TaskList tasks={campaign.tasks} campaignId={campaign.id} canReport={canReport} />
      </section>

      <section aria-labelledby="campaign-comments-heading" className="mb-8 space-y-3">
        <h2 id="campaign-comments-heading" className="text-lg font-semibold">
          {t("comments")}
        </h2>
        <CommentList comments={trail.comments} />
        {can.comment(user) && <CommentForm campaignId={campaign.id} />}
      </section>

      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="mb-2 text-lg font-semibold">
          {t("audit")}
        </h2>
        <AuditTrail records={trail.audit} names={names} />
      </section>
      <p className="mt-6 text-sm">
        <Link href={`/plans/${campaign.plan.id}`} className="link">
          ← {t("backToPlan")}
        </Link>
      </p>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-900">{value}</dd>
    </div>
  );
}
