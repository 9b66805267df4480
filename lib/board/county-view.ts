// What the county overview shows beside each town's counts: the towns ranked, the red campaigns of
// every town in one list, and each town's lights month by month.
import { LRUCache } from "lru-cache";
import type { SessionUser } from "@/lib/auth/roles";
import type { Light } from "@/lib/status";
import type { CountyCampaign } from "./county";
import { getBoard } from "./queries";

export interface CountyTown {
  plan: { id: string; year: number; title: string; version?: number; org: { id: string; name: string } };
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

/** Every red campaign of every town, in the ranking's order of towns, by number within a town. */
export function redCampaigns(towns: CountyTown[]): RedCampaign[] {
  const order = new Map(rankTowns(towns).map((r, i) => [r.planId, i]));
  return [...towns]
    .sort((a, b) => (order.get(a.plan.id) ?? 0) - (order.get(b.plan.id) ?? 0))
    .flatMap((t) =>
      t.campaigns
        .filter((c) => c.status.light === "RED")
        .sort((a, b) => a.number - b.number)
        .map((c) => ({ planId: t.plan.id, town: t.plan.org.name, id: c.id, number: c.number, name: c.name, silence: c.status.silence === "red", daysLate: c.reportDaysLate })),
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
  return { month, red: lights.filter((l) => l === "RED").length, amber: lights.filter((l) => l === "AMBER").length, green: lights.filter((l) => l === "GREEN").length, none: lights.filter((l) => l === "NONE").length };
}

/**
 * A past month's counts, once its cutoff has passed: a past board is read as its data stood at the
 * end of the month after it, so later reports, corrections and plan changes never alter it. Kept by
 * plan, plan version and month, without the data stamp (a write elsewhere in the county must not
 * make every town's every month be worked out again). Small entries, so many are kept.
 */
const pastMonths = new LRUCache<string, TrendMonth>({ max: 50_000 });

async function pastMonth(user: SessionUser, town: CountyTown, month: number): Promise<TrendMonth> {
  const key = `${town.plan.id}|${town.plan.version ?? 0}|m${month}`;
  const kept = pastMonths.get(key);
  if (kept) return kept;
  const board = await getBoard(user, town.plan.id, month);
  if (!board || board.refused) return countLights(month, town.campaigns.map((c) => c.status.light));
  const counted = countLights(
    month,
    board.campaigns.map((c) => c.status.light),
  );
  if (board.historical) pastMonths.set(key, counted);
  return counted;
}

/**
 * A town's lights for every month up to its current one, each month as its data stood when it was
 * due (the board's ?asOf=), so a month's counts do not change afterwards; the current month from
 * the overview itself.
 */
export async function townTrend(user: SessionUser, town: CountyTown): Promise<TrendMonth[]> {
  const months: TrendMonth[] = [];
  for (let m = 1; m <= town.month; m++) months.push(m === town.month ? countLights(m, town.campaigns.map((c) => c.status.light)) : await pastMonth(user, town, m));
  return months;
}

/** Every town's trend (the export; the page streams each town's on its own). */
export async function countyTrend(user: SessionUser, towns: CountyTown[]): Promise<Map<string, TrendMonth[]>> {
  const trend = new Map<string, TrendMonth[]>();
  for (const t of towns) trend.set(t.plan.id, await townTrend(user, t));
  return trend;
}
