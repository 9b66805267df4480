// A task's light: percent done against the share of its time that has passed; late and unfinished is red.
// Done means 销号 (closed: its leader confirmed it): a task at 100 % not yet confirmed is 待销号, on
// time until its due day and overdue after it, like any other task that is not closed.
import { lightFor, type Light } from "./light";
import type { Rules } from "./rules";

export interface TaskInput {
  title: string;
  start: Date | null;
  due: Date;
  percentDone: number;
  status: "NOT_STARTED" | "IN_PROGRESS" | "DONE" | "BLOCKED" | "CANCELLED";
  weight: number;
  /** 销号 confirmed by the instant judged. */
  closed: boolean;
}

export interface TaskStatus {
  light: Light;
  overdue: boolean;
  reason: {
    key: "done" | "awaitingClosure" | "overdueAwaitingClosure" | "cancelled" | "overdue" | "notDue" | "onTime" | "behind" | "blocked";
    values: Record<string, string | number>;
  };
}

export function taskStatus(t: TaskInput, asOf: Date, yearStart: Date, rules: Pick<Rules, "task">): TaskStatus {
  const values: Record<string, string | number> = { title: t.title, percent: t.percentDone };
  if (t.status === "CANCELLED") return { light: "NONE", overdue: false, reason: { key: "cancelled", values } };
  if (t.closed) return { light: "GREEN", overdue: false, reason: { key: "done", values } };
  const finished = t.status === "DONE" || t.percentDone >= 100;
  const late = asOf.getTime() > t.due.getTime();
  if (finished)
    return late
      ? { light: "RED", overdue: true, reason: { key: "overdueAwaitingClosure", values } }
      : { light: "GREEN", overdue: false, reason: { key: "awaitingClosure", values } };
  if (late) return { light: "RED", overdue: true, reason: { key: "overdue", values } };
  const start = (t.start ?? yearStart).getTime();
  if (asOf.getTime() <= start) return { light: "NONE", overdue: false, reason: { key: "notDue", values } };
  const expected = Math.round(((asOf.getTime() - start) / Math.max(1, t.due.getTime() - start)) * 100);
  const behind = expected - t.percentDone;
  const withExpected = { ...values, expected, behind: Math.max(0, behind) };
  let light: Light = lightFor(behind, rules.task);
  if (t.status === "BLOCKED" && light === "GREEN") light = "AMBER";
  const key = t.status === "BLOCKED" ? "blocked" : light === "GREEN" ? "onTime" : "behind";
  return { light, overdue: false, reason: { key, values: withExpected } };
}
