// 逾期原因 of the 月报's overdue tasks: what the lead gave on the progress form once the task was
// overdue (逾期原因 and 整改措施), as of the summary's cutoff; for updates from before those fields, the
// note of the task's latest update.
type Update = { reportedAt: Date; note: string | null; overdueReason: string | null; remedy: string | null };

const latest = <U extends { reportedAt: Date }>(list: U[]): U | null => list.reduce<U | null>((last, u) => (last === null || u.reportedAt > last.reportedAt ? u : last), null);

/** The reason per task id; `words` joins a reason and its 整改措施 into the document's language. */
export function lateReasons(tasks: { id: string; updates: Update[] }[], words: (reason: string, remedy: string) => string): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const task of tasks) {
    const given = latest(task.updates.filter((u) => u.overdueReason?.trim()));
    if (given?.overdueReason) {
      reasons.set(task.id, given.remedy?.trim() ? words(given.overdueReason.trim(), given.remedy.trim()) : given.overdueReason.trim());
      continue;
    }
    const note = latest(task.updates)?.note?.trim();
    if (note) reasons.set(task.id, note);
  }
  return reasons;
}
