import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LightShape } from "@/components/board/StatusLight";
import { LIGHT_SHAPES, lightShape } from "@/components/board/lights";
import { requireUser } from "@/lib/auth/session";
import { getBoard } from "@/lib/board/queries";
import { explainCampaign, progressWords, taskReason } from "@/lib/board/reasons";
import { indicatorLine, sinceLastMonth, withoutLight } from "@/lib/board/view";
import { getCampaign, getCampaignTrail } from "@/lib/campaigns/queries";
import { monthParam, now, parseMonthParam } from "@/lib/clock";
import { formatDate, formatDateTime, formatMonth } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { idParams } from "@/lib/http/params";
import { localName } from "@/lib/i18n/local-name";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("board"))("meeting") };
}

/** A campaign's 会议视图: its light and why, its indicators against the schedule, lagging tasks and latest 批示, on one landscape page. */
export default async function CampaignMeetingPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const [{ id }, query] = await Promise.all([idParams(params), searchParams]);
  const found = await getCampaign(user, id);
  if (!found) notFound();
  const plan = found.campaign.plan;
  const asked = parseMonthParam(query.asOf, plan.year);
  const board = await getBoard(user, plan.id, asked === "invalid" ? null : asked);
  const judged = board && !board.refused ? board : null;
  const standing = judged?.campaigns.find((c) => c.id === id);
  if (!judged || !standing) notFound();
  const previous = judged.month > 1 ? await getBoard(user, plan.id, judged.month - 1) : null;
  const before = previous && !previous.refused ? (previous.campaigns.find((c) => c.id === id)?.status.light ?? null) : null;
  const [t, mt, st, locale, trail] = await Promise.all([
    getTranslations("campaign"),
    getTranslations("meeting"),
    getTranslations("status"),
    getLocale() as Promise<Locale>,
    getCampaignTrail(user, id),
  ]);
  const why = explainCampaign(st, locale, standing);
  const since = sinceLastMonth(previous && !previous.refused ? before : null, standing.status.light);
  const lagging = standing.tasks.filter((task) => task.status.light === "RED" || task.status.light === "AMBER");
  const name = localName(standing, locale);
  const asOf = judged.historical ? `?asOf=${monthParam(plan.year, judged.month)}` : "";
  const light = standing.status.light;
  return (
    <article className="text-[17px] leading-snug text-slate-950 print:text-[10.5pt]" data-testid="meeting-sheet">
      <p className="mb-3 flex gap-4 text-sm print:hidden">
        <Link href={`/campaigns/${id}${asOf}`} className="link">
          ← {t("backToCampaign")}
        </Link>
        <span className="text-slate-600">{mt("printHint")}</span>
      </p>
      <header className="mb-3 flex flex-wrap items-end justify-between gap-2 border-b-2 border-red-800 pb-2">
        <div>
          <h1 className="text-3xl font-bold print:text-[18pt]">{mt("campaignTitle", { number: standing.number, name })}</h1>
          <p className="mt-1 text-lg text-slate-700 print:text-[11pt]">
            {plan.title} · {judged.month > 0 ? mt("dataMonth", { month: formatMonth(plan.year, judged.month, locale) }) : mt("noDataMonth")} ·{" "}
            {t("leadingOfficial")}：{standing.leadingOfficial || "—"}
          </p>
        </div>
        <p className="text-sm text-slate-600 print:text-[9pt]">{mt("generatedAt", { time: formatDateTime(now(), locale) })}</p>
      </header>
      <p className="mb-3 flex flex-wrap items-center gap-3 text-xl print:text-[13pt]" data-light={light}>
        <span className="inline-flex items-center gap-2 font-bold" style={{ color: lightShape(light).colour }}>
          <LightShape light={light} size={22} />
          {st(`light.${light}`)}
        </span>
        <span className="font-semibold">{withoutLight(why.verdict, st(`light.${light}`))}</span>
        {since.kind !== "first" && (
          <span className="text-base text-slate-700">
            （{mt("col.since")}：{since.kind === "same" ? mt("since.same") : mt("since.changed", { from: st(`light.${since.from}`), to: st(`light.${light}`) })}
            ）
          </span>
        )}
      </p>
      <table className="mb-3 w-full border-collapse">
        <caption className="mb-1 text-left text-lg font-semibold print:text-[12pt]">{mt("indicators")}</caption>
        <thead>
          <tr className="border-b border-slate-400 text-left text-base print:text-[10pt]">
            <th scope="col" className="py-1 pr-2">
              {mt("col.indicator")}
            </th>
            <th scope="col" className="w-24 py-1 pr-2">
              {mt("col.status")}
            </th>
            <th scope="col" className="py-1 pr-2">
              {mt("col.chain", { baselineYear: plan.baselineYear, year: plan.year })}
            </th>
            <th scope="col" className="py-1">
              {mt("col.figures")}
            </th>
          </tr>
        </thead>
        <tbody>
          {standing.indicators.map((i) => (
            <tr key={i.id} className="border-b border-slate-200 align-top">
              <td className="py-1 pr-2 font-medium">{localName(i, locale)}</td>
              <td className="py-1 pr-2">
                <span className="inline-flex items-center gap-1.5 font-semibold" style={{ color: LIGHT_SHAPES[i.status.light].colour }}>
                  <LightShape light={i.status.light} size={14} />
                  {st(`light.${i.status.light}`)}
                </span>
              </td>
              <td className="num py-1 pr-2">{indicatorLine(locale, i)}</td>
              <td className="py-1">{progressWords(st, locale, i)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="grid gap-4 sm:grid-cols-2 print:grid-cols-2">
        <section>
          <h2 className="mb-1 text-lg font-semibold print:text-[12pt]">{t("laggingTasks", { count: lagging.length })}</h2>
          {lagging.length === 0 ? (
            <p>{mt("none")}</p>
          ) : (
            <ul className="space-y-0.5">
              {lagging.map((task) => (
                <li key={task.id} className="flex items-start gap-1.5">
                  <span className="pt-1">
                    <LightShape light={task.status.light} size={13} />
                  </span>
                  <span>
                    {taskReason(st, task)}（{t("dueOn", { date: formatDate(task.due, locale) })}）
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section>
          <h2 className="mb-1 text-lg font-semibold print:text-[12pt]">{mt("openComments")}</h2>
          {trail.comments.length === 0 ? (
            <p>{mt("none")}</p>
          ) : (
            <ul className="space-y-1">
              {trail.comments.slice(0, 3).map((c) => (
                <li key={c.id}>
                  <span className="line-clamp-3 whitespace-pre-wrap">{c.body}</span>
                  <span className="text-sm text-slate-600">
                    {c.author.name} · {formatDate(c.createdAt, locale)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </article>
  );
}
