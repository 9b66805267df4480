import { ClientMessages } from "@/components/i18n/ClientMessages";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CommentForm } from "@/components/comments/CommentForm";
import { CommentList } from "@/components/comments/CommentList";
import { Evidence } from "@/components/reports/Evidence";
import { ReportForm } from "@/components/reports/ReportForm";
import { ReportStatusBadge } from "@/components/reports/ReportStatusBadge";
import { ReportView } from "@/components/reports/ReportView";
import { Reviewers, reviewerNames } from "@/components/reports/Reviewers";
import { CorrectionButton, ReviewPanel, WithdrawButton } from "@/components/reports/ReviewPanel";
import { PageHeader } from "@/components/ui/PageHeader";
import { SampleBanner } from "@/components/ui/SampleBadge";
import { requireUser } from "@/lib/auth/session";
import { isFutureMonth } from "@/lib/clock";
import { formatDate, formatDateTime, formatMonth } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { reportPlans } from "@/lib/reports/plan";
import { getReportPage } from "@/lib/reports/queries";
import { reportPageView } from "@/lib/reports/view";
import { idParams } from "@/lib/http/params";
import { Notice } from "@/components/ui/Notice";

type Params = { params: Promise<{ id: string; month: string }> };

function parseMonth(raw: string): number | null {
  const m = Number(raw);
  return Number.isInteger(m) && m >= 1 && m <= 12 ? m : null;
}

export async function generateMetadata({ params }: Params) {
  const t = await getTranslations("report");
  const month = parseMonth((await params).month);
  return { title: t("title") + (month ? ` ${month}` : "") };
}

