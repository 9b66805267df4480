import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { MeetingSheet } from "@/components/board/MeetingSheet";
import { requireUser } from "@/lib/auth/session";
import { meetingRows } from "@/lib/board/meeting";
import { getBoard } from "@/lib/board/queries";
import { monthParam, now, parseMonthParam } from "@/lib/clock";
import { formatDateTime, formatMonth } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { idParams } from "@/lib/http/params";

type Props = { params: Promise<{ planId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("board"))("meeting") };
}

/** 会议视图: the board on one landscape page for a meeting, a projector or paper (?asOf= as on the board). */
export default async function MeetingPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const [{ planId }, query] = await Promise.all([idParams(params), searchParams]);
  const current = await getBoard(user, planId, null);
  if (!current || current.refused) notFound();
  const asked = parseMonthParam(query.asOf, current.plan.year);
  if (asked === "invalid") redirect(`/plans/${planId}/meeting`);
  const chosen = asked !== null && asked !== current.month ? await getBoard(user, planId, asked) : current;
  if (!chosen || chosen.refused) redirect(`/plans/${planId}/meeting`);
  const previous = chosen.month > 1 ? await getBoard(user, planId, chosen.month - 1) : null;
  const [t, bt, st, rs, locale] = await Promise.all([
    getTranslations("meeting"),
    getTranslations("board"),
    getTranslations("status"),
    getTranslations("reportStatus"),
    getLocale() as Promise<Locale>,
  ]);
  const { plan, month } = chosen;
  const rows = meetingRows({ st, rs }, locale, chosen, previous && !previous.refused ? previous : null);
  const counts = (["RED", "AMBER", "GREEN"] as const).map((light) => ({
    light,
    label: st(`light.${light}`),
    count: rows.filter((r) => r.light === light).length,
  }));
  const asOf = chosen.historical ? `?asOf=${monthParam(plan.year, month)}` : "";
  return (
    <MeetingSheet
      title={t("title", { plan: plan.title })}
      org={plan.org.name}
      dataMonth={month > 0 ? t("dataMonth", { month: formatMonth(plan.year, month, locale) }) : t("noDataMonth")}
      generatedAt={formatDateTime(now(), locale)}
      rows={rows}
      counts={[...counts, { light: "MISSING", label: bt("missing"), count: rows.filter((r) => r.missing).length }]}
      backHref={`/plans/${plan.id}/board${asOf}`}
    />
  );
}
