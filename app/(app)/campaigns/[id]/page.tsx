import { ClientMessages } from "@/components/i18n/ClientMessages";
import Link from "@/components/ui/Link";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AuditTrail } from "@/components/campaigns/AuditTrail";
import { Changes } from "@/components/campaigns/Changes";
import { IndicatorChart } from "@/components/indicators/IndicatorChart";
import { IndicatorHistory } from "@/components/indicators/IndicatorHistory";
import { IndicatorList } from "@/components/indicators/IndicatorList";
import { ReportStrip } from "@/components/campaigns/ReportStrip";
import { CommentForm } from "@/components/comments/CommentForm";
import { CommentList } from "@/components/comments/CommentList";
import { TaskList } from "@/components/tasks/TaskList";
import { CampaignAdminLinks } from "@/components/campaigns/CampaignAdminLinks";
import { ReminderHistory } from "@/components/notify/ReminderHistory";
import { PageHeader } from "@/components/ui/PageHeader";
import { PageSkeleton } from "@/components/ui/PageSkeleton";
import { SampleBadge, SampleBanner } from "@/components/ui/SampleBadge";
import { may } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { indicatorChanges, taskChanges } from "@/lib/campaigns/changes";
import { campaignVisible, getCampaign, getCampaignTrail } from "@/lib/campaigns/queries";
import { campaignAsOf, campaignPageView } from "@/lib/campaigns/view";
import { currentMonth, now, parseMonthParam, reportingMonth } from "@/lib/clock";
import { getBoard } from "@/lib/board/queries";
import { instructionsAt } from "@/lib/comments/open";
import { adjustedIds, adjustmentLines } from "@/lib/board/view";
import { CampaignStatus } from "@/components/campaigns/CampaignStatus";
import { campaignReminderHistory } from "@/lib/reminders/queries";
import { listCampaignReports } from "@/lib/reports/queries";
import { formatDate, formatMonth, formatNumber, formatQuantity } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { idParams } from "@/lib/http/params";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const found = await getCampaign(user, (await idParams(params)).id);
  return { title: found?.campaign.name ?? "404" };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Who may see the campaign is settled before anything streams (404 stays 404); its content streams behind a skeleton. */
export default async function CampaignPage(props: Props) {
  const user = await requireUser();
  if (!(await campaignVisible(user, (await idParams(props.params)).id))) notFound();
  return (
    <ClientMessages namespaces={["comments"]}>
      <Suspense fallback={<PageSkeleton blocks={4} />}>
        <CampaignContent {...props} />
      </Suspense>
    </ClientMessages>
  );
}

