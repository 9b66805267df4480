// A task's light: percent done against the share of its time that has passed; late and unfinished is red.
import { lightFor, type Light } from "./light";
import type { Rules } from "./rules";

export interface TaskInput {
  title: string;
  start: Date | null;
  due: Date;
  percentDone: number;
  status: "NOT_STARTED" | "IN_PROGRESS" | "DONE" | "BLOCKED" | "CANCELLED";
  weight: number;
}

export interface TaskStatus {
  light: Light;
  overdue: boolean;
  reason: { key: "done" | "cancelled" | "overdue" | "notDue" | "onTime" | "behind" | "blocked"; values: Record<string, string | number> };
}

export function taskStatus(t: TaskInput, asOf: Date, yearStart: Date, rules: Pick<Rules, "task">): TaskStatus {
  const values: Record<string, string | number> = { title: t.title, percent: t.percentDone };
  if (t.status === "CANCELLED") return { light: "NONE", overdue: false, reason: { key: "cancelled", values } };
  if (t.status === "DONE" || t.percentDone >= 100) return { light: "GREEN", overdue: false, reason: { key: "done", values } };
  if (asOf.getTime() > t.due.getTime()) return { light: "RED", overdue: true, reason: { key: "overdue", values } };
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
