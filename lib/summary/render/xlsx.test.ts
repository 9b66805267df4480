import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { sampleSummary } from "@/lib/testing/fixtures/summary";
import type { MonthlySummary } from "../model";
import { summaryText } from "../text";
import { renderXlsx } from "./xlsx";
import { displayWidth } from "./xlsx-sheet";

const zh = summaryText("zh-CN");

async function workbookOf(summary: MonthlySummary, text = zh): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares load() for an ArrayBuffer, not Node's Buffer.
  await workbook.xlsx.load(new Uint8Array(await renderXlsx(summary, text)).buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function headers(ws: ExcelJS.Worksheet): string[] {
  const values: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell) => values.push(String(cell.value ?? "")));
  return values;
}

/** The cell under `header` in the row whose `keyHeader` column holds `key`. */
function cellAt(ws: ExcelJS.Worksheet, keyHeader: string, key: string, header: string): ExcelJS.Cell {
  const keyColumn = headers(ws).indexOf(keyHeader) + 1;
  const column = headers(ws).indexOf(header) + 1;
  expect(keyColumn, keyHeader).toBeGreaterThan(0);
  expect(column, header).toBeGreaterThan(0);
  for (let r = 2; r <= ws.rowCount; r++) {
    if (ws.getCell(r, keyColumn).value === key) return ws.getCell(r, column);
  }
  throw new Error(`no row with ${keyHeader} = ${key}`);
}

function columnValues(ws: ExcelJS.Worksheet, header: string): unknown[] {
  const column = headers(ws).indexOf(header) + 1;
  expect(column, header).toBeGreaterThan(0);
  return ws.getColumn(column).values.slice(2);
}

const TABLE_SHEETS = ["战役总览", "全镇指标", "指标", "逾期任务", "工作进展", "领导批示", "未报送", "较上月变化"];