async function CampaignContent({ params, searchParams }: Props) {
  const user = await requireUser();
  const [{ id }, query] = await Promise.all([idParams(params), searchParams]);
  const found = await getCampaign(user, id);
  if (!found) notFound();
  const { canReport } = found;
  const year = found.campaign.plan.year;
  // ?asOf=2018-03: the campaign as its March figures stood when they were due (the board's month).
  const asked = parseMonthParam(query.asOf, year);
  const board = await getBoard(user, found.campaign.plan.id, asked === "invalid" ? null : asked);
  const judged = board && !board.refused ? board : null;
  const standing = judged?.campaigns.find((c) => c.id === found.campaign.id) ?? null;
  const { asOf, cutoff, campaign, month } = campaignAsOf(found, judged, now());
  const [t, bt, locale, reports, trail, openInstructions] = await Promise.all([
    getTranslations("campaign"),
    getTranslations("board"),
    getLocale() as Promise<Locale>,
    listCampaignReports(campaign.id, year),
    getCampaignTrail(user, campaign.id),
    // As the board of the month shows them: 批示 waiting then, overdue by then.
    instructionsAt({ campaignId: campaign.id }, judged?.historical ? cutoff : now()),
  ]);
  // The forms of the 落实反馈 loop; the answer route and the decide action check again in their queries.
  const viewer = {
    userId: user.id,
    answers: canReport && may(user, "leadOwn"),
    comments: may(user, "comment"),
    official: campaign.leadingOfficialId === user.id,
  };
  const adjustments = standing ? adjustmentLines(bt, locale, { campaigns: [standing], planIndicators: [], adjustments: standing.adjustments }) : [];
  const { name, people, facts, allTasks, names, charts } = campaignPageView(campaign, standing, month, locale);
  // Office staff and admins keep the plan: edit links (the pages and their actions check again).
  const keepPlan = may(user, "keepPlan");

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
        actions={keepPlan && <CampaignAdminLinks campaignId={campaign.id} />}
      />
      {campaign.plan.isSample && <SampleBanner />}
      {standing && (
        <CampaignStatus
          campaign={standing}
          adjustments={adjustments}
          comments={trail.comments}
          openInstructions={openInstructions}
          meetingHref={`/campaigns/${campaign.id}/meeting${asOf ? `?asOf=${asOf}` : ""}`}
        />
      )}
      {campaign.description && <p className="mb-4 text-slate-700">{campaign.description}</p>}

      <dl className="card mb-6 grid gap-x-6 gap-y-3 p-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <Fact label={t("leadingOfficial")} value={people.leadingOfficial} />
        <Fact label={t("leadDepartment")} value={people.leadDepartment} />
        <Fact label={t("cooperating")} value={people.cooperating} />
        <Fact label={t("leads")} value={people.leads} />
      </dl>

      <section aria-labelledby="reports-heading" className="mb-8">
        <h2 id="reports-heading" className="mb-2 text-lg font-semibold">
          {t("reports")}
        </h2>
        <ReportStrip campaignId={campaign.id} year={year} months={currentMonth(year)} dueMonth={reportingMonth(year)} reports={reports} />
        {canReport && <p className="mt-2 text-sm text-slate-600">{t("reportHint")}</p>}
      </section>

      <section aria-labelledby="indicators-heading" className="mb-8">
        <h2 id="indicators-heading" className="mb-2 text-lg font-semibold">
          {t("indicators")}
          <span className="ml-2 text-sm font-normal text-slate-600">{t("asOfMonth", { month: formatMonth(campaign.plan.year, month, locale) })}</span>
        </h2>
        <IndicatorList
          indicators={standing?.indicators ?? []}
          facts={facts}
          plan={campaign.plan}
          month={month}
          adjusted={adjustedIds(standing?.adjustments ?? [])}
          editBase={keepPlan ? `/campaigns/${campaign.id}` : undefined}
        />
      </section>

      <section aria-labelledby="charts-heading" className="mb-8">
        <h2 id="charts-heading" className="mb-2 text-lg font-semibold">
          {t("charts")}
          {asOf && <span className="ml-2 text-sm font-normal text-slate-600">{t("asOfCutoff", { date: formatDate(cutoff, locale) })}</span>}
        </h2>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {charts.map(({ indicator: ind, name, baseline, points, last }) => {
            return (
              <IndicatorChart
                key={ind.id}
                name={name}
                unit={ind.unit}
                baseline={baseline}
                points={points}
                labels={{
                  planned: t("chart.planned"),
                  actual: t("chart.actual"),
                  baseline: t("chart.baseline", { year: campaign.plan.baselineYear, value: formatNumber(ind.baselineValue, locale, ind.decimals) }),
                  monthTick: t("chart.monthTick"),
                }}
                summary={t("chart.summary", {
                  name,
                  baseline: formatQuantity(ind.baselineValue, ind.unit, locale, ind.decimals),
                  target: formatQuantity(ind.targetValue, ind.unit, locale, ind.decimals),
                  latest: last ? t("chart.latest", { month: last.month, value: formatQuantity(last.actual, ind.unit, locale, ind.decimals) }) : t("noValue"),
                })}
              />
            );
          })}
        </div>
      </section>

      <section aria-labelledby="tasks-heading" className="mb-8">
        <h2 id="tasks-heading" className="mb-2 text-lg font-semibold">
          {t("tasks")}
        </h2>
        <TaskList tasks={campaign.tasks} campaignId={campaign.id} canReport={canReport} canKeep={keepPlan} />
      </section>

      <section aria-labelledby="changes-heading" className="mb-8">
        <h2 id="changes-heading" className="mb-2 text-lg font-semibold">
          {t("changes")}
        </h2>
        <Changes indicators={indicatorChanges(campaign.indicators, month)} tasks={taskChanges(allTasks, month)} year={year} month={month} />
      </section>

      <section aria-labelledby="history-heading" className="mb-8">
        <h2 id="history-heading" className="mb-2 text-lg font-semibold">
          {t("history")}
        </h2>
        <IndicatorHistory indicators={campaign.indicators} year={year} months={Math.max(1, reportingMonth(year))} />
      </section>

      <section aria-labelledby="campaign-comments-heading" className="mb-8 space-y-3">
        <h2 id="campaign-comments-heading" className="text-lg font-semibold">
          {t("comments")}
        </h2>
        <CommentList comments={trail.comments} viewer={viewer} />
        {may(user, "comment") && <CommentForm campaignId={campaign.id} />}
      </section>

      <section aria-labelledby="reminders-heading" className="mb-8">
        <h2 id="reminders-heading" className="mb-2 text-lg font-semibold">
          {t("reminderHistory")}
        </h2>
        <ReminderHistory rounds={await campaignReminderHistory(user, campaign.id)} />
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
