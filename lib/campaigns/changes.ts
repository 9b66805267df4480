// "Changed since last month": each indicator's figure for a month against the month before,
// and each task's progress at the end of a month against the end of the month before. Pure.
import Decimal from "decimal.js";

export interface IndicatorChange {
  id: string;
  name: string;
  unit: string;
  decimals: number;
  previous: string | null;
  current: string;
  delta: string | null;
}

export interface TaskChange {
  id: string;
  title: string;
  previous: number;
  current: number;
}

type Num = { toString(): string };

/** The figure for a month: the newest value reported for that month (values may come in any order). */
function valueFor(values: { month: number; value: Num; reportedAt: Date }[], month: number): string | null {
  const forMonth = values.filter((v) => v.month === month).sort((a, b) => b.reportedAt.getTime() - a.reportedAt.getTime());
  return forMonth[0]?.value.toString() ?? null;
}

export function indicatorChanges(
  indicators: { id: string; name: string; unit: string; decimals: number; values: { month: number; value: Num; reportedAt: Date }[] }[],
  month: number,
): IndicatorChange[] {
  const out: IndicatorChange[] = [];
  for (const ind of indicators) {
    const current = valueFor(ind.values, month);
    if (current === null) continue;
    const previous = month > 1 ? valueFor(ind.values, month - 1) : null;
    out.push({
      id: ind.id,
      name: ind.name,
      unit: ind.unit,
      decimals: ind.decimals,
      previous,
      current,
      delta: previous === null ? null : new Decimal(current).minus(previous).toFixed(),
    });
  }
  return out;
}

/** Progress at the end of a month: the newest update stated for that month or before (0 if none). */
function percentAt(updates: { month: number; percentDone: number; reportedAt: Date }[], month: number): number {
  const upTo = updates.filter((u) => u.month <= month).sort((a, b) => b.month - a.month || b.reportedAt.getTime() - a.reportedAt.getTime());
  return upTo[0]?.percentDone ?? 0;
}

export function taskChanges(
  tasks: { id: string; title: string; updates: { month: number; percentDone: number; reportedAt: Date }[] }[],
  month: number,
): TaskChange[] {
  return tasks
    .map((t) => ({ id: t.id, title: t.title, previous: percentAt(t.updates, month - 1), current: percentAt(t.updates, month) }))
    .filter((c) => c.current !== c.previous);
}
