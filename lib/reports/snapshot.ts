// A report's content as the audit trail records it and a conflict shows it.
import "server-only";
import type { Tx } from "@/lib/db";

export type ReportSnapshot = Awaited<ReturnType<typeof snapshot>>;

export async function snapshot(tx: Tx, reportId: string) {
  const r = await tx.progressReport.findUniqueOrThrow({
    where: { id: reportId },
    include: {
      values: { select: { indicatorId: true, value: true, note: true, decreaseReason: true } },
      taskUpdates: { select: { taskId: true, percentDone: true, status: true } },
    },
  });
  const reasons = r.values.filter((v) => v.decreaseReason);
  return {
    status: r.status,
    version: r.version,
    progressText: r.progressText,
    problemsText: r.problemsText,
    nextStepsText: r.nextStepsText,
    values: Object.fromEntries(r.values.map((v) => [v.indicatorId, v.value.toFixed()])),
    // Only when there are any, so the trail of an ordinary report does not grow an empty field.
    ...(reasons.length ? { decreaseReasons: Object.fromEntries(reasons.map((v) => [v.indicatorId, v.decreaseReason])) } : {}),
    tasks: Object.fromEntries(r.taskUpdates.map((t) => [t.taskId, `${t.percentDone}% ${t.status}`])),
    updatedAt: r.updatedAt.toISOString(),
  };
}
