import Link from "@/components/ui/Link";
import { getLocale, getTranslations } from "next-intl/server";
import { LightShape, StatusLight } from "@/components/board/StatusLight";
import type { BoardCampaign } from "@/lib/board/queries";
import type { InstructionStanding } from "@/lib/comments/open";
import { explainCampaign, indicatorReason, taskReason } from "@/lib/board/reasons";
import { withoutLight } from "@/lib/board/view";
import { formatDate, formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

interface Props {
  campaign: BoardCampaign;
  adjustments: { id: string; text: string }[];
  comments: { id: string; body: string; createdAt: Date; author: { name: string; title: string | null } }[];
  /** 批示 waiting for an answer or a 办结, with their deadlines (lib/comments/open.ts). */
  openInstructions?: InstructionStanding[];
  meetingHref: string;
}

/**
 * The top of a campaign's page: its light and why, every indicator against its 序时进度, the tasks
 * that are overdue or behind, and the latest 批示, before any detail.
 */
export async function CampaignStatus({ campaign, adjustments, comments, openInstructions = [], meetingHref }: Props) {
  const [t, st, ct, locale] = await Promise.all([
    getTranslations("campaign"),
    getTranslations("status"),
    getTranslations("comments"),
    getLocale() as Promise<Locale>,
  ]);
  const why = explainCampaign(st, locale, campaign);
  const lagging = campaign.tasks.filter((task) => task.status.light === "RED" || task.status.light === "AMBER");
  const waitingIds = new Set(openInstructions.filter((i) => i.state !== "CLOSED").map((i) => i.id));
  // Those waiting are listed above with their deadlines: the latest are the others.
  const latest = comments.filter((c) => !waitingIds.has(c.id)).slice(0, 2);
  const waiting = openInstructions.filter((i) => waitingIds.has(i.id));
  return (
    <section aria-labelledby="status-heading" className="card mb-6 p-4" data-testid="campaign-status" data-light={campaign.status.light}>
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
        <h2 id="status-heading" className="text-lg font-semibold">
          <StatusLight light={campaign.status.light} label={st(`light.${campaign.status.light}`)} size={18} />
        </h2>
        <p className="min-w-0 flex-1 pt-0.5 font-medium" data-testid="campaign-verdict">
          {withoutLight(why.verdict, st(`light.${campaign.status.light}`))}
        </p>
        <Link href={meetingHref} className="link text-sm print:hidden">
          {t("meetingView")}
        </Link>
      </div>
      <div className="mt-3 grid gap-4 text-sm lg:grid-cols-2">
        <div>
          <h3 className="mb-1 font-semibold text-slate-700">{t("schedule")}</h3>
          {campaign.indicators.length === 0 ? (
            <p className="text-slate-600">{t("noIndicators")}</p>
          ) : (
            <ul className="space-y-1" data-testid="campaign-schedule">
              {campaign.indicators.map((i) => (
                <li key={i.id} className="flex items-start gap-1.5">
                  <span className="pt-1">
                    <LightShape light={i.status.light} />
                  </span>
                  <span className="sr-only">{st(`light.${i.status.light}`)}</span>
                  <span>{indicatorReason(st, locale, i)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="space-y-3">
          <div>
            <h3 className="mb-1 font-semibold text-slate-700">{t("laggingTasks", { count: lagging.length })}</h3>
            {lagging.length === 0 ? (
              <p className="text-slate-600">{t("noLaggingTasks")}</p>
            ) : (
              <ul className="space-y-1" data-testid="campaign-lagging">
                {lagging.map((task) => (
                  <li key={task.id} className="flex items-start gap-1.5">
                    <span className="pt-1">
                      <LightShape light={task.status.light} />
                    </span>
                    <span>
                      {taskReason(st, task)}
                      <span className="ml-1 text-xs text-slate-500">{t("dueOn", { date: formatDate(task.due, locale) })}</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          {waiting.length > 0 && (
            <div>
              <h3 className="mb-1 font-semibold text-slate-700">{t("openInstructions", { count: waiting.length })}</h3>
              <ul className="space-y-1" data-testid="campaign-open-instructions">
                {waiting.map((i) => (
                  <li
                    key={i.id}
                    className={`border-l-4 pl-2 ${i.overdueDays > 0 ? "border-red-600" : "border-amber-500"}`}
                    data-overdue={i.overdueDays > 0 ? "true" : "false"}
                  >
                    <a href={`#instruction-${i.id}`} className="line-clamp-2 whitespace-pre-wrap underline">
                      {i.body}
                    </a>
                    <span className="flex flex-wrap gap-x-2 text-xs text-slate-600">
                      <span>{ct(`state.${i.state}`)}</span>
                      {i.dueDate && <span>{ct("dueOn", { date: formatDate(i.dueDate, locale) })}</span>}
                      {i.overdueDays > 0 && <span className="font-semibold text-red-800">{ct("overdue", { days: i.overdueDays })}</span>}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {(latest.length > 0 || waiting.length === 0) && (
            <div>
              <h3 className="mb-1 font-semibold text-slate-700">{t("latestComments")}</h3>
              {latest.length === 0 ? (
                <p className="text-slate-600">{t("noComments")}</p>
              ) : (
                <ul className="space-y-1" data-testid="campaign-latest-comments">
                  {latest.map((c) => (
                    <li key={c.id} className="border-l-4 border-brand-600 pl-2">
                      <span className="line-clamp-2 whitespace-pre-wrap">{c.body}</span>
                      <span className="text-xs text-slate-600">
                        {c.author.name} · {formatDateTime(c.createdAt, locale)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
      </div>
      {adjustments.length > 0 && (
        <ul className="mt-3 space-y-0.5 text-sm text-purple-900" data-testid="campaign-adjustments">
          {adjustments.map((a) => (
            <li key={a.id}>
              {st("mark.adjusted")}：{a.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
