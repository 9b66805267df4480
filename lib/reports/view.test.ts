import { describe, expect, it } from "vitest";
import { reportAttachments, reportDaysLate, reportIndicators, reportInitialValues, reportTasks, shownReport } from "./view";

const dec = (s: string) => ({ toFixed: () => s, toString: () => s });
const indicator = (over: Partial<Parameters<typeof reportIndicators>[0][number]> = {}) => ({
  id: "i1",
  name: "工业总产值",
  nameEn: "Industrial output",
  unit: "亿元",
  decimals: 2,
  allowOutOfRange: false,
  accumulation: "CUMULATIVE",
  baselineValue: dec("10"),
  values: [{ value: dec("3.5") }],
  ...over,
});
const task = (id: string, parentId: string | null, over: Record<string, unknown> = {}) => ({
  id,
  title: `任务${id}`,
  parentId,
  dueDate: new Date("2018-06-29T16:00:00Z"),
  percentDone: 40,
  status: "IN_PROGRESS",
  version: 3,
  owner: { name: "王强" },
  ...over,
});

describe("the report's indicators", () => {
  it("carry the figures in their unit, the month before's official figure unformatted, and what the checks need", () => {
    const [i] = reportIndicators([indicator()], new Map([["i1", { target: "20", planned: "5" }]]), "zh-CN");
    expect(i).toMatchObject({
      name: "工业总产值",
      baseline: "10 亿元",
      target: "20 亿元",
      planned: "5 亿元",
      previous: "3.5 亿元",
      previousValue: "3.5",
      cumulative: true,
      percentRange: false,
    });
  });

  it("use the English name in English, and a % figure stays within 0–100 unless allowed out of it", () => {
    const plans = new Map();
    expect(reportIndicators([indicator()], plans, "en")[0]?.name).toBe("Industrial output");
    expect(reportIndicators([indicator({ unit: "%", accumulation: "LEVEL" })], plans, "zh-CN")[0]).toMatchObject({
      percentRange: true,
      cumulative: false,
      target: "—",
    });
    expect(reportIndicators([indicator({ unit: "%", allowOutOfRange: true })], plans, "zh-CN")[0]?.percentRange).toBe(false);
    expect(reportIndicators([indicator({ values: [] })], plans, "zh-CN")[0]).toMatchObject({ previous: "—", previousValue: null });
  });
});

describe("the report's tasks", () => {
  it("put each parent before its children, whatever the order loaded", () => {
    const rows = reportTasks([task("a", null), task("b", null), task("a1", "a"), task("b1", "b"), task("a2", "a")], "zh-CN");
    expect(rows.map((r) => r.id)).toEqual(["a", "a1", "a2", "b", "b1"]);
    expect(rows.map((r) => r.nested)).toEqual([false, true, true, false, true]);
  });

  it("show the due date in China and a dash for no owner", () => {
    const [row] = reportTasks([task("a", null, { owner: null })], "zh-CN");
    expect(row).toMatchObject({ due: "2018年6月30日", owner: "—", percentDone: 40, version: 3 });
  });
});

describe("what the report form starts from", () => {
  it("is empty text and the tasks as they stand when nothing is being edited", () => {
    expect(reportInitialValues(null, [task("a", null)])).toEqual({
      progressText: "",
      problemsText: "",
      nextStepsText: "",
      "task.a.percent": "40",
      "task.a.status": "IN_PROGRESS",
    });
  });

  it("is the draft's figures, reasons and task updates when one is", () => {
    const draft = {
      progressText: "进展",
      problemsText: null,
      nextStepsText: "下一步",
      values: [
        { indicatorId: "i1", value: dec("4.25"), decreaseReason: null },
        { indicatorId: "i2", value: dec("2"), decreaseReason: "台风" },
      ],
      taskUpdates: [{ taskId: "a", percentDone: 80, status: "DONE" }],
    };
    expect(reportInitialValues(draft as never, [task("a", null), task("b", null)])).toEqual({
      progressText: "进展",
      problemsText: "",
      nextStepsText: "下一步",
      "value.i1": "4.25",
      "value.i2": "2",
      "decrease.i2": "台风",
      "task.a.percent": "80",
      "task.a.status": "DONE",
      "task.b.percent": "40",
      "task.b.status": "IN_PROGRESS",
    });
  });
});

describe("the rest of the page", () => {
  it("counts days late only while the report has not gone in", () => {
    const today = new Date("2018-04-14T02:00:00Z"); // 14 April in China; March's report was due on the 5th
    expect(reportDaysLate("MISSING", 2018, 3, 5, today)).toBe(9);
    expect(reportDaysLate("DRAFT", 2018, 3, 5, today)).toBe(9);
    expect(reportDaysLate("SUBMITTED", 2018, 3, 5, today)).toBe(0);
    expect(reportDaysLate("MISSING", 2018, 3, 5, new Date("2018-04-04T02:00:00Z"))).toBe(0);
  });

  it("lists evidence in KB with who uploaded it", () => {
    const [a] = reportAttachments(
      [{ id: "f", fileName: "照片.png", size: 2048, mimeType: "image/png", createdAt: new Date("2018-04-02T02:30:00Z"), uploadedBy: { name: "李娜" } }],
      "zh-CN",
    );
    expect(a).toMatchObject({ id: "f", fileName: "照片.png", size: "2 KB", uploadedBy: "李娜" });
    expect(a?.uploadedAt).toContain("2018");
  });

  it("shows a revision's figures in their unit, the reasons for a fall and its narrative", () => {
    const shown = {
      values: [
        { indicatorId: "i1", value: dec("4.5"), note: null, decreaseReason: null },
        { indicatorId: "i2", value: dec("1"), note: null, decreaseReason: "停产检修" },
      ],
      taskUpdates: [{ taskId: "a", percentDone: 60, status: "IN_PROGRESS" }],
      progressText: "进展",
      problemsText: "问题",
      nextStepsText: "计划",
    };
    const view = shownReport(shown as never, [{ id: "i1", unit: "亿元", decimals: 2 }], "zh-CN");
    expect(view.values.i1).toBe("4.5 亿元");
    expect(view.values.i2?.trim()).toBe("1");
    expect(view.decreaseReasons).toEqual({ i2: "停产检修" });
    expect(view.taskUpdates.a).toMatchObject({ percentDone: 60 });
    expect(view.narrative).toEqual({ progressText: "进展", problemsText: "问题", nextStepsText: "计划" });
  });
});
