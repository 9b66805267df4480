// What the county overview shows beside each town's counts: the towns ranked, the red campaigns of
// every town in one list, and each town's lights month by month.
import type { SessionUser } from "@/lib/auth/roles";
import type { CountyCampaign } from "./county";
import { getBoard } from "./queries";

export interface CountyTown {
  plan: { id: string; year: number; title: string; org: { id: string; name: string } };
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

/**
 * Each town's lights for every month up to its current one, each month as its data stood when it
 * was due (the board's ?asOf=), so a month's counts do not change afterwards. Past months' boards
 * are cached per data stamp, so this is computed once per change of data.
 */
export async function countyTrend(user: SessionUser, towns: CountyTown[]): Promise<Map<string, TrendMonth[]>> {
  const trend = new Map<string, TrendMonth[]>();
  for (const t of towns) {
    const months: TrendMonth[] = [];
    for (let m = 1; m <= t.month; m++) {
      const board = m === t.month ? null : await getBoard(user, t.plan.id, m);
      const lights = board && !board.refused ? board.campaigns.map((c) => c.status.light) : t.campaigns.map((c) => c.status.light);
      months.push({ month: m, red: lights.filter((l) => l === "RED").length, amber: lights.filter((l) => l === "AMBER").length, green: lights.filter((l) => l === "GREEN").length, none: lights.filter((l) => l === "NONE").length });
    }
    trend.set(t.plan.id, months);
  }
  return trend;
}
