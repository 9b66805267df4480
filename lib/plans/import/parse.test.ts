import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ooxml, pdf, zip } from "@/lib/testing/fixtures/files";
import { CAMPAIGNS, INDICATORS } from "@/prisma/seed/shendang-2018";
import { MAX_IMPORT_BYTES } from "./format";
import { parseWorkbook } from "./parse";
import { bookToXlsx, shendangBook, type Book } from "@/lib/testing/fixtures/workbooks";
import type { ParsedWorkbook } from "./types";
import { inflatesWithin } from "./zip-guard";

async function parsed(book: Book): Promise<ParsedWorkbook> {
  const result = await parseWorkbook(await bookToXlsx(book));
  if (!result.ok) throw new Error(`not parsed: ${result.problem}`);
  return result.workbook;
}

/** Sheet rows are 1-based with the header in row 1: the n-th data row (0-based) is row n + 2. */
const rowOf = (index: number) => index + 2;

describe("reading the Shendang plan as staff would fill it in", () => {
  it("gives every row, typed, with no problem", async () => {
    const w = await parsed(shendangBook());
    expect(w.errors).toEqual([]);
    expect(w.plan).toMatchObject({ row: 2, year: 2018, baselineYear: 2017, title: "2018年十大战役", reportDueDay: 5, escalateAfterDays: 3 });
    expect(w.plan?.goals).toHaveLength(5);
    expect(w.campaigns.map((c) => c.number)).toEqual(CAMPAIGNS.map((c) => c.number));
    expect(w.indicators).toHaveLength(INDICATORS.length);
    const taskCount = CAMPAIGNS.reduce((n, c) => n + c.tasks.reduce((m, t) => m + 1 + (t.children?.length ?? 0), 0), 0);
    expect(w.tasks).toHaveLength(taskCount);
    expect(w.lines).toHaveLength(1 + CAMPAIGNS.length + INDICATORS.length + taskCount);
  });

  it("keeps numbers exact, reads dates typed as dates or text, and takes the decimals from the unit when empty", async () => {
    const w = await parsed(shendangBook());
    const output = w.indicators.find((i) => i.name === "工业总产值");
    expect(output).toMatchObject({
      campaignNumber: null,
      unit: "亿元",
      decimals: 2,
      baseline: "56.58",
      target: "65",
      distribution: "even",
      direction: "HIGHER_BETTER",
      accumulation: "CUMULATIVE",
    });
    expect(w.indicators.find((i) => i.name === "腾退面积")?.baseline).toBe("228.8");
    expect(w.indicators.find((i) => i.name === "拜访企业")).toMatchObject({ decimals: 0, baseline: "99", campaignNumber: 6 });
    // 开始日期 is an Excel date in the fixture, 结束日期 text.
    expect(w.campaigns[2]).toMatchObject({
      startDate: "2018-03-01",
      endDate: "2018-06-08",
      cooperating: ["市场监管所", "环保所", "安监所", "村镇建设办", "派出所"],
    });
    const child = w.tasks.find((t) => t.key === "c3-classify-close");
    expect(child).toMatchObject({ campaignNumber: 3, parentKey: "c3-classify", startDate: "2018-03-15", dueDate: "2018-03-31", weight: "3" });
  });

  it("skips the example row (first cell 示例) and empty rows, whatever their position", async () => {
    const book = shendangBook();
    book.campaigns.splice(1, 0, { 序号: "示例", 战役名称: "不导入", 开始日期: "not a date" }, {});
    const w = await parsed(book);
    expect(w.errors).toEqual([]);
    expect(w.campaigns).toHaveLength(10);
    expect(w.campaigns[1]).toMatchObject({ number: 2, row: 5 });
  });

  it("reads text numbers with thousands separators and full-width digits, and Excel's formula results", async () => {
    const book = shendangBook();
    Object.assign(book.indicators[0] ?? {}, { 基数: "1,234.5", 目标: "１２３４．５６" });
    Object.assign(book.indicators[1] ?? {}, { 目标: { formula: "42.21+7.79", result: 50 } });
    const w = await parsed(book);
    expect(w.indicators[0]).toMatchObject({ baseline: "1234.5", target: "1234.56" });
    expect(w.indicators[1]).toMatchObject({ target: "50" });
  });

  it("gives each row of a merged cell the merged value (a campaign number merged down its tasks)", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await bookToXlsx(shendangBook())).buffer);
    const tasks = workbook.getWorksheet("任务");
    if (!tasks) throw new Error("no 任务 sheet");
    tasks.getCell("A3").value = null;
    tasks.getCell("A4").value = null;
    tasks.mergeCells("A2:A4");
    const result = await parseWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    if (!result.ok) throw new Error(result.problem);
    expect(result.workbook.errors).toEqual([]);
    expect(result.workbook.tasks.slice(0, 3).map((t) => t.campaignNumber)).toEqual([1, 1, 1]);
  });
});

