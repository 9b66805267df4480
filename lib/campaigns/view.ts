// What the campaign page shows, built from getCampaign and the board: the campaign as of the board's
// month (figures reported after its cutoff left out), the people in one line each, the indicators'
// facts and charts' points, and the names its audit trail speaks of.
import type { Board, BoardCampaign } from "@/lib/board/queries";
import { monthParam, reportingMonth } from "@/lib/clock";
import type { Locale } from "@/lib/i18n/config";
import { localName } from "@/lib/i18n/local-name";
import type { getCampaign } from "./queries";

type Found = NonNullable<Awaited<ReturnType<typeof getCampaign>>>;
type Decimalish = { toFixed(): string };

/**
 * ?asOf=2018-03: the campaign as its March figures stood when they were due (the board's month). Without
 * a board (none judged), as of now and the last complete month.
 */
export function campaignAsOf<C extends { id: string; plan: { year: number }; indicators: { values: { reportedAt: Date }[] }[] }>(
  found: { campaign: C },
  judged: (Pick<Board, "historical" | "month" | "cutoff"> & { campaigns: Pick<BoardCampaign, "id">[] }) | null,
  today: Date,
) {
  const year = found.campaign.plan.year;
  const asOf = judged?.historical ? monthParam(year, judged.month) : null;
  const cutoff = judged?.cutoff ?? today;
  const campaign = {
    ...found.campaign,
    indicators: found.campaign.indicators.map((i) => ({ ...i, values: i.values.filter((v) => v.reportedAt <= cutoff) })),
  };
  const month = Math.max(1, judged?.month ?? reportingMonth(year, cutoff));
  return { asOf, cutoff, campaign, month };
}

/** Who leads and works on the campaign, one line each ("—" for nobody). */
export function campaignPeople(c: Pick<Found["campaign"], "leadingOfficial" | "leadDepartment" | "cooperating" | "leads">) {
  return {
    leadingOfficial: c.leadingOfficial ? `${c.leadingOfficial.name}（${c.leadingOfficial.title ?? ""}）` : "—",
    leadDepartment: c.leadDepartment?.name ?? "—",
    cooperating: c.cooperating.map((x) => x.department.name).join("、") || "—",
    leads: c.leads.map((l) => l.user.name).join("、") || "—",
  };
}

/** A chart's points: the planned line month by month (a month with no plan left out), the figure up to the page's month. */
export function chartPoints(plannedLine: (string | null)[], values: { month: number; value: Decimalish }[], month: number) {
  const points = plannedLine.flatMap((planned, i) => {
    const m = i + 1;
    if (planned === null) return [];
    const v = values.find((x) => x.month === m);
    return [{ month: m, planned: Number(planned), actual: v && m <= month ? Number(v.value.toFixed()) : null }];
  });
  const last = [...points].reverse().find((p) => p.actual !== null) ?? null;
  return { points, last };
}

type PageCampaign = ReturnType<typeof campaignAsOf<Found["campaign"]>>["campaign"];

/** The rest of the page's model. */
export function campaignPageView(campaign: PageCampaign, standing: BoardCampaign | null, month: number, locale: Locale) {
  const allTasks = campaign.tasks.flatMap((task) => [task, ...task.children]);
  return {
    name: localName(campaign, locale),
    people: campaignPeople(campaign),
    facts: new Map(
      campaign.indicators.map((i) => [
        i.id,
        { id: i.id, direction: i.direction, baselineNote: i.baselineNote, baselineIsSample: i.baselineIsSample, targetIsSample: i.targetIsSample },
      ]),
    ),
    allTasks,
    // The names the audit trail's records speak of.
    names: Object.fromEntries([...campaign.indicators.map((i) => [i.id, i.name]), ...allTasks.map((task) => [task.id, task.title])]) as Record<string, string>,
    charts: campaign.indicators.map((ind) => ({
      indicator: ind,
      name: localName(ind, locale),
      baseline: ind.baselineValue === null ? null : Number(ind.baselineValue.toFixed()),
      // The planned line as the plan stood for each month (a later change does not redraw the past).
      ...chartPoints(standing?.indicators.find((x) => x.id === ind.id)?.trajectory ?? ind.trajectory.map((p) => p.plannedValue.toFixed()), ind.values, month),
    })),
  };
}
