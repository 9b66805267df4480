import { describe, expect, it } from "vitest";
import { dayOffset, dueSteps, levelOf, type ReminderSchedule } from "./schedule";

const plan: ReminderSchedule = { reportDueDay: 5, remindDaysBefore: 2, remindOnDueDay: true, escalateAfterDays: 3, escalatePrincipalAfterDays: 7 };
// An instant in China: "2018-04-06 09:30" is 01:30 UTC.
const cst = (day: string, time = "09:30") => new Date(`${day}T${time}:00+08:00`);

describe("reminder schedule", () => {
  it("counts days from the due day in China", () => {
    expect(dayOffset(2018, 3, 5, cst("2018-04-05", "00:00"))).toBe(0);
    expect(dayOffset(2018, 3, 5, cst("2018-04-04", "23:59"))).toBe(-1);
    expect(dayOffset(2018, 3, 5, cst("2018-04-06", "00:01"))).toBe(1);
    expect(dayOffset(2018, 12, 5, cst("2019-01-03"))).toBe(-2);
  });

  it("before the due day, on it, then to the 分管领导 and the principal leader", () => {
    const steps = (day: string) => dueSteps(plan, 2018, 3, cst(day));
    expect(steps("2018-04-02")).toEqual([]);
    expect(steps("2018-04-03")).toEqual(["BEFORE_DUE"]);
    expect(steps("2018-04-04")).toEqual(["BEFORE_DUE"]);
    expect(steps("2018-04-05")).toEqual(["DUE_DAY"]);
    expect(steps("2018-04-08")).toEqual(["DUE_DAY"]);
    expect(steps("2018-04-09")).toEqual(["DUE_DAY", "ESCALATE_OFFICIAL"]);
    expect(steps("2018-04-12")).toEqual(["DUE_DAY", "ESCALATE_OFFICIAL"]);
    expect(steps("2018-04-13")).toEqual(["DUE_DAY", "ESCALATE_OFFICIAL", "ESCALATE_PRINCIPAL"]);
  });

  it("steps a plan turns off are never due", () => {
    const off = { ...plan, remindDaysBefore: 0, remindOnDueDay: false, escalatePrincipalAfterDays: null };
    expect(dueSteps(off, 2018, 3, cst("2018-04-04"))).toEqual([]);
    expect(dueSteps(off, 2018, 3, cst("2018-04-05"))).toEqual([]);
    expect(dueSteps(off, 2018, 3, cst("2018-05-30"))).toEqual(["ESCALATE_OFFICIAL"]);
  });

  it("names who each step reaches", () => {
    expect(["BEFORE_DUE", "DUE_DAY", "ESCALATE_OFFICIAL", "ESCALATE_PRINCIPAL"].map((s) => levelOf(s as never))).toEqual([
      "LEAD",
      "LEAD",
      "OFFICIAL",
      "PRINCIPAL",
    ]);
  });
});