describe("renderXlsx", () => {
  it("has a cover and one sheet per part, named from the catalogue", async () => {
    const workbook = await workbookOf(sampleSummary());
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["封面", ...TABLE_SHEETS]);
  });

  it("puts the title, month, scope, lights, the sample note, the footnotes and the adjusted targets on the cover", async () => {
    const cover = sheet(await workbookOf(sampleSummary()), "封面");
    const texts: unknown[] = [];
    cover.eachRow((row) => row.eachCell((cell) => texts.push(cell.value)));
    expect(texts).toEqual(
      expect.arrayContaining([
        "2018年3月十大战役工作月报",
        "深甽镇",
        "2018年十大战役",
        "2018年3月",
        2017,
        "王芳",
        "2 / 10 个战役",
        "红灯 1 个，黄灯 0 个，绿灯 1 个，暂无数据 0 个",
        "注：标有“示例”的数据为演示用示例数据，并非正式统计数字。",
        "“—”：2017年同期数据未录入，不作比较",
        "标注“待审核”的数据来自已报送、尚未审核的报告。",
        "目标调整：规上工业总产值：自3月起调整（2018年4月9日，王芳；原因：统计口径调整）",
      ]),
    );
    // 10:30 in Shanghai, not the server's 02:30 UTC.
    expect(texts).toContainEqual(new Date("2018-04-10T10:30:00Z"));
  });

  it("leaves the sample note off when every figure is official", async () => {
    const summary = sampleSummary();
    summary.cover.hasSampleData = false;
    const cover = sheet(await workbookOf(summary), "封面");
    const texts: unknown[] = [];
    cover.eachRow((row) => row.eachCell((cell) => texts.push(cell.value)));
    expect(texts.some((v) => typeof v === "string" && v.startsWith("注："))).toBe(false);
  });

  it("lists the campaigns with their status in words, the verdict, its reasons and the adjusted targets", async () => {
    const ws = sheet(await workbookOf(sampleSummary()), "战役总览");
    expect(headers(ws)).toEqual([
      "序号",
      "战役",
      "状态",
      "原因",
      "任务进度（%）",
      "任务数",
      "逾期任务数",
      "本月报告",
      "逾期报送（天）",
      "牵头单位",
      "分管领导",
      "责任人",
    ]);
    expect(columnValues(ws, "战役")).toEqual(["工业经济提质增效战役", "招商引资攻坚战役"]);
    expect(cellAt(ws, "战役", "工业经济提质增效战役", "状态").value).toBe("红灯");
    expect(cellAt(ws, "战役", "工业经济提质增效战役", "原因").value).toBe(
      [
        "红灯：3月进度报告逾期 12 天未报送（超过 3 天）",
        "原因：",
        "完成园区道路改造：已逾期，完成 60%",
        "规上工业总产值：1—3月累计 14.2 亿元，完成年度目标 22.9%，慢于序时进度（24.2%）1.3 个百分点",
        "目标调整：规上工业总产值：自3月起调整（2018年4月9日，王芳；原因：统计口径调整）",
      ].join("\n"),
    );
    // Green with nothing to watch: the verdict alone.
    expect(cellAt(ws, "战役", "招商引资攻坚战役", "原因").value).toBe("绿灯：指标均达到序时进度，任务按期推进");
    expect(cellAt(ws, "战役", "工业经济提质增效战役", "本月报告").value).toBe("未报送");
    expect(cellAt(ws, "战役", "招商引资攻坚战役", "本月报告").value).toBe("待审核");
    // Missing or on time: nothing under 逾期报送.
    expect(cellAt(ws, "战役", "工业经济提质增效战役", "逾期报送（天）").value).toBeNull();
    expect(cellAt(ws, "战役", "招商引资攻坚战役", "逾期报送（天）").value).toBeNull();
    const progress = cellAt(ws, "战役", "招商引资攻坚战役", "任务进度（%）");
    expect(progress.value).toBe(75);
    expect(progress.type).toBe(ExcelJS.ValueType.Number);
  });

  it("gives the days a report came late as a number", async () => {
    const summary = sampleSummary();
    const report = summary.campaigns[1]?.report;
    if (!report) throw new Error("the fixture's second campaign has reported");
    report.lateDays = 2;
    const late = cellAt(sheet(await workbookOf(summary), "战役总览"), "战役", "招商引资攻坚战役", "逾期报送（天）");
    expect(late.value).toBe(2);
    expect(late.type).toBe(ExcelJS.ValueType.Number);
  });

  it("puts the town-wide indicators on their own sheet, with the exact 2017 baseline, the actual and the progress as numbers", async () => {
    const workbook = await workbookOf(sampleSummary());
    const ws = sheet(workbook, "全镇指标");
    // Kept by the office, not by a campaign: no campaign columns.
    expect(headers(ws)).toEqual([
      "指标",
      "单位",
      "2017年基数",
      "年度目标",
      "序时目标",
      "实际",
      "数据所属月份",
      "完成年度目标（%）",
      "序时进度（%）",
      "较序时（个百分点或单位）",
      "较序时进度",
      "同比",
      "状态",
      "原因",
      "备注",
    ]);
    expect(columnValues(ws, "指标")).toEqual(["工业总产值"]);
    const at = (header: string) => cellAt(ws, "指标", "工业总产值", header);
    const expectNumber = (cell: ExcelJS.Cell, value: number, numFmt: string) => {
      expect(cell.value).toBe(value);
      expect(cell.type).toBe(ExcelJS.ValueType.Number);
      expect(cell.numFmt).toBe(numFmt);
    };
    // Figures in the indicator's decimals; shares of the target and 个百分点 in one.
    expectNumber(at("2017年基数"), 56.58, "#,##0.00");
    expectNumber(at("实际"), 15.1, "#,##0.00");
    expectNumber(at("年度目标"), 65, "#,##0.00");
    expectNumber(at("序时目标"), 16.25, "#,##0.00");
    expectNumber(at("完成年度目标（%）"), 23.2, "#,##0.0");
    expectNumber(at("序时进度（%）"), 25, "#,##0.0");
    expectNumber(at("较序时（个百分点或单位）"), -1.8, "#,##0.0");
    expect(at("较序时进度").value).toBe("慢于序时进度 1.8 个百分点");
    expect(at("同比").value).toBe("同比增长 6.3%");
    expect(at("单位").value).toBe("亿元");
    expect(at("数据所属月份").value).toBe("3月");
    expect(at("状态").value).toBe("黄灯");
    expect(at("原因").value).toBe("工业总产值：1—3月累计 15.1 亿元，完成年度目标 23.2%，慢于序时进度（25%）1.8 个百分点");
    expect(at("备注").value).toBeNull();
    // …and only there: the indicators sheet lists the campaigns' own.
    expect(columnValues(sheet(workbook, "指标"), "指标")).toEqual(["规上工业总产值", "安全生产事故", "实际利用外资"]);
  });

  it("writes the exact 2017 figures and the month's actuals as numbers under their headers", async () => {
    const ws = sheet(await workbookOf(sampleSummary()), "指标");
    expect(headers(ws)).toEqual([
      "序号",
      "战役",
      "指标",
      "单位",
      "2017年基数",
      "年度目标",
      "序时目标",
      "实际",
      "数据所属月份",
      "完成年度目标（%）",
      "序时进度（%）",
      "较序时（个百分点或单位）",
      "较序时进度",
      "同比",
      "状态",
      "原因",
      "备注",
    ]);
    const at = (indicator: string, header: string) => cellAt(ws, "指标", indicator, header);
    const expectNumber = (cell: ExcelJS.Cell, value: number, numFmt: string) => {
      expect(cell.value).toBe(value);
      expect(cell.type).toBe(ExcelJS.ValueType.Number);
      expect(cell.numFmt).toBe(numFmt);
    };
    expectNumber(at("规上工业总产值", "2017年基数"), 56.58, "#,##0.00");
    expectNumber(at("规上工业总产值", "实际"), 14.2, "#,##0.00");
    expectNumber(at("规上工业总产值", "序时目标"), 15, "#,##0.00");
    expectNumber(at("规上工业总产值", "完成年度目标（%）"), 22.9, "#,##0.0");
    expectNumber(at("规上工业总产值", "序时进度（%）"), 24.2, "#,##0.0");
    expectNumber(at("规上工业总产值", "较序时（个百分点或单位）"), -1.3, "#,##0.0");
    expect(at("规上工业总产值", "较序时进度").value).toBe("慢于序时进度 1.3 个百分点");
    // No 2017 figure for the same period: "—", never an estimate.
    expect(at("规上工业总产值", "同比").value).toBe("—");
    expect(at("规上工业总产值", "状态").value).toBe("黄灯");
    expectNumber(at("实际利用外资", "2017年基数"), 1200, "#,##0");
    expectNumber(at("实际利用外资", "实际"), 420, "#,##0");
    expectNumber(at("实际利用外资", "完成年度目标（%）"), 28, "#,##0.0");
    expectNumber(at("实际利用外资", "较序时（个百分点或单位）"), 3, "#,##0.0");
    expect(at("实际利用外资", "较序时进度").value).toBe("快于序时进度 3 个百分点");
    expect(at("实际利用外资", "同比").value).toBe("同比增长 12.5%");
    expect(at("规上工业总产值", "单位").value).toBe("亿元");
    expect(at("规上工业总产值", "战役").value).toBe("工业经济提质增效战役");
    expect(at("实际利用外资", "数据所属月份").value).toBe("3月");
    expect(at("安全生产事故", "实际").value).toBeNull();
    expect(at("安全生产事故", "完成年度目标（%）").value).toBeNull();
    expect(at("安全生产事故", "较序时（个百分点或单位）").value).toBeNull();
    expect(at("安全生产事故", "较序时进度").value).toBe("—");
    expect(at("安全生产事故", "同比").value).toBe("—");
    expect(at("安全生产事故", "状态").value).toBe("暂无数据");
  });

  it("marks sample, unreviewed (待审核) and adjusted (目标调整) figures in the note column, and only those", async () => {
    const workbook = await workbookOf(sampleSummary());
    const ws = sheet(workbook, "指标");
    expect(cellAt(ws, "指标", "安全生产事故", "备注").value).toBe("示例");
    expect(cellAt(ws, "指标", "实际利用外资", "备注").value).toBe("示例、待审核");
    expect(cellAt(ws, "指标", "规上工业总产值", "备注").value).toBe("目标调整");
    expect(cellAt(sheet(workbook, "全镇指标"), "指标", "工业总产值", "备注").value).toBeNull();

    const summary = sampleSummary();
    const [town] = summary.planIndicators;
    if (!town) throw new Error("the fixture has a town-wide indicator");
    town.isSample = true;
    expect(cellAt(sheet(await workbookOf(summary), "全镇指标"), "指标", "工业总产值", "备注").value).toBe("示例");
  });

  it("writes overdue tasks, narrative, comments, missing reports and changes with the campaign on every row", async () => {
    const workbook = await workbookOf(sampleSummary());
    const tasks = sheet(workbook, "逾期任务");
    const due = cellAt(tasks, "任务", "完成园区道路改造", "截止日期");
    expect(due.value).toEqual(new Date("2018-03-31T23:59:59Z"));
    expect(due.numFmt).toBe("yyyy-mm-dd");
    expect(cellAt(tasks, "任务", "完成园区道路改造", "战役").value).toBe("工业经济提质增效战役");
    expect(cellAt(tasks, "任务", "完成园区道路改造", "完成（%）").value).toBe(60);

    const narrative = sheet(workbook, "工作进展");
    expect(cellAt(narrative, "战役", "招商引资攻坚战役", "存在问题").value).toBe("土地指标紧张。");
    expect(cellAt(narrative, "战役", "工业经济提质增效战役", "工作进展").value).toBe("本月报告尚未报送。");

    expect(cellAt(sheet(workbook, "领导批示"), "批示人", "张伟", "批示内容").value).toBe("请抓紧推进，月底前报进展。");
    const missing = sheet(workbook, "未报送");
    expect(cellAt(missing, "战役", "工业经济提质增效战役", "逾期天数").value).toBe(12);

    const changes = sheet(workbook, "较上月变化");
    expect(cellAt(changes, "指标 / 任务", "实际利用外资", "变化").value).toBe(160);
    expect(cellAt(changes, "指标 / 任务", "举办招商推介会", "变化").value).toBe(50);
    expect(cellAt(changes, "指标 / 任务", "举办招商推介会", "类别").value).toBe("任务进度（%）");
  });

  it("says so on a sheet with nothing to list", async () => {
    const summary = sampleSummary();
    summary.missing = [];
    summary.changes = [];
    const workbook = await workbookOf(summary);
    expect(sheet(workbook, "未报送").getCell("A2").value).toBe("本月报告均已报送。");
    expect(sheet(workbook, "较上月变化").getCell("A2").value).toBe("与上月相比没有变化。");
  });

  it("freezes the header row, repeats it on every printed page and prints on A4 to the page width", async () => {
    const workbook = await workbookOf(sampleSummary());
    for (const name of TABLE_SHEETS) {
      const ws = sheet(workbook, name);
      expect(ws.views[0], name).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.pageSetup, name).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
    }
    expect(sheet(workbook, "封面").pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait" });
  });

  it("prints every table sheet landscape with '第 &P 页，共 &N 页' in the footer, the cover too", async () => {
    const workbook = await workbookOf(sampleSummary());
    for (const name of TABLE_SHEETS) {
      const ws = sheet(workbook, name);
      expect(ws.pageSetup.orientation, name).toBe("landscape");
      expect(ws.headerFooter.oddFooter, name).toBe("&C第 &P 页，共 &N 页");
    }
    expect(sheet(workbook, "封面").headerFooter.oddFooter).toBe("&C第 &P 页，共 &N 页");
    const english = await workbookOf(sampleSummary(), summaryText("en"));
    expect(english.worksheets[1]?.headerFooter.oddFooter).toBe("&CPage &P of &N");
  });

  it("leaves the change sheet out of a short summary, and gives overdue tasks their 逾期原因", async () => {
    const workbook = await workbookOf({ ...sampleSummary(), appendix: false, changes: [] });
    expect(workbook.worksheets.map((w) => w.name)).not.toContain("较上月变化");
    expect(cellAt(sheet(workbook, "逾期任务"), "任务", "完成园区道路改造", "逾期原因").value).toBe("施工单位进场推迟，路面工程顺延");
  });

  it("makes columns wide enough for their Chinese text, and wraps sentences", async () => {
    const ws = sheet(await workbookOf(sampleSummary()), "指标");
    // exceljs does not write (nor read back) a width of 9, its default.
    const width = (header: string) => ws.getColumn(headers(ws).indexOf(header) + 1).width ?? 9;
    expect(width("战役")).toBeGreaterThanOrEqual(displayWidth("工业经济提质增效战役"));
    expect(width("序号")).toBeLessThan(10);
    expect(width("战役")).toBeGreaterThan(width("序号"));
    expect(width("指标")).toBeGreaterThan(width("单位"));
    expect(width("原因")).toBeLessThanOrEqual(60);
    expect(cellAt(ws, "指标", "规上工业总产值", "原因").alignment?.wrapText).toBe(true);
  });

  it("counts CJK characters as two columns", () => {
    expect(displayWidth("战役")).toBe(4);
    expect(displayWidth("No.")).toBe(3);
    expect(displayWidth("序时进度（%）")).toBe(13);
    expect(displayWidth("短\n更长一些")).toBe(8);
  });

  it("labels everything in English on request", async () => {
    const workbook = await workbookOf(sampleSummary(), summaryText("en"));
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      "Cover",
      "Campaigns",
      "Town-wide",
      "Indicators",
      "Overdue tasks",
      "Narrative",
      "Comments",
      "Missing reports",
      "Changes",
    ]);
    const ws = sheet(workbook, "Indicators");
    expect(headers(ws).slice(0, 7)).toEqual(["No.", "Campaign", "Indicator", "Unit", "2017 baseline", "Annual target", "Planned"]);
    expect(headers(ws).slice(9, 14)).toEqual(["Of annual target (%)", "Scheduled (%)", "Gap (points or unit)", "Against plan", "Year on year"]);
    expect(cellAt(ws, "Indicator", "规上工业总产值", "Status").value).toBe("Amber");
    expect(cellAt(sheet(workbook, "Campaigns"), "Campaign", "工业经济提质增效战役", "Status").value).toBe("Red");
    expect(headers(sheet(workbook, "Campaigns"))).toContain("Submitted late (days)");
    expect(headers(ws).at(-1)).toBe("Note");
    expect(cellAt(ws, "Indicator", "安全生产事故", "Note").value).toBe("sample");
    expect(cellAt(ws, "Indicator", "规上工业总产值", "Note").value).toBe("target adjusted");
    const town = sheet(workbook, "Town-wide");
    expect(headers(town).slice(0, 3)).toEqual(["Indicator", "Unit", "2017 baseline"]);
    expect(cellAt(town, "Indicator", "工业总产值", "2017 baseline").value).toBe(56.58);
    expect(cellAt(town, "Indicator", "工业总产值", "Status").value).toBe("Amber");
    const cover = sheet(workbook, "Cover");
    expect(cover.getCell("A3").value).toBe("Organisation");
    expect(cover.getCell("B5").value).toBe("Mar 2018");
  });
});

