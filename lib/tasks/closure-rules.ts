// 销号 of a task, the pure part: when a task counts as closed, when it is overdue and what the lead
// must then say. Shared by the board, the forms and the mutations.
/** Whether a task's 销号 had been confirmed by an instant (the board of a past month asks as of its cutoff). */
export function closedBy(closedAt: Date | null, at: Date): boolean {
  return closedAt !== null && closedAt.getTime() <= at.getTime();
}

/**
 * Overdue: past its due date (read as the board reads it, lib/status/task.ts) and neither closed nor
 * cancelled. A finished task whose 销号 is not yet confirmed is overdue too: closure is the end.
 */
export function isOverdue(task: { dueDate: Date; closure: string; status: string }, at: Date): boolean {
  return task.closure !== "CLOSED" && task.status !== "CANCELLED" && at.getTime() > task.dueDate.getTime();
}

/** 销号 may be asked for a task its lead reports finished (100 %), once at a time, and not after it is closed. */
export function mayAskClosure(task: { closure: string; status: string; percentDone: number }): boolean {
  return task.closure === "OPEN" && task.status !== "CANCELLED" && task.percentDone >= 100;
}
