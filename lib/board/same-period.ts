// The baseline year's figure for the same month (同比), for a plan's indicators: the series staff
// entered or imported (BaselineMonth), else the baseline year's own plan in the app (a rolled-over
// plan's predecessor: the indicator with the same key, its official figure for that month as known
// at the cutoff). Never estimated: where neither has it, there is none.
import "server-only";
import { db } from "@/lib/db";
import { officialAt } from "@/lib/reports/official";

/** indicator id → month → the baseline year's figure (exact decimal string), and whether it is sample data. */
export type SamePeriod = Map<string, Map<number, { value: string; isSample: boolean }>>;

export async function loadSamePeriod(
  plan: { orgId: string; baselineYear: number },
  indicators: { id: string; key: string }[],
  cutoff: Date,
): Promise<SamePeriod> {
  const out: SamePeriod = new Map();
  if (indicators.length === 0) return out;
  const set = (id: string, month: number, value: string, isSample: boolean) => {
    let months = out.get(id);
    if (!months) out.set(id, (months = new Map()));
    if (!months.has(month)) months.set(month, { value, isSample });
  };
  const [entered, previous] = await Promise.all([
    db().baselineMonth.findMany({
      where: { indicatorId: { in: indicators.map((i) => i.id) } },
      select: { indicatorId: true, month: true, value: true, isSample: true },
    }),
    db().indicator.findMany({
      where: { key: { in: indicators.map((i) => i.key) }, plan: { orgId: plan.orgId, year: plan.baselineYear } },
      // The newest plan of that year first, should there be more than one with the key.
      orderBy: { plan: { createdAt: "desc" } },
      select: {
        key: true,
        values: {
          where: officialAt(cutoff),
          orderBy: [{ month: "asc" }, { reportedAt: "desc" }],
          select: { month: true, value: true, report: { select: { isSample: true } } },
        },
      },
    }),
  ]);
  for (const e of entered) set(e.indicatorId, e.month, e.value.toFixed(), e.isSample);
  const byKey = new Map(indicators.map((i) => [i.key, i.id]));
  const seenKey = new Set<string>();
  for (const p of previous) {
    const id = byKey.get(p.key);
    if (!id || seenKey.has(p.key)) continue;
    seenKey.add(p.key);
    // Values come newest first within a month: the first one seen for a month is the one that counts.
    for (const v of p.values) set(id, v.month, v.value.toFixed(), v.report?.isSample ?? false);
  }
  return out;
}
