import { describe, expect, it } from "vitest";
import {
  RULE,
  campaignStatus,
  indicatorStatus,
  taskStatus,
  type IndicatorInput,
  type IndicatorStatus,
  type Light,
  type TaskInput,
  type TaskStatus,
} from "@/lib/status";

// Realistic indicators of the 2018 plan (planned values as lib/plan/trajectory.ts gives them on an even shape).
const INDUSTRIAL_OUTPUT: IndicatorInput = {
  name: "工业总产值",
  unit: "亿元",
  direction: "HIGHER_BETTER",
  accumulation: "CUMULATIVE",
  baseline: "56.58",
  actual: null,
  planned: null,
};
const PETITIONS: IndicatorInput = {
  name: "信访积案化解率",
  unit: "%",
  direction: "HIGHER_BETTER",
  accumulation: "LEVEL",
  baseline: "85",
  actual: null,
  planned: null,
};
const PM25: IndicatorInput = {
  name: "PM2.5平均浓度",
  unit: "微克/立方米",
  direction: "LOWER_BETTER",
  accumulation: "LEVEL",
  baseline: "42",
  actual: null,
  planned: null,
};
const CRIMINAL_CASES: IndicatorInput = {
  name: "刑事案件发案数",
  unit: "件",
  direction: "LOWER_BETTER",
  accumulation: "CUMULATIVE",
  baseline: "86",
  actual: null,
  planned: null,
};

/** The indicator with an actual for `month` and the planned value for that month. */
function at(base: IndicatorInput, actual: string, planned: string | null, month = 3): IndicatorInput {
  return { ...base, actual: { month, value: actual }, planned };
}

/** Every number in the result is finite and every string is free of NaN / Infinity. */
function expectFinite(s: IndicatorStatus): void {
  if (s.achieved !== null) expect(Number.isFinite(s.achieved)).toBe(true);
  for (const v of Object.values(s.reason.values)) {
    if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
    else expect(v).not.toMatch(/NaN|Infinity/);
  }
}

