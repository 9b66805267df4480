import "server-only";
// The plan a month's report is read against: as it stood when the report was approved (an approved
// report keeps showing the targets it was judged on), or as it stands now while it is being filled in.
import { now } from "@/lib/clock";
import { loadPlanHistory } from "@/lib/plans/history/history";
import { plannedFor } from "@/lib/plans/history/versions";

type Indicator = { id: string; targetValue: { toFixed(): string } | null; trajectory: { month: number; plannedValue: { toFixed(): string } }[] };

export async function reportPlans(
  plan: { id: string; year: number },
  indicators: Indicator[],
  month: number,
  report: { status: string; reviewedAt?: Date | null } | null,
): Promise<Map<string, { target: string | null; planned: string | null }>> {
  const knownAt = report?.status === "APPROVED" && report.reviewedAt ? report.reviewedAt : now();
  const history = await loadPlanHistory(plan);
  return new Map(
    indicators.map((i) => {
      const p = history.indicatorAt(i, month, knownAt);
      return [i.id, { target: p.target, planned: plannedFor(p, month) }];
    }),
  );
}
