import { ClientMessages } from "@/components/i18n/ClientMessages";
import Link from "@/components/ui/Link";
import { Suspense } from "react";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AsOfForm } from "@/components/board/AsOfForm";
import { BoardPhoneList } from "@/components/board/BoardPhoneList";
import { BoardTable } from "@/components/board/BoardTable";
import { withInstructions } from "@/lib/board/instructions";
import { PhoneFilters } from "@/components/board/PhoneFilters";
import { RemindButton } from "@/components/board/RemindButton";
import { RuleText } from "@/components/board/RuleText";
import { StatusLight } from "@/components/board/StatusLight";
import { PageHeader } from "@/components/ui/PageHeader";
import { PageSkeleton } from "@/components/ui/PageSkeleton";
import { SampleBanner } from "@/components/ui/SampleBadge";
import { may } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { boardMonths, getBoard } from "@/lib/board/queries";
import { applyBoardFilters, validStatusFilter } from "@/lib/board/filters";
import { adjustmentLines, boardRow, phoneOrder } from "@/lib/board/view";
import { monthParam, now, parseMonthParam, reportingMonth } from "@/lib/clock";
import { visiblePlanYear } from "@/lib/plans/queries";
import { formatDate, formatMonth } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { idParams } from "@/lib/http/params";
import { Notice } from "@/components/ui/Notice";

type Props = { params: Promise<{ planId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("board"))("title") };
}

/** The URL without one parameter, and a notice saying why it was dropped. */
function without(planId: string, query: Record<string, string | string[] | undefined>, drop: string, notice: string): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (k === drop || k === "notice" || v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) next.append(k, one);
  }
  next.set("notice", notice);
  return `/plans/${planId}/board?${next.toString()}`;
}

/**
 * The leadership status board (督查看板). Who may see it and whether the query asks for a board that
 * exists are settled before anything streams (a refusal keeps its 404, a bad month its redirect); the
 * board itself streams behind a skeleton.
 */
export default async function BoardPage(props: Props) {
  const user = await requireUser();
  const [{ planId }, query] = await Promise.all([idParams(props.params), props.searchParams]);
  const year = await visiblePlanYear(user, planId);
  if (year === null) notFound();
  // A month that is not (yet) a board, or a status filter that is no status, is refused in words.
  const asked = parseMonthParam(query.asOf, year);
  const status = query["f.status"];
  if (status !== undefined && !validStatusFilter(status)) redirect(without(planId, query, "f.status", `status:${String(status)}`));
  if (asked === "invalid" || (asked !== null && (asked < 1 || asked > reportingMonth(year, now()))))
    redirect(without(planId, query, "asOf", `asOf:${String(query.asOf)}`));
  return (
    <ClientMessages namespaces={["board", "status", "table"]}>
      <Suspense fallback={<PageSkeleton table blocks={1} />}>
        <BoardContent {...props} />
      </Suspense>
    </ClientMessages>
  );
}