describe("renderXlsx never writes a formula", () => {
  const dangerous = ["=1+2", "+1", "-1", "@x", "\tx", "\rx", '=HYPERLINK("http://x","点我")', "+1+2", "-2+3", "@SUM(A1)"];

  it.each(dangerous)("keeps %j as the plain text it is", async (text) => {
    const workbook = await workbookOf(sampleSummary(text));
    // XML cannot hold a bare carriage return: it is written as the line feed every reader would make of it.
    const expected = text.replace(/\r/g, "\n");

    let cells = 0;
    workbook.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          cells++;
          expect(cell.formula, cell.fullAddress.address).toBeUndefined();
          expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
        }),
      ),
    );
    expect(cells).toBeGreaterThan(50);

    const asTyped = (cell: ExcelJS.Cell) => {
      expect(typeof cell.value).toBe("string");
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe("@");
      expect(cell.value).toBe(expected);
    };
    // 战役: B 战役, J 牵头单位; 指标: C 指标, P 原因.
    asTyped(sheet(workbook, "战役总览").getCell("B2"));
    asTyped(sheet(workbook, "战役总览").getCell("J2"));
    asTyped(sheet(workbook, "全镇指标").getCell("A2"));
    asTyped(sheet(workbook, "指标").getCell("C2"));
    asTyped(sheet(workbook, "指标").getCell("P2"));
    asTyped(sheet(workbook, "逾期任务").getCell("C2"));
    for (const column of ["D", "E", "F"]) asTyped(sheet(workbook, "工作进展").getCell(`${column}3`));
    asTyped(sheet(workbook, "领导批示").getCell("E2"));
    asTyped(sheet(workbook, "未报送").getCell("B2"));
    asTyped(sheet(workbook, "较上月变化").getCell("D3"));
    // The reason cell starts with the campaign's verdict, and is kept as text all the same.
    const reason = sheet(workbook, "战役总览").getCell("D2");
    expect(reason.type).toBe(ExcelJS.ValueType.String);
    expect(reason.numFmt).toBe("@");
    expect(reason.value).toBe(`${expected}\n原因：\n完成园区道路改造：已逾期，完成 60%\n${expected}\n目标调整：${expected}`);
    // The numbers beside them stay numbers, negative ones included.
    expect(sheet(workbook, "指标").getCell("L2").value).toBe(-1.3);
    expect(sheet(workbook, "全镇指标").getCell("C2").value).toBe(56.58);
    expect(sheet(workbook, "全镇指标").getCell("J2").value).toBe(-1.8);
  });
});
