import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CommentForm } from "@/components/reports/CommentForm";
import { CommentList } from "@/components/reports/CommentList";
import { Evidence } from "@/components/reports/Evidence";
import { ReportForm } from "@/components/reports/ReportForm";
import { ReportStatusBadge } from "@/components/reports/ReportStatusBadge";
import { ReportView } from "@/components/reports/ReportView";
import { CorrectionButton, ReviewPanel } from "@/components/reports/ReviewPanel";
import type { ReportAttachment, ReportIndicator, ReportTask } from "@/components/reports/types";
import { PageHeader } from "@/components/ui/PageHeader";
import { SampleBanner } from "@/components/ui/SampleBadge";
import { requireUser } from "@/lib/auth/session";
import { isFutureMonth } from "@/lib/clock";
import { formatDate, formatDateTime, formatMonth, formatNumber, formatQuantity } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { getReportPage } from "@/lib/reports/queries";
import { idParams } from "@/lib/http/params";

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
  const { campaign, latest, revisions, may } = page;
  const year = campaign.plan.year;
  if (isFutureMonth(year, month)) notFound();
  const [t, locale] = await Promise.all([getTranslations("report"), getLocale() as Promise<Locale>]);
  const monthLabel = formatMonth(year, month, locale);

  const indicators: ReportIndicator[] = campaign.indicators.map((i) => ({
    id: i.id,
    name: locale === "en" && i.nameEn ? i.nameEn : i.name,
    unit: i.unit,
    decimals: i.decimals,
    baseline: formatQuantity(i.baselineValue, i.unit, locale, i.decimals),
    target: formatQuantity(i.targetValue, i.unit, locale, i.decimals),
    planned: formatQuantity(i.trajectory[0]?.plannedValue, i.unit, locale, i.decimals),
    previous: formatQuantity(i.values[0]?.value, i.unit, locale, i.decimals),
  }));
  const tasks: ReportTask[] = campaign.tasks.map((task) => ({
    id: task.id,
    title: task.title,
    parentId: task.parentId,
    nested: !!task.parentId,
    due: formatDate(task.dueDate, locale),
    owner: task.owner?.name ?? "—",
    percentDone: task.percentDone,
    status: task.status,
  }));
  // Parents first, each followed by its children.
  const ordered = tasks.filter((x) => !x.parentId).flatMap((parent) => [parent, ...tasks.filter((c) => c.parentId === parent.id)]);

  const initial: Record<string, string> = {
    progressText: latest?.progressText ?? "",
    problemsText: latest?.problemsText ?? "",
    nextStepsText: latest?.nextStepsText ?? "",
  };
  for (const v of latest?.values ?? []) initial[`value.${v.indicatorId}`] = v.value.toFixed();
  for (const task of campaign.tasks) {
    const u = latest?.taskUpdates.find((x) => x.taskId === task.id);
    initial[`task.${task.id}.percent`] = String(u?.percentDone ?? task.percentDone);
    initial[`task.${task.id}.status`] = u?.status ?? task.status;
  }
  const attachments: ReportAttachment[] = (latest?.attachments ?? []).map((a) => ({
    id: a.id,
    fileName: a.fileName,
    size: `${formatNumber(a.size / 1024, locale, 0)} KB`,
    uploadedBy: a.uploadedBy.name,
    uploadedAt: formatDateTime(a.createdAt, locale),
  }));

  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        crumbs={[
          { href: `/plans/${campaign.plan.id}`, label: campaign.plan.title },
          { href: `/campaigns/${campaign.id}`, label: campaign.name },
        ]}
        title={t("heading", { month: monthLabel })}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <ReportStatusBadge status={latest?.status ?? "MISSING"} />
            {latest && latest.revision > 1 && <span>{t("revision", { revision: latest.revision })}</span>}
            <span>{t("due", { date: formatDate(new Date(Date.UTC(year, month, campaign.plan.reportDueDay)), locale) })}</span>
          </span>
        }
      />
      {campaign.plan.isSample && <SampleBanner />}
      <MonthNav campaignId={campaign.id} month={month} year={year} locale={locale} />

      {latest?.status === "RETURNED" && (
        <div role="note" className="mb-4 rounded-md border border-orange-300 bg-orange-50 p-3 text-sm text-orange-900" data-testid="return-reason">
          <p className="font-semibold">{t("returnedBy", { name: latest.reviewedBy?.name ?? "—", date: formatDateTime(latest.reviewedAt, locale) })}</p>
          <p className="mt-1 whitespace-pre-wrap">{latest.returnReason}</p>
        </div>
      )}
      {latest && latest.status !== "DRAFT" && latest.submittedAt && (
        <p className="mb-4 text-sm text-slate-600">
          {t("submittedBy", { name: latest.submittedBy?.name ?? "—", date: formatDateTime(latest.submittedAt, locale) })}
          {latest.status === "APPROVED" && ` · ${t("approvedBy", { name: latest.reviewedBy?.name ?? "—", date: formatDateTime(latest.reviewedAt, locale) })}`}
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
          tasks={ordered}
          monthLabel={monthLabel}
        >
          <Evidence reportId={latest?.id ?? null} attachments={attachments} canEdit />
        </ReportForm>
      ) : latest ? (
        <div className="space-y-6">
          <ReportView
            indicators={indicators}
            tasks={ordered}
            values={Object.fromEntries(
              latest.values.map((v) => {
                const ind = campaign.indicators.find((i) => i.id === v.indicatorId);
                return [v.indicatorId, formatQuantity(v.value, ind?.unit ?? "", locale, ind?.decimals ?? 2)];
              }),
            )}
            taskUpdates={Object.fromEntries(latest.taskUpdates.map((u) => [u.taskId, u]))}
            narrative={{ progressText: latest.progressText, problemsText: latest.problemsText, nextStepsText: latest.nextStepsText }}
          />
          <Evidence reportId={latest.id} attachments={attachments} canEdit={false} />
          {may.review && <ReviewPanel reportId={latest.id} campaignId={campaign.id} version={latest.version} />}
          {may.correct && <CorrectionButton reportId={latest.id} campaignId={campaign.id} />}
        </div>
      ) : (
        <p className="card p-6 text-slate-600">{t("notYet")}</p>
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
                {t("revision", { revision: r.revision })} · <ReportStatusBadge status={r.status} /> · {formatDateTime(r.submittedAt ?? r.createdAt, locale)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
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
