import { describe, expect, it } from "vitest";
import { DEFAULT_RULES, taskStatus, type TaskInput } from "@/lib/status";

describe("taskStatus", () => {
  const YEAR_START = new Date("2018-01-01T00:00:00Z");
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

  function task(over: Partial<TaskInput> = {}): TaskInput {
    return {
      title: "完成园区污水管网改造",
      start: day("2018-01-01"),
      due: day("2018-01-11"),
      percentDone: 50,
      status: "IN_PROGRESS",
      weight: 1,
      closed: false,
      ...over,
    };
  }

  it("is NONE with key cancelled for a CANCELLED task, even past due", () => {
    expect(taskStatus(task({ status: "CANCELLED", percentDone: 10 }), day("2018-03-01"), YEAR_START, DEFAULT_RULES)).toEqual({
      light: "NONE",
      overdue: false,
      reason: { key: "cancelled", values: { title: "完成园区污水管网改造", percent: 10 } },
    });
  });

  it.each([
    ["DONE at 100%", { status: "DONE", percentDone: 100 }],
    ["DONE whatever the percent", { status: "DONE", percentDone: 60 }],
    ["100% still IN_PROGRESS", { status: "IN_PROGRESS", percentDone: 100 }],
    ["100% while BLOCKED", { status: "BLOCKED", percentDone: 100 }],
  ] as const)("is GREEN with key done once closed (销号) when %s, even past due", (_label, over) => {
    const s = taskStatus(task({ ...over, closed: true }), day("2018-06-30"), YEAR_START, DEFAULT_RULES);
    expect(s).toEqual({ light: "GREEN", overdue: false, reason: { key: "done", values: { title: "完成园区污水管网改造", percent: over.percentDone } } });
  });

  it.each([
    ["DONE at 100%", { status: "DONE", percentDone: 100 }],
    ["100% still IN_PROGRESS", { status: "IN_PROGRESS", percentDone: 100 }],
  ] as const)("is 待销号, not done, when %s but not closed: on time until due, overdue after", (_label, over) => {
    const before = taskStatus(task(over), day("2018-01-06"), YEAR_START, DEFAULT_RULES);
    expect(before).toEqual({ light: "GREEN", overdue: false, reason: { key: "awaitingClosure", values: { title: "完成园区污水管网改造", percent: 100 } } });
    const after = taskStatus(task(over), day("2018-01-12"), YEAR_START, DEFAULT_RULES);
    expect(after).toEqual({ light: "RED", overdue: true, reason: { key: "overdueAwaitingClosure", values: { title: "完成园区污水管网改造", percent: 100 } } });
  });

  it.each([
    ["IN_PROGRESS at 99%", { status: "IN_PROGRESS", percentDone: 99 }],
    ["NOT_STARTED at 0%", { status: "NOT_STARTED", percentDone: 0 }],
    ["BLOCKED at 40%", { status: "BLOCKED", percentDone: 40 }],
  ] as const)("is RED and overdue when past due and unfinished: %s", (_label, over) => {
    const s = taskStatus(task(over), day("2018-01-12"), YEAR_START, DEFAULT_RULES);
    expect(s.light).toBe("RED");
    expect(s.overdue).toBe(true);
    expect(s.reason.key).toBe("overdue");
    expect(s.reason.values).toEqual({ title: "完成园区污水管网改造", percent: over.percentDone });
  });

  it("is overdue one millisecond after the due time, not at it", () => {
    const due = day("2018-01-11");
    const atDue = taskStatus(task({ percentDone: 90 }), due, YEAR_START, DEFAULT_RULES);
    expect(atDue).toMatchObject({ light: "GREEN", overdue: false, reason: { key: "onTime", values: { expected: 100, behind: 10 } } });
    const after = taskStatus(task({ percentDone: 90 }), new Date(due.getTime() + 1), YEAR_START, DEFAULT_RULES);
    expect(after).toMatchObject({ light: "RED", overdue: true });
  });

  it.each([
    ["before the start", "2017-12-31"],
    ["on the start itself", "2018-01-01"],
  ])("is NONE with key notDue %s", (_label, asOf) => {
    const s = taskStatus(task({ percentDone: 0, status: "NOT_STARTED" }), day(asOf), YEAR_START, DEFAULT_RULES);
    expect(s).toEqual({ light: "NONE", overdue: false, reason: { key: "notDue", values: { title: "完成园区污水管网改造", percent: 0 } } });
  });

  it("uses the year start when the task has no start date", () => {
    const noStart = task({ start: null, due: day("2018-01-11"), percentDone: 20 });
    const s = taskStatus(noStart, day("2018-01-06"), YEAR_START, DEFAULT_RULES);
    expect(s.reason.values).toMatchObject({ expected: 50, behind: 30 });
    expect(s.light).toBe("RED");
    // A later year start moves the clock: on the year start itself no time has passed yet.
    expect(taskStatus(noStart, day("2018-01-06"), day("2018-01-06"), DEFAULT_RULES).reason.key).toBe("notDue");
    // An explicit start wins over the year start.
    expect(taskStatus({ ...noStart, start: day("2018-01-06") }, day("2018-01-06"), YEAR_START, DEFAULT_RULES).light).toBe("NONE");
  });

  // start 2018-01-01, due 2018-01-11, as of 2018-01-06: half the time has passed, so 50% is expected.
  describe("against the time elapsed (expected 50 on 2018-01-06)", () => {
    it.each([
      [100 - 1, "GREEN", "onTime", 0],
      [60, "GREEN", "onTime", 0],
      [50, "GREEN", "onTime", 0],
      [40, "GREEN", "onTime", 10],
      [39, "AMBER", "behind", 11],
      [30, "AMBER", "behind", 20],
      [25, "AMBER", "behind", 25],
      [24, "RED", "behind", 26],
      [0, "RED", "behind", 50],
    ] as const)("%i%% done → %s (%s), behind %i", (percentDone, light, key, behind) => {
      const s = taskStatus(task({ percentDone }), day("2018-01-06"), YEAR_START, DEFAULT_RULES);
      expect(s).toEqual({
        light,
        overdue: false,
        reason: { key, values: { title: "完成园区污水管网改造", percent: percentDone, expected: 50, behind } },
      });
    });

    it("uses DEFAULT_RULES.task's thresholds", () => {
      const at = (behind: number) => taskStatus(task({ percentDone: 50 - behind }), day("2018-01-06"), YEAR_START, DEFAULT_RULES).light;
      expect(at(DEFAULT_RULES.task.green)).toBe("GREEN");
      expect(at(DEFAULT_RULES.task.green + 1)).toBe("AMBER");
      expect(at(DEFAULT_RULES.task.amber)).toBe("AMBER");
      expect(at(DEFAULT_RULES.task.amber + 1)).toBe("RED");
    });
  });

  it.each([
    ["2018-01-02", 10],
    ["2018-01-04", 30],
    ["2018-01-09", 80],
    ["2018-01-11", 100],
  ])("expects the elapsed share of time as of %s: %i%%", (asOf, expected) => {
    const s = taskStatus(task({ percentDone: 0 }), day(asOf), YEAR_START, DEFAULT_RULES);
    expect(s.reason.values).toMatchObject({ expected, behind: expected });
  });

  it("a whole-year task is expected at the share of the year passed", () => {
    const s = taskStatus(task({ start: null, due: day("2018-12-31"), percentDone: 20 }), day("2018-04-01"), YEAR_START, DEFAULT_RULES);
    // 90 of 364 days → 24.7 → 25% expected.
    expect(s.reason.values).toMatchObject({ expected: 25, behind: 5 });
    expect(s.light).toBe("GREEN");
  });

  describe("BLOCKED", () => {
    it.each([
      [50, "AMBER", 0],
      [40, "AMBER", 10],
      [30, "AMBER", 20],
      [10, "RED", 40],
    ] as const)("%i%% done → %s with key blocked", (percentDone, light, behind) => {
      const s = taskStatus(task({ status: "BLOCKED", percentDone }), day("2018-01-06"), YEAR_START, DEFAULT_RULES);
      expect(s.light).toBe(light);
      expect(s.overdue).toBe(false);
      expect(s.reason.key).toBe("blocked");
      expect(s.reason.values).toMatchObject({ expected: 50, behind });
    });

    it("before its start is still NONE notDue", () => {
      expect(taskStatus(task({ status: "BLOCKED", percentDone: 0 }), day("2017-12-01"), YEAR_START, DEFAULT_RULES).reason.key).toBe("notDue");
    });
  });

  it("never reports a negative behind, however far ahead", () => {
    for (const percentDone of [51, 75, 99]) {
      const s = taskStatus(task({ percentDone }), day("2018-01-02"), YEAR_START, DEFAULT_RULES);
      expect(s.reason.values.behind).toBe(0);
      expect(s.reason.values.expected).toBe(10);
      expect(s.light).toBe("GREEN");
    }
  });
});