describe("indicatorStatus", () => {
  it("is NONE with reason noData when there is no actual", () => {
    expect(indicatorStatus({ ...INDUSTRIAL_OUTPUT, planned: "16.25" })).toEqual({
      light: "NONE",
      achieved: null,
      reason: { key: "noData", values: { name: "工业总产值" } },
    });
  });

  it("is NONE with reason noPlan when the month has no planned value", () => {
    expect(indicatorStatus(at(INDUSTRIAL_OUTPUT, "14.2", null))).toEqual({
      light: "NONE",
      achieved: null,
      reason: { key: "noPlan", values: { name: "工业总产值" } },
    });
  });

  it("is GREEN with achieved 1 and key onPlan when a CUMULATIVE actual equals the plan", () => {
    const s = indicatorStatus(at(INDUSTRIAL_OUTPUT, "16.25", "16.25"));
    expect(s.light).toBe("GREEN");
    expect(s.achieved).toBe(1);
    expect(s.reason.key).toBe("onPlan");
    expect(s.reason.values).toMatchObject({ percent: "100", gap: "0" });
  });

  it("reports the issue's example: 14.2 亿元 against 15.0 planned is AMBER, 94.7% achieved, 5.3 behind", () => {
    const s = indicatorStatus(at(INDUSTRIAL_OUTPUT, "14.2", "15.0", 3));
    expect(s.achieved).toBeCloseTo(0.9467, 4);
    expect(s.light).toBe("AMBER");
    expect(s.reason).toEqual({
      key: "behind",
      values: { name: "工业总产值", month: 3, actual: "14.2", planned: "15", unit: "亿元", percent: "94.7", gap: "5.3" },
    });
  });

  describe("at the thresholds (decimal-exact inputs)", () => {
    it.each([
      ["100", "95", 0.95, "GREEN", "onPlan", "95", "5"],
      ["100", "94.99", 0.9499, "AMBER", "behind", "94.9", "5.1"],
      ["100", "85", 0.85, "AMBER", "behind", "85", "15"],
      ["100", "84.99", 0.8499, "RED", "behind", "84.9", "15.1"],
      ["100", "50", 0.5, "RED", "behind", "50", "50"],
      ["100", "0", 0, "RED", "behind", "0", "100"],
    ] as const)("planned %s, actual %s → achieved %f, %s (%s)", (planned, actual, achieved, light, key, percent, gap) => {
      const s = indicatorStatus(at(INDUSTRIAL_OUTPUT, actual, planned));
      expect(s.achieved).toBe(achieved);
      expect(s.light).toBe(light);
      expect(s.reason.key).toBe(key);
      expect(s.reason.values).toMatchObject({ percent, gap });
    });

    it("uses RULE.indicator's thresholds", () => {
      const green = indicatorStatus(at(INDUSTRIAL_OUTPUT, String(RULE.indicator.green * 100), "100"));
      const amber = indicatorStatus(at(INDUSTRIAL_OUTPUT, String(RULE.indicator.amber * 100), "100"));
      expect([green.light, green.achieved]).toEqual(["GREEN", RULE.indicator.green]);
      expect([amber.light, amber.achieved]).toEqual(["AMBER", RULE.indicator.amber]);
    });

    // In floating point 0.5035 / 0.53 is 0.9499999999999998 and (0.185 - 0.1) / (0.2 - 0.1) is 0.8499999999999999.
    it("computes in decimals, so a share that is exactly a threshold is not pushed below it by float error", () => {
      const green = indicatorStatus(at(INDUSTRIAL_OUTPUT, "0.5035", "0.53"));
      expect(green.achieved).toBe(0.95);
      expect(green.light).toBe("GREEN");
      const amber = indicatorStatus(at({ ...PETITIONS, baseline: "0.1" }, "0.185", "0.2"));
      expect(amber.achieved).toBe(0.85);
      expect(amber.light).toBe("AMBER");
    });
  });

  it.each([
    ["CUMULATIVE", INDUSTRIAL_OUTPUT, "17.5", "16.25", 17.5 / 16.25, "107.7", "7.7"],
    ["LEVEL", PETITIONS, "90", "87.5", 2, "200", "100"],
  ] as const)("is GREEN with key ahead when a %s indicator is ahead of plan", (_kind, base, actual, planned, achieved, percent, gap) => {
    const s = indicatorStatus(at(base, actual, planned));
    expect(s.light).toBe("GREEN");
    expect(s.achieved).toBeCloseTo(achieved, 12);
    expect(s.achieved).toBeGreaterThan(1);
    expect(s.reason.key).toBe("ahead");
    expect(s.reason.values).toMatchObject({ percent, gap });
  });

  it("is GREEN with key onPlan when slightly behind but within the green band", () => {
    const s = indicatorStatus(at(INDUSTRIAL_OUTPUT, "15.9", "16.25"));
    expect(s.light).toBe("GREEN");
    expect(s.reason.key).toBe("onPlan");
  });

  describe("a LEVEL indicator is measured from its baseline", () => {
    it("信访积案化解率 86% against 87.5% planned from 85%: 0.4 of the movement, RED (though 86/87.5 is 98%)", () => {
      const s = indicatorStatus(at(PETITIONS, "86", "87.5"));
      expect(s.achieved).toBe(0.4);
      expect(s.light).toBe("RED");
      expect(s.reason.key).toBe("behind");
      expect(s.reason.values).toMatchObject({ percent: "40", gap: "60", actual: "86", planned: "87.5", unit: "%" });
    });

    it("a missing baseline counts as 0", () => {
      const s = indicatorStatus(at({ ...PETITIONS, baseline: null }, "86", "87.5"));
      expect(s.achieved).toBeCloseTo(86 / 87.5, 12);
      expect(s.light).toBe("GREEN");
    });

    it.each([
      ["41", 4 / 7, "RED", "behind", "57.1", "42.9"],
      ["40.25", 1, "GREEN", "onPlan", "100", "0"],
      ["40", 8 / 7, "GREEN", "ahead", "114.3", "14.3"],
      ["42", 0, "RED", "behind", "0", "100"],
      ["43", -4 / 7, "RED", "behind", "-57.1", "157.1"],
    ] as const)("PM2.5 (lower is better) at %s against 40.25 planned from 42 → achieved %f, %s", (actual, achieved, light, key, percent, gap) => {
      const s = indicatorStatus(at(PM25, actual, "40.25"));
      expect(s.achieved).toBeCloseTo(achieved, 12);
      expect(s.light).toBe(light);
      expect(s.reason.key).toBe(key);
      expect(s.reason.values).toMatchObject({ percent, gap, unit: "微克/立方米" });
    });

    it.each([
      ["82.5", 0.5, "RED", "behind"],
      ["80", 1, "GREEN", "onPlan"],
      ["79", 1.2, "GREEN", "ahead"],
      ["86", -0.2, "RED", "behind"],
    ] as const)("a HIGHER_BETTER indicator planned to fall (85 → 80) follows the same formula: actual %s → %f", (actual, achieved, light, key) => {
      const s = indicatorStatus(at(PETITIONS, actual, "80"));
      expect(s.achieved).toBeCloseTo(achieved, 12);
      expect(s.light).toBe(light);
      expect(s.reason.key).toBe(key);
    });
  });

  describe("nothing planned to move (zero planned movement)", () => {
    const ZERO_LEVEL_HIGHER: IndicatorInput = { ...PETITIONS, name: "重大安全事故死亡人数", unit: "人", baseline: "0" };
    const ZERO_LEVEL_LOWER: IndicatorInput = { ...PM25, name: "生猪存栏复养数", unit: "头", baseline: "0" };

    it.each([
      ["LEVEL HIGHER_BETTER, 0 against 0 from 0", ZERO_LEVEL_HIGHER, "0", "0"],
      ["LEVEL LOWER_BETTER, 0 against 0 from 0", ZERO_LEVEL_LOWER, "0", "0"],
      ["LEVEL HIGHER_BETTER, 3 against 0 from 0", ZERO_LEVEL_HIGHER, "3", "0"],
      ["LEVEL LOWER_BETTER, 0 against 5 from 5", { ...ZERO_LEVEL_LOWER, baseline: "5" }, "0", "5"],
      ["CUMULATIVE HIGHER_BETTER, nothing planned yet and nothing done", INDUSTRIAL_OUTPUT, "0", "0"],
      ["CUMULATIVE LOWER_BETTER, nothing planned yet and nothing happened", CRIMINAL_CASES, "0", "0"],
    ] as const)("%s → GREEN onPlan", (_label, base, actual, planned) => {
      const s = indicatorStatus(at(base, actual, planned, 1));
      expect(s.light).toBe("GREEN");
      expect(s.achieved).toBe(1);
      expect(s.reason.key).toBe("onPlan");
      expect(s.reason.values).toMatchObject({ percent: "100" });
      expectFinite(s);
    });

    it.each([
      ["LEVEL LOWER_BETTER, 3 against 0 from 0", ZERO_LEVEL_LOWER, "3", "0", -2],
      ["CUMULATIVE LOWER_BETTER, 3 cases in a month with 0 planned", CRIMINAL_CASES, "3", "0", -2],
      ["LEVEL HIGHER_BETTER, -1 against 0 from 0", ZERO_LEVEL_HIGHER, "-1", "0", 0],
    ] as const)("%s → not GREEN, finite", (_label, base, actual, planned, achieved) => {
      const s = indicatorStatus(at(base, actual, planned, 1));
      expect(s.light).not.toBe("GREEN");
      expect(s.light).toBe("RED");
      expect(s.achieved).toBe(achieved);
      expect(s.reason.key).toBe("behind");
      expectFinite(s);
    });

    it("scales the miss by the planned value when it is not zero (LOWER_BETTER 12 planned from 12, actual 12.6 → 0.95)", () => {
      const s = indicatorStatus(at({ ...ZERO_LEVEL_LOWER, baseline: "12" }, "12.6", "12"));
      expect(s.achieved).toBe(0.95);
      expect(s.light).toBe("GREEN");
      expect(s.reason.key).toBe("onPlan");
      expect(s.reason.values).toMatchObject({ percent: "95", gap: "5" });
    });
  });

  describe("extreme values stay finite", () => {
    it.each([
      ["a negative actual", at(INDUSTRIAL_OUTPUT, "-5", "10"), "RED"],
      ["a negative plan", at(INDUSTRIAL_OUTPUT, "-5", "-10"), "RED"],
      ["a negative baseline", at({ ...PETITIONS, baseline: "-20" }, "-10", "0"), "RED"],
      ["a huge actual", at(INDUSTRIAL_OUTPUT, "9999999999999999.9999", "0.0001"), "GREEN"],
      ["a huge plan", at(INDUSTRIAL_OUTPUT, "0.0001", "9999999999999999.9999"), "RED"],
      ["a huge movement", at({ ...PETITIONS, baseline: "-9999999999999999.9999" }, "0", "9999999999999999.9999"), "RED"],
      ["a tiny movement", at({ ...PETITIONS, baseline: "85" }, "9999999999999999.9999", "85.0001"), "GREEN"],
      ["a huge miss with nothing planned", at({ ...PM25, baseline: "0" }, "9999999999999999.9999", "0"), "RED"],
    ] as const)("%s", (_label, input, light) => {
      const s = indicatorStatus(input);
      expect(s.light).toBe(light);
      expect(s.achieved).not.toBeNull();
      expectFinite(s);
    });
  });

  it("keeps decimal strings exact: baseline 0.1, planned 0.3, actual 0.2 is exactly half", () => {
    const s = indicatorStatus(at({ ...PETITIONS, baseline: "0.1" }, "0.2", "0.3"));
    expect(s.achieved).toBe(0.5);
    expect(s.reason.values).toMatchObject({ actual: "0.2", planned: "0.3", percent: "50", gap: "50" });
  });

  it("prints actual and planned without trailing zeros, percent and gap to one decimal", () => {
    const s = indicatorStatus(at(INDUSTRIAL_OUTPUT, "14.2000", "15.0000", 3));
    expect(s.reason.values).toEqual({ name: "工业总产值", month: 3, actual: "14.2", planned: "15", unit: "亿元", percent: "94.7", gap: "5.3" });
  });
});

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
      ...over,
    };
  }

  it("is NONE with key cancelled for a CANCELLED task, even past due", () => {
    expect(taskStatus(task({ status: "CANCELLED", percentDone: 10 }), day("2018-03-01"), YEAR_START)).toEqual({
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
  ] as const)("is GREEN with key done when %s, even past due", (_label, over) => {
    const s = taskStatus(task(over), day("2018-06-30"), YEAR_START);
    expect(s).toEqual({ light: "GREEN", overdue: false, reason: { key: "done", values: { title: "完成园区污水管网改造", percent: over.percentDone } } });
  });

  it.each([
    ["IN_PROGRESS at 99%", { status: "IN_PROGRESS", percentDone: 99 }],
    ["NOT_STARTED at 0%", { status: "NOT_STARTED", percentDone: 0 }],
    ["BLOCKED at 40%", { status: "BLOCKED", percentDone: 40 }],
  ] as const)("is RED and overdue when past due and unfinished: %s", (_label, over) => {
    const s = taskStatus(task(over), day("2018-01-12"), YEAR_START);
    expect(s.light).toBe("RED");
    expect(s.overdue).toBe(true);
    expect(s.reason.key).toBe("overdue");
    expect(s.reason.values).toEqual({ title: "完成园区污水管网改造", percent: over.percentDone });
  });

  it("is overdue one millisecond after the due time, not at it", () => {
    const due = day("2018-01-11");
    const atDue = taskStatus(task({ percentDone: 90 }), due, YEAR_START);
    expect(atDue).toMatchObject({ light: "GREEN", overdue: false, reason: { key: "onTime", values: { expected: 100, behind: 10 } } });
    const after = taskStatus(task({ percentDone: 90 }), new Date(due.getTime() + 1), YEAR_START);
    expect(after).toMatchObject({ light: "RED", overdue: true });
  });

  it.each([
    ["before the start", "2017-12-31"],
    ["on the start itself", "2018-01-01"],
  ])("is NONE with key notDue %s", (_label, asOf) => {
    const s = taskStatus(task({ percentDone: 0, status: "NOT_STARTED" }), day(asOf), YEAR_START);
    expect(s).toEqual({ light: "NONE", overdue: false, reason: { key: "notDue", values: { title: "完成园区污水管网改造", percent: 0 } } });
  });

  it("uses the year start when the task has no start date", () => {
    const noStart = task({ start: null, due: day("2018-01-11"), percentDone: 20 });
    const s = taskStatus(noStart, day("2018-01-06"), YEAR_START);
    expect(s.reason.values).toMatchObject({ expected: 50, behind: 30 });
    expect(s.light).toBe("RED");
    // A later year start moves the clock: on the year start itself no time has passed yet.
    expect(taskStatus(noStart, day("2018-01-06"), day("2018-01-06")).reason.key).toBe("notDue");
    // An explicit start wins over the year start.
    expect(taskStatus({ ...noStart, start: day("2018-01-06") }, day("2018-01-06"), YEAR_START).light).toBe("NONE");
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
      const s = taskStatus(task({ percentDone }), day("2018-01-06"), YEAR_START);
      expect(s).toEqual({
        light,
        overdue: false,
        reason: { key, values: { title: "完成园区污水管网改造", percent: percentDone, expected: 50, behind } },
      });
    });

    it("uses RULE.task's thresholds", () => {
      const at = (behind: number) => taskStatus(task({ percentDone: 50 - behind }), day("2018-01-06"), YEAR_START).light;
      expect(at(RULE.task.green)).toBe("GREEN");
      expect(at(RULE.task.green + 1)).toBe("AMBER");
      expect(at(RULE.task.amber)).toBe("AMBER");
      expect(at(RULE.task.amber + 1)).toBe("RED");
    });
  });

  it.each([
    ["2018-01-02", 10],
    ["2018-01-04", 30],
    ["2018-01-09", 80],
    ["2018-01-11", 100],
  ])("expects the elapsed share of time as of %s: %i%%", (asOf, expected) => {
    const s = taskStatus(task({ percentDone: 0 }), day(asOf), YEAR_START);
    expect(s.reason.values).toMatchObject({ expected, behind: expected });
  });

  it("a whole-year task is expected at the share of the year passed", () => {
    const s = taskStatus(task({ start: null, due: day("2018-12-31"), percentDone: 20 }), day("2018-04-01"), YEAR_START);
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
      const s = taskStatus(task({ status: "BLOCKED", percentDone }), day("2018-01-06"), YEAR_START);
      expect(s.light).toBe(light);
      expect(s.overdue).toBe(false);
      expect(s.reason.key).toBe("blocked");
      expect(s.reason.values).toMatchObject({ expected: 50, behind });
    });

    it("before its start is still NONE notDue", () => {
      expect(taskStatus(task({ status: "BLOCKED", percentDone: 0 }), day("2017-12-01"), YEAR_START).reason.key).toBe("notDue");
    });
  });

  it("never reports a negative behind, however far ahead", () => {
    for (const percentDone of [51, 75, 99]) {
      const s = taskStatus(task({ percentDone }), day("2018-01-02"), YEAR_START);
      expect(s.reason.values.behind).toBe(0);
      expect(s.reason.values.expected).toBe(10);
      expect(s.light).toBe("GREEN");
    }
  });
});

