import { describe, expect, it } from "vitest";
import { defaultRolloverTitle, isUnfinished, planRollover, sameDayIn, type RolloverSource, type SourceIndicator, type SourceTask } from "./rollover";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

function indicator(key: string, over: Partial<SourceIndicator> = {}): SourceIndicator {
  return {
    key,
    name: `指标${key}`,
    nameEn: null,
    unit: "个",
    decimals: 0,
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    allowOutOfRange: false,
    dataSource: null,
    sortOrder: 0,
    latest: null,
    ...over,
  };
}

function task(id: string, over: Partial<SourceTask> = {}): SourceTask {
  return {
    id,
    parentId: null,
    key: id,
    title: `任务${id}`,
    ownerId: "u1",
    dueDate: day("2018-06-30"),
    weight: "2",
    status: "IN_PROGRESS",
    percentDone: 40,
    isSample: false,
    sortOrder: 0,
    ...over,
  };
}

function source(over: Partial<RolloverSource> = {}): RolloverSource {
  return {
    orgId: "town",
    year: 2018,
    title: "2018年十大战役",
    titleEn: "Shendang 2018: Ten Campaigns",
    goals: ["千亩空间"],
    rules: ["每月5日前报送"],
    reportDueDay: 7,
    escalateAfterDays: 2,
    preReview: true,
    isSample: false,
    indicators: [indicator("gdp", { unit: "亿元", decimals: 2, latest: { month: 12, value: "61.2", isSample: false } })],
    campaigns: [
      {
        number: 1,
        name: "平安建设提升战",
        nameEn: "Safety",
        description: "说明",
        leadingOfficialId: "leader",
        reviewerId: "leader2",
        leadDepartmentId: "d1",
        cooperatingDepartmentIds: ["d2", "d3"],
        leadUserIds: ["lead1"],
        startDate: day("2018-01-01"),
        endDate: day("2018-12-31"),
        isSample: false,
        indicators: [
          indicator("full", { latest: { month: 12, value: "120", isSample: false } }),
          indicator("ytd", { latest: { month: 3, value: "30", isSample: false } }),
          indicator("level", { accumulation: "LEVEL", allowOutOfRange: true, latest: { month: 3, value: "95.5", isSample: false } }),
          indicator("none"),
        ],
        tasks: [],
      },
    ],
    ...over,
  };
}

const options = { title: "2019年十大战役", carryUnfinishedTasks: false };

