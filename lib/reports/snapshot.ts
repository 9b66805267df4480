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

/** The fields of a whose value differs in b (nested maps compared entry by entry). */
export function pick(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a)) {
    if (k === "updatedAt") continue;
    const w = b[k];
    if (v && typeof v === "object" && w && typeof w === "object") {
      const inner = pick(v as Record<string, unknown>, w as Record<string, unknown>);
      for (const key of Object.keys(w)) if (!(key in (v as object))) inner[key] = null;
      if (Object.keys(inner).length) out[k] = inner;
    } else if (JSON.stringify(v) !== JSON.stringify(w)) out[k] = v;
  }
  // A map present only in b (decreaseReasons given for the first time) was empty in a.
  for (const [k, w] of Object.entries(b)) if (!(k in a) && w && typeof w === "object") out[k] = Object.fromEntries(Object.keys(w).map((key) => [key, null]));
  return out;
}
