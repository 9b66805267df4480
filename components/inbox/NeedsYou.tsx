import Link from "@/components/ui/Link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate, formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { appPath } from "@/lib/inbox/link";
import type { NeedsYou as NeedsYouModel } from "@/lib/inbox/queries";
import { AcknowledgeRedButton } from "./InboxButtons";

/** The top of the inbox: what waits for this person now (a leader lands here). */
export async function NeedsYou({ needs }: { needs: NeedsYouModel }) {
  const [t, ct, locale] = await Promise.all([getTranslations("inbox"), getTranslations("comments"), getLocale() as Promise<Locale>]);
  const groups: React.ReactNode[] = [];
  if (needs.toAnswer.length) {
    groups.push(
      <Group key="toAnswer" title={t("toAnswer", { count: needs.toAnswer.length })} testId="needs-answer">
        {needs.toAnswer.map((i) => (
          <li key={i.id}>
            <Link href={`/campaigns/${i.campaignId}#instruction-${i.id}`} className="link line-clamp-2 underline">
              {i.body}
            </Link>
            <span className="ml-1 text-xs text-slate-600">
              {i.author} · {i.dueDate ? ct("dueOn", { date: formatDate(i.dueDate, locale) }) : formatDateTime(i.createdAt, locale)}
            </span>
            {i.overdueDays > 0 && (
              <span className="ml-1 rounded border border-red-300 bg-red-50 px-1 text-xs font-medium text-red-800">
                {ct("overdue", { days: i.overdueDays })}
              </span>
            )}
          </li>
        ))}
      </Group>,
    );
  }
  if (needs.leader) {
    if (needs.reports.length) {
      groups.push(
        <Group key="reports" title={t("reportsToReview", { count: needs.reports.length })} testId="needs-review">
          {needs.reports.map((r) => (
            <li key={r.id}>
              <Link href={`/campaigns/${r.campaign.id}/reports/${r.month}`} className="link">
                {t("reportLine", { number: r.campaign.number, campaign: r.campaign.name, month: r.month })}
              </Link>
              {r.submittedAt && <span className="ml-1 text-xs text-slate-600">{t("submittedOn", { date: formatDateTime(r.submittedAt, locale) })}</span>}
            </li>
          ))}
        </Group>,
      );
    }
    if (needs.escalations.length) {
      groups.push(
        <Group key="escalations" title={t("escalations", { count: needs.escalations.length })} testId="needs-escalations">
          {needs.escalations.map((n) => (
            <li key={n.id}>
              <Link href={appPath(n.link)} className="link">
                {n.title}
              </Link>
              <span className="ml-1 text-xs text-slate-600">{formatDateTime(n.createdAt, locale)}</span>
            </li>
          ))}
        </Group>,
      );
    }
    if (needs.answered.length) {
      groups.push(
        <Group key="answered" title={t("answered", { count: needs.answered.length })} testId="needs-close">
          {needs.answered.map((i) => (
            <li key={i.id}>
              <Link href={`/campaigns/${i.campaignId}#instruction-${i.id}`} className="link line-clamp-2 underline">
                {i.body}
              </Link>
            </li>
          ))}
        </Group>,
      );
    }
    if (needs.newlyRed.length) {
      groups.push(
        <Group key="red" title={t("newlyRed", { count: needs.newlyRed.length })} testId="needs-red" action={<AcknowledgeRedButton />}>
          {needs.newlyRed.map((c) => (
            <li key={c.id}>
              <Link href={`/campaigns/${c.id}`} className="link">
                {c.number}. {c.name}
              </Link>
            </li>
          ))}
        </Group>,
      );
    }
  }
  return (
    <section aria-labelledby="needs-you" className="card mb-6 p-4" data-testid="needs-you">
      <h2 id="needs-you" className="mb-2 text-lg font-semibold">
        {t("needsYou")}
      </h2>
      {groups.length ? <div className="grid gap-4 md:grid-cols-2">{groups}</div> : <p className="text-sm text-slate-600">{t("nothingNeedsYou")}</p>}
    </section>
  );
}

function Group({ title, testId, action, children }: { title: string; testId: string; action?: React.ReactNode; children: React.ReactNode }) {
  return (
    <div data-testid={testId}>
      <div className="mb-1 flex items-center gap-2">
        <h3 className="font-semibold text-slate-800">{title}</h3>
        {action}
      </div>
      <ul className="space-y-1 text-sm">{children}</ul>
    </div>
  );
}