describe("planRollover", () => {
  it("makes next year's draft plan measured against this year, with the same goals, rules and deadlines", () => {
    const { plan } = planRollover(source(), options);
    expect(plan).toEqual({
      orgId: "town",
      year: 2019,
      baselineYear: 2018,
      title: "2019年十大战役",
      titleEn: "Shendang 2019: Ten Campaigns",
      goals: ["千亩空间"],
      rules: ["每月5日前报送"],
      reportDueDay: 7,
      escalateAfterDays: 2,
      preReview: true,
      isSample: false,
      status: "DRAFT",
    });
  });

  it("drops the English title when the plan is given a new name", () => {
    expect(planRollover(source(), { ...options, title: "2019年重点工作" }).plan.titleEn).toBeNull();
  });

  it("copies each campaign with its people and departments, dates moved into the new year", () => {
    const [c] = planRollover(source(), options).campaigns;
    expect(c).toMatchObject({
      number: 1,
      name: "平安建设提升战",
      leadingOfficialId: "leader",
      reviewerId: "leader2",
      leadDepartmentId: "d1",
      cooperatingDepartmentIds: ["d2", "d3"],
      leadUserIds: ["lead1"],
      startDate: day("2019-01-01"),
      endDate: day("2019-12-31"),
    });
  });

  it("takes each baseline from the latest official figure, marks a part-year total provisional, and leaves targets empty", () => {
    const rows = planRollover(source(), options);
    const byKey = new Map(rows.baselines.map((b) => [b.key, b]));
    expect(byKey.get("full")).toMatchObject({ value: "120", month: 12, provisional: false, campaignNumber: 1 });
    expect(byKey.get("ytd")).toMatchObject({ value: "30", month: 3, provisional: true });
    // A standing figure's latest value is the latest level, not a part of a total.
    expect(byKey.get("level")).toMatchObject({ value: "95.5", month: 3, provisional: false });
    expect(byKey.get("none")).toMatchObject({ value: null, month: null, provisional: false });
    expect(byKey.get("gdp")).toMatchObject({ value: "61.2", campaignNumber: null });

    const indicators = rows.campaigns[0]?.indicators ?? [];
    expect(indicators.map((i) => [i.key, i.baselineValue, i.targetValue])).toEqual([
      ["full", "120", null],
      ["ytd", "30", null],
      ["level", "95.5", null],
      ["none", null, null],
    ]);
    expect(indicators.map((i) => i.baselineNote)).toEqual(["2018年全年实绩", "2018年1—3月累计，非全年实绩（暂定）", "2018年3月实绩", null]);
    expect(rows.planIndicators.map((i) => i.baselineValue)).toEqual(["61.2"]);
    // Whether a % figure may leave 0–100 is a property of the indicator, and carries over.
    expect(indicators.map((i) => i.allowOutOfRange)).toEqual([false, false, true, false]);
  });

  it("marks a baseline taken from sample figures as sample", () => {
    const rows = planRollover(source({ isSample: true }), options);
    const flags = rows.campaigns[0]?.indicators.map((i) => [i.key, i.baselineIsSample]);
    expect(flags).toEqual([
      ["full", true],
      ["ytd", true],
      ["level", true],
      ["none", false],
    ]);
  });

  it("carries nothing unless asked", () => {
    const base = source();
    const campaign = base.campaigns[0];
    if (campaign) campaign.tasks = [task("a")];
    const rows = planRollover(base, options);
    expect(rows.campaigns[0]?.tasks).toEqual([]);
    expect(rows.carriedTasks).toBe(0);
  });

  it("carries unfinished tasks afresh, keeping a finished parent of an unfinished child", () => {
    const base = source();
    const campaign = base.campaigns[0];
    if (!campaign) throw new Error("no campaign");
    campaign.tasks = [
      task("open", { dueDate: day("2018-09-15") }),
      task("done", { status: "DONE", percentDone: 100 }),
      task("cancelled", { status: "CANCELLED", percentDone: 30 }),
      task("parent", { status: "DONE", percentDone: 100 }),
      task("child-open", { parentId: "parent", status: "BLOCKED", percentDone: 10, dueDate: day("2016-02-29") }),
      task("child-done", { parentId: "parent", status: "DONE", percentDone: 100 }),
      task("finished-parent", { status: "DONE", percentDone: 100 }),
      task("finished-child", { parentId: "finished-parent", status: "DONE", percentDone: 100 }),
    ];
    const rows = planRollover(base, { ...options, carryUnfinishedTasks: true });
    const tasks = rows.campaigns[0]?.tasks ?? [];
    expect(tasks.map((t) => [t.key, t.children.map((c) => c.key)])).toEqual([
      ["open", []],
      ["parent", ["child-open"]],
    ]);
    expect(rows.carriedTasks).toBe(3);
    expect(tasks[0]).toMatchObject({
      startDate: day("2019-01-01"),
      dueDate: day("2019-09-15"),
      status: "NOT_STARTED",
      percentDone: 0,
      weight: "2",
      ownerId: "u1",
    });
    expect(tasks[1]?.children[0]).toMatchObject({ dueDate: day("2019-02-28"), status: "NOT_STARTED", percentDone: 0 });
  });
});

describe("rollover helpers", () => {
  it.each([
    ["2018年十大战役", "2019年十大战役"],
    ["Shendang 2018: Ten Campaigns", "Shendang 2019: Ten Campaigns"],
    ["十大战役", "十大战役"],
  ])("titles %j as %j", (title, expected) => {
    expect(defaultRolloverTitle(title, 2018)).toBe(expected);
  });

  it.each([
    ["IN_PROGRESS", 99, true],
    ["BLOCKED", 0, true],
    ["NOT_STARTED", 0, true],
    ["DONE", 100, false],
    ["CANCELLED", 20, false],
    ["IN_PROGRESS", 100, false],
  ] as const)("a %s task at %i%% is unfinished: %s", (status, percentDone, expected) => {
    expect(isUnfinished({ status, percentDone })).toBe(expected);
  });

  it("moves a date to the same day of another year, 29 February to the 28th", () => {
    expect(sameDayIn(day("2018-12-31"), 2019)).toEqual(day("2019-12-31"));
    expect(sameDayIn(day("2020-02-29"), 2021)).toEqual(day("2021-02-28"));
    expect(sameDayIn(day("2019-02-28"), 2020)).toEqual(day("2020-02-28"));
  });
});
