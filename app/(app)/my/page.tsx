import { Suspense } from "react";
import Link from "@/components/ui/Link";
import { getLocale, getTranslations } from "next-intl/server";
import { ReportStatusBadge } from "@/components/reports/ReportStatusBadge";
import { PageHeader } from "@/components/ui/PageHeader";
import { PageSkeleton } from "@/components/ui/PageSkeleton";
import { Section } from "@/components/ui/Section";
import { requirePermission } from "@/lib/auth/session";
import { getLeadHome } from "@/lib/desk/queries";
import { deskView } from "@/lib/desk/view";
import type { Locale } from "@/lib/i18n/config";
import { markCommentsSeenAction } from "@/lib/comments/actions";

export async function generateMetadata() {
  return { title: (await getTranslations("my"))("title") };
}

/** 我的工作台: what a campaign lead has to do now. */
export default async function MyPage() {
  await requirePermission("reportProgress");
  return (
    <Suspense fallback={<PageSkeleton />}>
      <MyDesk />
    </Suspense>
  );
}

async function MyDesk() {
  const user = await requirePermission("reportProgress");
  const [home, t, locale] = await Promise.all([getLeadHome(user), getTranslations("my"), getLocale() as Promise<Locale>]);
  const { reminders, campaigns, returned, overdue, comments } = deskView(home, locale);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle", { name: user.name })} />
      {reminders.length > 0 && (
        <section aria-labelledby="my-reminders" className="mb-6 rounded-md border border-red-300 bg-red-50 p-4" data-testid="my-reminders">
          <h2 id="my-reminders" className="mb-2 font-semibold text-red-900">
            {t("reminders")}
          </h2>
          <ul className="space-y-1 text-sm text-red-900">
            {reminders.map((r) => (
              <li key={r.id}>
                <Link href={r.href} className="underline">
                  {r.sender
                    ? t("reminder", { campaign: r.campaign, month: r.month, sender: r.sender, date: r.date })
                    : t("reminderBySystem", { campaign: r.campaign, month: r.month, date: r.date })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Section plain title={t("campaigns")} className="lg:col-span-2">
          {campaigns.length === 0 ? (
            <p className="card p-4 text-slate-600">{t("noCampaigns")}</p>
          ) : (
            <ul className="grid gap-3 sm:grid-cols-2">
              {campaigns.map((c) => (
                <li key={c.id} className="card p-4" data-testid="my-campaign">
                  <Link href={`/campaigns/${c.id}`} className="link font-semibold">
                    {c.number}. {c.name}
                  </Link>
                  {c.due && (
                    <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
                      <span>{t("dueReport", { month: c.due.month })}</span>
                      <ReportStatusBadge status={c.due.status} />
                      {c.due.by && <span className="text-slate-600">{t("dueBy", { date: c.due.by })}</span>}
                      {c.due.daysOverdue > 0 && (
                        <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800" data-testid="days-overdue">
                          {t("daysOverdue", { days: c.due.daysOverdue })}
                        </span>
                      )}
                      <Link href={c.due.href} className="btn-primary ml-auto min-h-8 px-3">
                        {c.due.toFill ? t("fillIn") : t("open")}
                      </Link>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section plain title={t("returned")}>
          {returned.length === 0 ? (
            <p className="card p-4 text-sm text-slate-600">{t("noReturned")}</p>
          ) : (
            <ul className="card divide-y divide-slate-200 text-sm">
              {returned.map((r) => (
                <li key={r.id} className="p-3" data-testid="my-returned">
                  <Link href={r.href} className="link font-medium">
                    {r.label}
                  </Link>
                  <p className="mt-1 whitespace-pre-wrap text-orange-900">{r.reason}</p>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section plain title={t("overdue")}>
          {overdue.length === 0 ? (
            <p className="card p-4 text-sm text-slate-600">{t("noOverdue")}</p>
          ) : (
            <ul className="card divide-y divide-slate-200 text-sm">
              {overdue.map((task) => (
                <li key={task.id} className="flex flex-wrap justify-between gap-2 p-3">
                  <Link href={task.href} className="link">
                    {task.title}
                  </Link>
                  <span className="text-red-800">
                    {t("overdueSince", { date: task.since })} · {task.percentDone}%
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section
          plain
          className="lg:col-span-2"
          title={t("comments")}
          actions={
            comments.length > 0 && (
              <form action={markCommentsSeenAction}>
                <button type="submit" className="btn-secondary min-h-8 px-3">
                  {t("markRead")}
                </button>
              </form>
            )
          }
        >
          {comments.length === 0 ? (
            <p className="card p-4 text-sm text-slate-600">{t("noComments")}</p>
          ) : (
            <ul className="space-y-2" data-testid="my-comments">
              {comments.map((c) => (
                <li key={c.id} className="rounded-md border-l-4 border-brand-600 bg-white p-3 text-sm shadow-sm">
                  <Link href={c.href} className="link text-xs">
                    {c.campaign}
                  </Link>
                  <p className="mt-1 whitespace-pre-wrap">{c.body}</p>
                  <p className="mt-1 text-xs text-slate-600">
                    {c.author} · {c.at}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </>
  );
}