async function BoardContent({ params, searchParams }: Props) {
  const user = await requireUser();
  const [{ planId }, query] = await Promise.all([idParams(params), searchParams]);
  const current = await getBoard(user, planId, null);
  if (!current || current.refused) notFound();
  const plan = current.plan;
  const asked = parseMonthParam(query.asOf, plan.year);
  let board = current;
  if (asked !== null && asked !== "invalid" && asked !== current.month) {
    const past = await getBoard(user, planId, asked);
    if (!past || past.refused) notFound();
    board = past;
  }
  const [t, st, rs, locale] = await Promise.all([
    getTranslations("board"),
    getTranslations("status"),
    getTranslations("reportStatus"),
    getLocale() as Promise<Locale>,
  ]);
  const { campaigns, month } = board;
  const historical = board.historical;
  const rows = withInstructions(
    campaigns.map((c) => boardRow({ st, rs }, locale, c)),
    board.instructions,
    t,
  );
  const count = (light: string) => campaigns.filter((c) => c.status.light === light).length;
  const missing = campaigns.filter((c) => month > 0 && !c.report);
  const late = campaigns.filter((c) => c.report && c.report.lateDays > 0);
  const adjustments = adjustmentLines(t, locale, board);
  const asOfQuery = historical ? `?asOf=${monthParam(plan.year, month)}` : "";
  const mayRemind = may(user, "remind");
  const notice = typeof query.notice === "string" ? query.notice : null;
  const monthLabel = (m: number) => formatMonth(plan.year, m, locale);

  return (
    <>
      <PageHeader
        crumbs={[{ href: `/plans/${plan.id}`, label: plan.title }]}
        title={t("heading", { plan: plan.title })}
        subtitle={
          <span>
            {plan.org.name} · {month > 0 ? t("dataMonth", { month: monthLabel(month) }) : t("noDataMonth")} ·{" "}
            <a href="#rule" className="link underline">
              {t("rules")}
            </a>
          </span>
        }
        actions={
          <div className="hidden items-end gap-2 sm:flex">
            {current.month > 0 && (
              <AsOfForm
                year={plan.year}
                months={boardMonths(plan.year).filter((m) => m !== current.month)}
                current={current.month}
                chosen={historical ? month : null}
              />
            )}
            <Link href={`/plans/${plan.id}/meeting${asOfQuery}`} className="btn-secondary" data-testid="meeting-link">
              {t("meeting")}
            </Link>
          </div>
        }
      />
      {plan.isSample && <SampleBanner />}
      {notice && (
        <Notice tone="warning" testId="board-notice" className="mb-4">
          {notice.startsWith("asOf:") ? t("refusedAsOf", { value: notice.slice(5) }) : t("refusedStatus", { value: notice.slice(7) })}
        </Notice>
      )}
      {historical && (
        <Notice tone="info" role="note" testId="as-of-note" className="mb-4">
          {t("asOfNote", { month: monthLabel(month), date: formatDate(board.cutoff, locale) })}
        </Notice>
      )}
      {adjustments.length > 0 && (
        <section
          role="note"
          aria-label={t("adjustment.title")}
          className="mb-4 rounded-md border border-purple-300 bg-purple-50 p-3 text-sm text-purple-950"
          data-testid="adjustments"
        >
          <p className="font-semibold">
            {t("adjustment.title")} · {t("adjustment.note")}
          </p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {adjustments.map((a) => (
              <li key={a.id}>{a.text}</li>
            ))}
          </ul>
        </section>
      )}
      <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <p className="flex flex-wrap gap-x-4 gap-y-1" data-testid="board-summary">
          <StatusLight light="RED" label={`${st("light.RED")} ${count("RED")}`} />
          <StatusLight light="AMBER" label={`${st("light.AMBER")} ${count("AMBER")}`} />
          <StatusLight light="GREEN" label={`${st("light.GREEN")} ${count("GREEN")}`} />
          <span>
            {t("missing")} {missing.length}
          </span>
        </p>
        <PhoneFilters
          planId={plan.id}
          query={query}
          rows={rows}
          asOf={
            current.month > 0 ? (
              <AsOfForm
                year={plan.year}
                months={boardMonths(plan.year).filter((m) => m !== current.month)}
                current={current.month}
                chosen={historical ? month : null}
              />
            ) : null
          }
          meetingHref={`/plans/${plan.id}/meeting${asOfQuery}`}
        />
      </div>
      <BoardPhoneList rows={phoneOrder(applyBoardFilters(rows, query))} asOfQuery={asOfQuery} />
      <div className="max-sm:hidden">
        <BoardTable rows={rows} asOfQuery={asOfQuery} />
      </div>
      {campaigns.some((c) => c.hasPending) && <p className="mt-2 text-xs text-slate-600">{t("pendingNote")}</p>}

      <section className="mt-6" aria-labelledby="missing-heading">
        <h2 id="missing-heading" className="mb-2 text-lg font-semibold">
          {t("missing")} {month > 0 && `· ${monthLabel(month)}`}
        </h2>
        {missing.length === 0 ? (
          <p className="card p-4 text-sm text-slate-600">{t("missingNone")}</p>
        ) : (
          <ul className="card divide-y divide-slate-200 text-sm" data-testid="missing">
            {missing.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 p-3">
                <Link href={`/campaigns/${c.id}`} className="link font-medium">
                  {c.number}. {c.name}
                </Link>
                <span>{c.leads}</span>
                <span className={c.reportDaysLate > 0 ? "text-red-800" : "text-slate-600"}>
                  {c.reportDaysLate > 0 ? t("daysLate", { days: c.reportDaysLate }) : board.due ? t("notYetDue", { date: formatDate(board.due, locale) }) : ""}
                </span>
                {mayRemind && !historical && <RemindButton campaignId={c.id} month={month} campaignName={c.name} />}
              </li>
            ))}
          </ul>
        )}
        {late.length > 0 && (
          <ul className="mt-2 space-y-1 text-sm text-slate-700" data-testid="late-submitted">
            {late.map((c) => (
              <li key={c.id}>
                {c.number}. {c.name} · {t("lateDays", { days: c.report?.lateDays ?? 0 })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="mt-6">
        <RuleText plan={plan} rules={board.rules} month={Math.max(month, 1)} />
      </div>
    </>
  );
}