describe("campaignStatus", () => {
  const SCORE = { GREEN: 1, AMBER: 0.5, RED: 0 } as const;
  const ind = (light: Light): IndicatorStatus => ({
    light,
    achieved: light === "NONE" ? null : SCORE[light],
    reason: { key: light === "NONE" ? "noData" : "onPlan", values: { name: "工业总产值" } },
  });
  const tsk = (light: Light, weight = 1): TaskStatus & { weight: number } => ({
    light,
    overdue: false,
    reason: { key: light === "NONE" ? "notDue" : "onTime", values: { title: "完成园区污水管网改造" } },
    weight,
  });
  const inds = (...ls: Light[]) => ls.map((l) => ind(l));
  const tsks = (...ls: Light[]) => ls.map((l) => tsk(l));

  it("is GREEN with score 1 when everything is GREEN", () => {
    expect(campaignStatus(inds("GREEN", "GREEN"), tsks("GREEN", "GREEN", "GREEN"), 0)).toEqual({
      light: "GREEN",
      score: 1,
      worst: [],
      reportLate: false,
    });
  });

  it("is NONE with a null score when there is nothing to score", () => {
    expect(campaignStatus([], [], 0)).toEqual({ light: "NONE", score: null, worst: [], reportLate: false });
    expect(campaignStatus(inds("NONE", "NONE"), tsks("NONE"), 0)).toEqual({ light: "NONE", score: null, worst: [], reportLate: false });
  });

  it("ignores NONE items", () => {
    expect(campaignStatus(inds("GREEN", "NONE", "NONE"), tsks("NONE", "GREEN"), 0)).toMatchObject({ light: "GREEN", score: 1 });
    expect(campaignStatus(inds("RED", "NONE"), [], 0)).toMatchObject({ light: "RED", score: 0 });
  });

  it.each([
    ["indicators only", inds("GREEN", "AMBER"), [], 0.75, "AMBER"],
    ["indicators only (NONE tasks)", inds("GREEN", "GREEN", "RED"), tsks("NONE"), 2 / 3, "AMBER"],
    ["tasks only", [], [tsk("GREEN", 2), tsk("AMBER", 2)], 0.75, "AMBER"],
    ["tasks only (NONE indicators)", inds("NONE"), [tsk("GREEN", 9), tsk("RED", 1)], 0.9, "GREEN"],
    ["tasks of zero weight count as no tasks", inds("GREEN"), [tsk("RED", 0)], 1, "GREEN"],
  ] as const)("scores %s", (_label, i, t, score, light) => {
    const s = campaignStatus([...i], [...t], 0);
    expect(s.score).toBeCloseTo(score, 12);
    expect(s.light).toBe(light);
  });

  it("weighs indicators and tasks half and half, tasks by their weight", () => {
    // Indicators [GREEN, RED] → 0.5; tasks GREEN ×3 + RED ×1 → 0.75; 0.5 × 0.5 + 0.5 × 0.75 = 0.625.
    const s = campaignStatus(inds("GREEN", "RED"), [tsk("GREEN", 3), tsk("RED", 1)], 0);
    expect(s.score).toBe(0.625);
    expect(s.light).toBe("AMBER");
  });

  it("counts every indicator once however many tasks there are", () => {
    // One RED indicator against ten GREEN tasks still takes half the score.
    const s = campaignStatus(inds("RED"), Array.from({ length: 10 }, () => tsk("GREEN")), 0);
    expect(s.score).toBe(0.5);
    expect(s.light).toBe("RED");
  });

  describe("at the thresholds", () => {
    it.each([
      ["4 GREEN, 1 RED indicators", inds("GREEN", "GREEN", "GREEN", "GREEN", "RED"), [], 0.8, "GREEN"],
      ["tasks GREEN ×4, RED ×1", [], [tsk("GREEN", 4), tsk("RED", 1)], 0.8, "GREEN"],
      ["tasks GREEN ×79, RED ×21", [], [tsk("GREEN", 79), tsk("RED", 21)], 0.79, "AMBER"],
      ["3 GREEN, 2 RED indicators", inds("GREEN", "GREEN", "GREEN", "RED", "RED"), [], 0.6, "AMBER"],
      ["indicators 0.7, tasks 0.5", inds("GREEN", "GREEN", "GREEN", "AMBER", "RED"), [tsk("GREEN"), tsk("RED")], 0.6, "AMBER"],
      ["tasks GREEN ×59, RED ×41", [], [tsk("GREEN", 59), tsk("RED", 41)], 0.59, "RED"],
    ] as const)("%s → %f, %s", (_label, i, t, score, light) => {
      const s = campaignStatus([...i], [...t], 0);
      expect(s.score).toBe(score);
      expect(s.light).toBe(light);
    });

    it("uses RULE.campaign's thresholds", () => {
      // Ten tasks of weight 1: k GREEN gives exactly k / 10.
      const withGreen = (k: number) =>
        campaignStatus([], Array.from({ length: 10 }, (_, j) => tsk(j < k ? "GREEN" : "RED")), 0);
      expect(withGreen(RULE.campaign.green * 10)).toMatchObject({ light: "GREEN", score: RULE.campaign.green });
      expect(withGreen(RULE.campaign.green * 10 - 1).light).toBe("AMBER");
      expect(withGreen(RULE.campaign.amber * 10)).toMatchObject({ light: "AMBER", score: RULE.campaign.amber });
      expect(withGreen(RULE.campaign.amber * 10 - 1).light).toBe("RED");
    });
  });

  describe("a late report", () => {
    it.each([
      [RULE.reportLateDaysRed, "RED", true],
      [RULE.reportLateDaysRed + 20, "RED", true],
      [RULE.reportLateDaysRed - 1, "GREEN", false],
      [0, "GREEN", false],
    ] as const)("%i days late → %s, reportLate %s", (days, light, reportLate) => {
      const s = campaignStatus(inds("GREEN"), tsks("GREEN"), days);
      expect(s.light).toBe(light);
      expect(s.reportLate).toBe(reportLate);
      expect(s.score).toBe(1);
    });

    it("turns the campaign RED whatever the score, even with nothing scored", () => {
      expect(campaignStatus([], [], RULE.reportLateDaysRed)).toEqual({ light: "RED", score: null, worst: [], reportLate: true });
    });
  });

  describe("worst", () => {
    it("lists RED before AMBER, at most three, indexed into the inputs", () => {
      const s = campaignStatus(inds("GREEN", "AMBER", "RED", "NONE"), tsks("AMBER", "RED", "GREEN", "RED"), 0);
      expect(s.worst).toEqual([
        { kind: "indicator", light: "RED", index: 2 },
        { kind: "task", light: "RED", index: 1 },
        { kind: "task", light: "RED", index: 3 },
      ]);
    });

    it("fills with AMBER items after the RED ones", () => {
      const s = campaignStatus(inds("NONE", "AMBER"), tsks("GREEN", "RED", "AMBER"), 0);
      expect(s.worst).toEqual([
        { kind: "task", light: "RED", index: 1 },
        { kind: "indicator", light: "AMBER", index: 1 },
        { kind: "task", light: "AMBER", index: 2 },
      ]);
    });

    it("leaves out GREEN and NONE items and keeps the input order within a light", () => {
      const s = campaignStatus(inds("AMBER", "GREEN", "NONE"), tsks("NONE", "AMBER"), 0);
      expect(s.worst).toEqual([
        { kind: "indicator", light: "AMBER", index: 0 },
        { kind: "task", light: "AMBER", index: 1 },
      ]);
    });

    it("points at the right items of real statuses", () => {
      const indicators = [
        indicatorStatus(at(INDUSTRIAL_OUTPUT, "16.25", "16.25")),
        indicatorStatus(at(PETITIONS, "86", "87.5")),
        indicatorStatus(at(INDUSTRIAL_OUTPUT, "14.2", "15")),
      ];
      const s = campaignStatus(indicators, [], 0);
      expect(s.worst).toEqual([
        { kind: "indicator", light: "RED", index: 1 },
        { kind: "indicator", light: "AMBER", index: 2 },
      ]);
      // (1 + 0 + 0.5) / 3
      expect(s.score).toBe(0.5);
      expect(s.light).toBe("RED");
    });
  });
});

