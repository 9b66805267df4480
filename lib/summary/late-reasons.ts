// 逾期原因 of the 月报's overdue tasks: what the lead last gave on the progress form while the task was
// overdue (逾期原因 and 整改措施), as known at the summary's cutoff, which includes the month in which
// the report was due; for tasks without one (updates from before those fields), the note of the
// task's latest update of the month.
import "server-only";
import { db } from "@/lib/db";
import { officialAt } from "@/lib/reports/official";

type Update = { reportedAt: Date; note: string | null };
type Given = { overdueReason: string | null; remedy: string | null };

/** Each task's latest 逾期原因 and 整改措施 given by the cutoff (in an update that counts then). */
export async function givenLateReasons(campaignIds: string[], cutoff: Date): Promise<Map<string, Given>> {
  const rows = await db().taskUpdate.findMany({
    where: { ...officialAt(cutoff), task: { campaignId: { in: campaignIds } }, overdueReason: { not: null } },
    orderBy: [{ taskId: "asc" }, { reportedAt: "desc" }],
    distinct: ["taskId"],
    select: { taskId: true, overdueReason: true, remedy: true },
  });
  return new Map(rows.map((r) => [r.taskId, r]));
}

const latest = <U extends { reportedAt: Date }>(list: U[]): U | null =>
  list.reduce<U | null>((last, u) => (last === null || u.reportedAt > last.reportedAt ? u : last), null);

/** The reason per task id; `words` joins a reason and its 整改措施 in the document's language. */
export function lateReasons(
  tasks: { id: string; updates: Update[] }[],
  given: Map<string, Given>,
  words: (reason: string, remedy: string) => string,
): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const task of tasks) {
    const reason = given.get(task.id)?.overdueReason?.trim();
    const remedy = given.get(task.id)?.remedy?.trim();
    if (reason) {
      reasons.set(task.id, remedy ? words(reason, remedy) : reason);
      continue;
    }
    const note = latest(task.updates)?.note?.trim();
    if (note) reasons.set(task.id, note);
  }
  return reasons;
}
