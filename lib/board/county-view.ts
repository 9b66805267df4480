// What the county overview shows beside each town's counts: the towns ranked, the red campaigns of
// every town in one list, and each town's lights month by month.
import { databaseCache } from "@/lib/db/caches";
import { now } from "@/lib/clock";
import type { Light } from "@/lib/status";
import { pastLights, type CountyCampaign } from "./county";
import { cutoffFor } from "./queries";

export interface CountyTown {
  plan: {
    id: string;
    year: number;
    title: string;
    version?: number;
    reportDueDay: number;
    escalateAfterDays: number;
    lightRules: unknown;
    org: { id: string; name: string };
  };
  campaigns: CountyCampaign[];
  month: number;
}

export interface RankedTown {
  rank: number;
  planId: string;
  town: string;
  plan: string;
  year: number;
  month: number;
  red: number;
  amber: number;
  green: number;
  none: number;
  /** Campaigns whose month's report is due and not in (0 before any month is due). */
  missing: number;
  /** 按序时推进: green campaigns as a share of those with a light (0–100, one decimal), null when none has one. */
  onSchedule: number | null;
}

const count = (campaigns: CountyCampaign[], light: string) => campaigns.filter((c) => c.status.light === light).length;

/**
 * Towns ranked as the county office reads them: fewer red campaigns first, then fewer missing
 * reports, then more campaigns on schedule; towns equal on all three share a rank (1, 2, 2, 4).
 */
export function rankTowns(towns: CountyTown[]): RankedTown[] {
  const rows = towns.map((t) => {
    const [red, amber, green, none] = (["RED", "AMBER", "GREEN", "NONE"] as const).map((l) => count(t.campaigns, l)) as [number, number, number, number];
    const judged = red + amber + green;
    return {
      rank: 0,
      planId: t.plan.id,
      town: t.plan.org.name,
      plan: t.plan.title,
      year: t.plan.year,
      month: t.month,
      red,
      amber,
      green,
      none,
      missing: t.month > 0 ? t.campaigns.filter((c) => !c.report).length : 0,
      onSchedule: judged ? Math.round((green / judged) * 1000) / 10 : null,
    };
  });
  const key = (r: RankedTown) => [r.red, r.missing, -(r.onSchedule ?? -1)] as const;
  const compare = (a: RankedTown, b: RankedTown) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  };
  rows.sort((a, b) => compare(a, b) || a.town.localeCompare(b.town, "zh-CN"));
  rows.forEach((r, i) => {
    const before = rows[i - 1];
    r.rank = before && compare(before, r) === 0 ? before.rank : i + 1;
  });
  return rows;
}

/** Red campaigns the county page lists at first: at a county's scale there are hundreds; the rest are a link away and in the export. */
export const RED_SHOWN = 30;

export interface RedCampaign {
  planId: string;
  town: string;
  id: string;
  number: number;
  name: string;
  /** Red for not reporting (逾期未报), with the days late; else red on its figures and tasks. */
  silence: boolean;
  daysLate: number;
}

/**
 * Every red campaign of every town, the lowest-ranked town first (where the county's supervision
 * looks first; the page shows the first RED_SHOWN), by number within a town.
 */
export function redCampaigns(towns: CountyTown[]): RedCampaign[] {
  const order = new Map(rankTowns(towns).map((r, i) => [r.planId, i]));
  return [...towns]
    .sort((a, b) => (order.get(b.plan.id) ?? 0) - (order.get(a.plan.id) ?? 0))
    .flatMap((t) =>
      t.campaigns
        .filter((c) => c.status.light === "RED")
        .sort((a, b) => a.number - b.number)
        .map((c) => ({
          planId: t.plan.id,
          town: t.plan.org.name,
          id: c.id,
          number: c.number,
          name: c.name,
          silence: c.status.silence === "red",
          daysLate: c.reportDaysLate,
        })),
    );
}

export interface TrendMonth {
  month: number;
  red: number;
  amber: number;
  green: number;
  none: number;
}

function countLights(month: number, lights: Light[]): TrendMonth {
  return {
    month,
    red: lights.filter((l) => l === "RED").length,
    amber: lights.filter((l) => l === "AMBER").length,
    green: lights.filter((l) => l === "GREEN").length,
    none: lights.filter((l) => l === "NONE").length,
  };
}

/**
 * A past month's counts, once its cutoff has passed: a past board is read as its data stood at the
 * end of the month after it, so later reports, corrections and plan changes never alter it. Kept by
 * plan, plan version, month and the campaigns counted, without the data stamp (a write elsewhere in
 * the county must not make every town's every month be worked out again). Small entries, so many are kept.
 */
const pastMonths = databaseCache<TrendMonth>(50_000);
/** Months being worked out: people opening the overview together share the run (a past month is the same for all). */
const computing = new Map<string, Promise<Map<string, CountyCampaign[]>>>();

const keyOf = (town: CountyTown, month: number) => `${town.plan.id}|${town.plan.version ?? 0}|m${month}|${town.campaigns.map((c) => c.id).join(",")}`;

/**
 * Every town's lights for every month up to its current one: each past month as its data stood when
 * it was due (the board's ?asOf=), worked out for all towns at once, one set of queries per month
 * (lib/board/county.ts pastLights); the current month from the overview itself.
 */
export async function countyTrend(towns: CountyTown[]): Promise<Map<string, TrendMonth[]>> {
  const today = now();
  const wanted = new Map<number, CountyTown[]>();
  for (const town of towns) for (let m = 1; m < town.month; m++) if (!pastMonths.has(keyOf(town, m))) wanted.set(m, [...(wanted.get(m) ?? []), town]);
  const worked = new Map<string, TrendMonth>();
  // Month by month, not all at once: each is a set of queries over the whole county already.
  for (const [month, group] of [...wanted].sort((a, b) => a[0] - b[0])) {
    const runKey = `m${month}|${group.map((t) => keyOf(t, month)).join(";")}`;
    let run = computing.get(runKey);
    if (!run) {
      run = pastLights(group, month).finally(() => computing.delete(runKey));
      computing.set(runKey, run);
    }
    const lights = await run;
    for (const town of group) {
      const counted = countLights(
        month,
        (lights.get(town.plan.id) ?? []).map((c) => c.status.light),
      );
      worked.set(keyOf(town, month), counted);
      // Only once the month's cutoff has passed is it final.
      if (cutoffFor(town.plan.year, month, today) < today) pastMonths.set(keyOf(town, month), counted);
    }
  }
  const trend = new Map<string, TrendMonth[]>();
  for (const town of towns) {
    const months: TrendMonth[] = [];
    for (let m = 1; m < town.month; m++) {
      const counted = worked.get(keyOf(town, m)) ?? pastMonths.get(keyOf(town, m));
      if (counted) months.push(counted);
    }
    if (town.month > 0)
      months.push(
        countLights(
          town.month,
          town.campaigns.map((c) => c.status.light),
        ),
      );
    trend.set(town.plan.id, months);
  }
  return trend;
}