/** The monthly progress report (进度填报): the lead fills it in; leadership reviews it. */
export default async function ReportPage({ params }: Params) {
  const user = await requireUser();
  const { id, month: rawMonth } = await idParams(params, "month");
  const month = parseMonth(rawMonth);
  if (!month) notFound();
  const page = await getReportPage(user, id, month);
  if (!page) notFound();
  const { campaign, latest, shown, revisions, may, reviewers, preReview } = page;
  const year = campaign.plan.year;
  if (isFutureMonth(year, month)) notFound();
  const [t, locale, plans] = await Promise.all([
    getTranslations("report"),
    getLocale() as Promise<Locale>,
    reportPlans(campaign.plan, campaign.indicators, month, latest),
  ]);
  const monthLabel = formatMonth(year, month, locale);
  const view = reportPageView(page, plans, month, locale);
  const { indicators, tasks, initial, attachments, status, decided } = view;
  const names = await reviewerNames(reviewers);
  const submitNote = !names ? t("submitNoteNone") : preReview ? t("submitNotePreReview", { names }) : t("submitNote", { names });

  return (
    <ClientMessages namespaces={["closure", "comments", "evidence", "report", "taskEvidence", "tasks"]}>
      <div className="mx-auto max-w-4xl">
        <PageHeader
          crumbs={[
            { href: `/plans/${campaign.plan.id}`, label: campaign.plan.title },
            { href: `/campaigns/${campaign.id}`, label: campaign.name },
          ]}
          title={t("heading", { month: monthLabel })}
          subtitle={
            <span className="flex flex-wrap items-center gap-2">
              <ReportStatusBadge status={status} />
              {latest && latest.revision > 1 && <span>{t("revision", { revision: latest.revision })}</span>}
              <span>{t("due", { date: formatDate(view.dueDate, locale) })}</span>
              {view.daysLate > 0 && (
                <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800" data-testid="days-overdue">
                  {t("daysOverdue", { days: view.daysLate })}
                </span>
              )}
            </span>
          }
        />
        {campaign.plan.isSample && <SampleBanner />}
        <MonthNav campaignId={campaign.id} month={month} year={year} locale={locale} />
        <Reviewers reviewers={reviewers} preReview={preReview} />

        {decided?.status === "RETURNED" && (
          <Notice tone="warning" role="note" testId="return-reason" className="mb-4">
            <p className="font-semibold">{t("returnedBy", { name: decided.reviewedBy?.name ?? "—", date: formatDateTime(decided.reviewedAt, locale) })}</p>
            <p className="mt-1 whitespace-pre-wrap">{decided.returnReason}</p>
          </Notice>
        )}
        {decided && decided.status !== "DRAFT" && decided.submittedAt && (
          <p className="mb-4 text-sm text-slate-600" data-testid="report-trail">
            {t("submittedBy", { name: decided.submittedBy?.name ?? "—", date: formatDateTime(decided.submittedAt, locale) })}
            {decided.preReviewedAt &&
              ` · ${t("preApprovedBy", { name: decided.preReviewedBy?.name ?? "—", date: formatDateTime(decided.preReviewedAt, locale) })}`}
            {decided.status === "SUBMITTED" && page.awaitingPreReview && ` · ${t("awaitingPreReview")}`}
            {decided.status === "APPROVED" &&
              ` · ${t("approvedBy", { name: decided.reviewedBy?.name ?? "—", date: formatDateTime(decided.reviewedAt, locale) })}`}
          </p>
        )}

        {may.edit ? (
          <ReportForm
            campaignId={campaign.id}
            year={year}
            month={month}
            version={latest?.version ?? 0}
            initial={initial}
            indicators={indicators}
            tasks={tasks}
            monthLabel={monthLabel}
            submitNote={submitNote}
          >
            <Evidence reportId={latest?.id ?? null} attachments={attachments} canEdit />
          </ReportForm>
        ) : (
          <div className="space-y-6">
            {latest?.hidden && (
              <p className="card p-6 text-slate-700" data-testid="draft-hidden">
                {t("draftHidden")}
                {shown && <span className="mt-1 block text-sm text-slate-600">{t("showingRevision", { revision: shown.revision })}</span>}
              </p>
            )}
            {shown && view.shown ? (
              <>
                <ReportView indicators={indicators} tasks={tasks} {...view.shown} />
                <Evidence reportId={shown.id} attachments={attachments} canEdit={false} />
              </>
            ) : (
              !latest && <p className="card p-6 text-slate-600">{t("notYet")}</p>
            )}
            {decided && may.preReview && <ReviewPanel stage="preReview" reportId={decided.id} campaignId={campaign.id} version={decided.version} />}
            {decided && may.review && <ReviewPanel stage="review" reportId={decided.id} campaignId={campaign.id} version={decided.version} />}
            {decided && may.withdraw && <WithdrawButton reportId={decided.id} campaignId={campaign.id} version={decided.version} />}
            {decided && may.correct && <CorrectionButton reportId={decided.id} campaignId={campaign.id} />}
          </div>
        )}

        {latest && (
          <section className="card mt-6 space-y-3 p-4" aria-labelledby="comments-heading">
            <h2 id="comments-heading" className="text-lg font-semibold">
              {t("commentsHeading")}
            </h2>
            <CommentList comments={latest.comments} />
            {may.comment && <CommentForm campaignId={campaign.id} reportId={latest.id} />}
          </section>
        )}

        {revisions.length > 1 && (
          <section className="mt-6 text-sm" aria-labelledby="revisions-heading">
            <h2 id="revisions-heading" className="mb-1 font-semibold">
              {t("revisions")}
            </h2>
            <ul className="list-disc pl-5 text-slate-700">
              {revisions.map((r) => (
                <li key={r.id}>
                  {t("revision", { revision: r.revision })} · <ReportStatusBadge status={r.status} /> ·{" "}
                  {formatDateTime((!r.hidden && r.submittedAt) || r.createdAt, locale)}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </ClientMessages>
  );
}

async function MonthNav({ campaignId, month, year, locale }: { campaignId: string; month: number; year: number; locale: Locale }) {
  const t = await getTranslations("report");
  const prev = month > 1 ? month - 1 : null;
  const next = month < 12 && !isFutureMonth(year, month + 1) ? month + 1 : null;
  return (
    <nav aria-label={t("monthNav")} className="mb-4 flex justify-between text-sm">
      {prev ? (
        <Link className="link" href={`/campaigns/${campaignId}/reports/${prev}`}>
          ← {formatMonth(year, prev, locale)}
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link className="link" href={`/campaigns/${campaignId}/reports/${next}`}>
          {formatMonth(year, next, locale)} →
        </Link>
      )}
    </nav>
  );
}