describe("RULE", () => {
  it("holds the thresholds the rule page prints", () => {
    expect(RULE).toEqual({
      indicator: { green: 0.95, amber: 0.85 },
      task: { green: 10, amber: 25 },
      campaign: { green: 0.8, amber: 0.6, indicatorShare: 0.5 },
      reportLateDaysRed: 10,
    });
  });

  it("orders the thresholds consistently", () => {
    expect(RULE.indicator.green).toBeGreaterThan(RULE.indicator.amber);
    expect(RULE.indicator.green).toBeLessThanOrEqual(1);
    expect(RULE.indicator.amber).toBeGreaterThan(0);
    expect(RULE.campaign.green).toBeGreaterThan(RULE.campaign.amber);
    expect(RULE.campaign.amber).toBeGreaterThan(0);
    // Tasks count points behind: the green band is the smaller.
    expect(RULE.task.green).toBeLessThan(RULE.task.amber);
    expect(RULE.task.green).toBeGreaterThanOrEqual(0);
    expect(RULE.campaign.indicatorShare).toBeGreaterThan(0);
    expect(RULE.campaign.indicatorShare).toBeLessThan(1);
    expect(RULE.reportLateDaysRed).toBeGreaterThan(0);
  });
});

describe("found in review", () => {
  const crimes = { name: "刑事案件发案数", unit: "件", direction: "LOWER_BETTER" as const, accumulation: "CUMULATIVE" as const, baseline: "86" };

  it("scores a year-to-date 'lower is better' count over its allowance as behind, under it as ahead", () => {
    const over = indicatorStatus({ ...crimes, actual: { month: 3, value: "20" }, planned: "18.75" });
    expect(over.light).toBe("AMBER");
    expect(over.reason.key).toBe("behind");
    const under = indicatorStatus({ ...crimes, actual: { month: 3, value: "10" }, planned: "18.75" });
    expect(under.light).toBe("GREEN");
    expect(under.reason.key).toBe("ahead");
    const far = indicatorStatus({ ...crimes, actual: { month: 3, value: "30" }, planned: "18.75" });
    expect(far.light).toBe("RED");
  });

  it("keeps an exact threshold score on its side despite decimal task weights", () => {
    const t = (light: "GREEN" | "RED", weight: number) => ({ light, overdue: false, reason: { key: "onTime" as const, values: {} }, weight });
    expect(campaignStatus([], [t("GREEN", 0.1), t("RED", 0.2), t("GREEN", 0.7)], 0).light).toBe("GREEN");
  });

  it("never shows a percent that rounds up across a threshold", () => {
    const s = indicatorStatus({ name: "x", unit: "亿元", direction: "HIGHER_BETTER", accumulation: "CUMULATIVE", baseline: "0", actual: { month: 1, value: "94.99" }, planned: "100" });
    expect(s.light).toBe("AMBER");
    expect(s.reason.values.percent).toBe("94.9");
    expect(s.reason.values.gap).toBe("5.1");
  });
});