describe("problems, each at its row and column", () => {
  it("reports each bad cell with the sheet, row, header and letter", async () => {
    const book = shendangBook();
    const i = (n: number) => book.indicators[n] as Record<string, unknown>;
    const t = (n: number) => book.tasks[n] as Record<string, unknown>;
    Object.assign(book.plan[0] ?? {}, { 报送截止日: 31 });
    Object.assign(book.campaigns[0] ?? {}, { 序号: "一" });
    Object.assign(book.campaigns[1] ?? {}, { 开始日期: "2018-06-01", 结束日期: "2018-05-31" });
    Object.assign(i(0), { 单位: null });
    Object.assign(i(1), { 方向: "越大越好" });
    Object.assign(i(2), { 基数: "12.34567" });
    Object.assign(i(3), { 目标: "约十亿" });
    Object.assign(i(4), {
      进度分配: "逐月填写",
      "1月": 1,
      "2月": 2,
      "3月": 3,
      "4月": 4,
      "5月": 5,
      "6月": 6,
      "7月": 7,
      "8月": 8,
      "9月": 9,
      "10月": 10,
      "11月": 11,
    });
    Object.assign(i(5), { "3月": 100 });
    Object.assign(i(6), { 目标: null });
    Object.assign(t(0), { 截止日期: "2018-02-30" });
    Object.assign(t(1), { 权重: 0 });
    Object.assign(t(2), { 任务编号: null });
    const w = await parsed(book);
    expect(w.errors).toEqual([
      { sheet: "plan", row: 2, column: "报送截止日", letter: "F", key: "outOfRange", values: { min: 1, max: 28 } },
      { sheet: "campaigns", row: 2, column: "序号", letter: "A", key: "notANumber", values: undefined },
      { sheet: "campaigns", row: 3, column: "结束日期", letter: "I", key: "endBeforeStart", values: undefined },
      { sheet: "indicators", row: rowOf(0), column: "单位", letter: "C", key: "required", values: undefined },
      { sheet: "indicators", row: rowOf(1), column: "方向", letter: "E", key: "notInList", values: { options: "越高越好、越低越好" } },
      { sheet: "indicators", row: rowOf(2), column: "基数", letter: "G", key: "tooManyDecimals", values: { max: 4 } },
      { sheet: "indicators", row: rowOf(3), column: "目标", letter: "J", key: "notANumber", values: undefined },
      { sheet: "indicators", row: rowOf(4), column: "12月", letter: "W", key: "monthRequired", values: undefined },
      { sheet: "indicators", row: rowOf(5), column: "进度分配", letter: "K", key: "monthsNeedMonthly", values: undefined },
      { sheet: "indicators", row: rowOf(6), column: "目标", letter: "J", key: "targetRequired", values: undefined },
      { sheet: "tasks", row: rowOf(0), column: "截止日期", letter: "G", key: "notADate", values: undefined },
      { sheet: "tasks", row: rowOf(1), column: "权重", letter: "H", key: "weight", values: undefined },
      { sheet: "tasks", row: rowOf(2), column: "任务编号", letter: "B", key: "required", values: undefined },
    ]);
    // A row with a problem is listed (its fate is an error) but not imported.
    expect(w.campaigns).toHaveLength(8);
    expect(w.lines.filter((l) => l.sheet === "campaigns")).toHaveLength(10);
    expect(w.lines.find((l) => l.sheet === "tasks" && l.row === rowOf(2))?.label).toBe(`1 · ${String(t(2).任务名称)}`);
  });

  it("applies the plan forms' rules across the fields of a row", async () => {
    const book = shendangBook();
    Object.assign(book.plan[0] ?? {}, { 基数年份: 2018 });
    // 拜访企业 counts firms: whole numbers only.
    const visits = book.indicators.findIndex((i) => i.指标名称 === "拜访企业");
    Object.assign(book.indicators[visits] ?? {}, { 基数: 99.5 });
    const months = Object.fromEntries(Array.from({ length: 12 }, (_, m) => [`${m + 1}月`, (m + 1) * 10]));
    Object.assign(book.indicators[0] ?? {}, { 进度分配: "逐月填写", ...months });
    Object.assign(book.tasks[0] ?? {}, { 权重: 100.5 });
    const w = await parsed(book);
    expect(w.errors).toEqual([
      { sheet: "plan", row: 2, column: "基数年份", letter: "B", key: "baselineNotBefore", values: undefined },
      { sheet: "indicators", row: rowOf(0), column: "12月", letter: "W", key: "trajectoryEnd", values: undefined },
      { sheet: "indicators", row: rowOf(visits), column: "基数", letter: "G", key: "tooManyDecimals", values: { max: 0 } },
      { sheet: "tasks", row: rowOf(0), column: "权重", letter: "H", key: "weight", values: undefined },
    ]);
  });

  it("reports a repeated natural key at the later row, naming the first", async () => {
    const book = shendangBook();
    book.campaigns.push({ ...book.campaigns[0], 战役名称: "重复的战役" });
    book.indicators.push({ ...book.indicators[5] });
    book.tasks.push({ ...book.tasks[0], 任务名称: "同一编号" });
    const w = await parsed(book);
    expect(w.errors).toEqual([
      { sheet: "campaigns", row: rowOf(10), column: "序号", letter: "A", key: "duplicate", values: { other: 2 } },
      { sheet: "indicators", row: rowOf(INDICATORS.length), column: "指标名称", letter: "B", key: "duplicate", values: { other: rowOf(5) } },
      { sheet: "tasks", row: rowOf(book.tasks.length - 1), column: "任务编号", letter: "B", key: "duplicate", values: { other: 2 } },
    ]);
  });

  it("finds columns by header wherever they are, and reports a missing sheet, a missing column and extra plan rows", async () => {
    const book = shendangBook();
    book.plan.push({ ...book.plan[0] });
    const workbook = new ExcelJS.Workbook();
    const plan = workbook.addWorksheet("计划");
    plan.addRow(["计划名称", "备注", "年度", "基数年份"]);
    for (const p of book.plan) plan.addRow([p.计划名称, "随便写", p.年度, p.基数年份]);
    const campaigns = workbook.addWorksheet("战役");
    campaigns.addRow(["战役名称", "序号"]);
    campaigns.addRow(["平安建设提升战", 1]);
    const w = await (async () => {
      const result = await parseWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
      if (!result.ok) throw new Error(result.problem);
      return result.workbook;
    })();
    expect(w.plan).toMatchObject({ year: 2018, title: "2018年十大战役", goals: [], reportDueDay: 5, escalateAfterDays: 3 });
    expect(w.campaigns).toMatchObject([{ number: 1, name: "平安建设提升战", leads: [], startDate: null }]);
    expect(w.errors).toContainEqual({ sheet: "plan", row: 1, column: "目标", letter: null, key: "missingColumn" });
    expect(w.errors).toContainEqual({ sheet: "plan", row: 3, column: null, letter: null, key: "onePlanRow" });
    expect(w.errors).toContainEqual({ sheet: "campaigns", row: 1, column: "牵头单位", letter: null, key: "missingColumn" });
    expect(w.errors).toContainEqual({ sheet: "indicators", row: null, column: null, letter: null, key: "missingSheet", values: { name: "指标" } });
    expect(w.errors).toContainEqual({ sheet: "tasks", row: null, column: null, letter: null, key: "missingSheet", values: { name: "任务" } });
  });

  it("reports a plan sheet with no plan on it", async () => {
    const book = shendangBook();
    book.plan = [];
    const w = await parsed(book);
    expect(w.plan).toBeNull();
    expect(w.errors).toEqual([{ sheet: "plan", row: null, column: null, letter: null, key: "noPlanRow" }]);
  });
});

describe("files that are not a workbook to read", () => {
  it.each([
    ["empty", Buffer.alloc(0), "empty"],
    ["a PDF", pdf(), "notXlsx"],
    ["a plain zip", zip({ "a.txt": "hello" }), "notXlsx"],
    ["a Word document", ooxml("docx", { deflate: true }), "notXlsx"],
    ["over 5 MB", Buffer.alloc(MAX_IMPORT_BYTES + 1), "tooLarge"],
    ["an xlsx package exceljs cannot read", ooxml("xlsx", { deflate: true }), "unreadable"],
  ])("refuses %s", async (_name, data, problem) => {
    expect(await parseWorkbook(data)).toEqual({ ok: false, problem });
  });

  it("refuses a zip that would inflate past the bound before anything opens it", async () => {
    const bomb = zip({ "[Content_Types].xml": "<Types/>", "xl/worksheets/sheet1.xml": Buffer.alloc(8 * 1024 * 1024) }, { deflate: true });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(inflatesWithin(bomb, 4 * 1024 * 1024)).toBe(false);
    expect(inflatesWithin(bomb, 16 * 1024 * 1024)).toBe(true);
    expect(inflatesWithin(Buffer.from("PK\u0003\u0004 not really a zip"))).toBe(false);
  });
});
