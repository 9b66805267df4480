import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { COLUMNS, COMMON_UNITS, EXAMPLE_MARK } from "./format";
import { townLists } from "./lists";
import { parseWorkbook } from "./parse";
import { writeWorkbook } from "./write";

const departments = ["党政办", "经济发展办", "招商服务中心"];

async function template(): Promise<{ data: Buffer; workbook: ExcelJS.Workbook }> {
  const data = await writeWorkbook({
    rows: { plan: [], campaigns: [], indicators: [], tasks: [] },
    examples: {
      plan: { baselineYear: 2017, title: "2018年十大战役" },
      campaigns: { name: "精准招商持久战", leadDepartment: "招商服务中心", startDate: { date: "2018-01-01" } },
      indicators: { name: "拜访企业", unit: "家", baseline: { decimal: "99" }, direction: "越高越好" },
      tasks: { key: "c6-map", title: "编制产业招商地图", dueDate: { date: "2018-03-31" } },
    },
    lists: townLists(departments, ["微克/立方米", "公顷"]),
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(data).buffer);
  return { data, workbook };
}

type Validations = { model: Record<string, ExcelJS.DataValidation | undefined> };
const validation = (ws: ExcelJS.Worksheet, address: string) => (ws as unknown as { dataValidations: Validations }).dataValidations.model[address];

describe("the blank template", () => {
  it("has the guide, the four sheets with their Chinese headers frozen, and the hidden lists", async () => {
    const { workbook } = await template();
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["说明", "visible"],
      ["计划", "visible"],
      ["战役", "visible"],
      ["指标", "visible"],
      ["任务", "visible"],
      ["选项", "hidden"],
    ]);
    const indicators = workbook.getWorksheet("指标");
    if (!indicators) throw new Error("no 指标");
    const headers: string[] = [];
    indicators.getRow(1).eachCell((cell) => headers.push(String(cell.value)));
    expect(headers).toEqual(COLUMNS.indicators.map((c) => c.header));
    expect(indicators.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(String(workbook.getWorksheet("说明")?.getCell("A1").value)).toContain("填写说明");
  });

  it("has one grey example row per sheet, marked 示例 in its first cell", async () => {
    const { workbook } = await template();
    for (const name of ["计划", "战役", "指标", "任务"]) {
      const ws = workbook.getWorksheet(name);
      expect(ws?.getCell("A2").value, name).toBe(EXAMPLE_MARK);
      expect(ws?.getCell("B2").font?.italic, name).toBe(true);
      expect(ws?.rowCount, name).toBe(2);
    }
    expect(workbook.getWorksheet("战役")?.getCell("H2").value).toEqual(new Date("2018-01-01T00:00:00.000Z"));
  });

  it("offers drop-down lists: the town's departments, common and used units (free entry), and the fixed words", async () => {
    const { workbook } = await template();
    const lists = workbook.getWorksheet("选项");
    const column = (n: number) => (lists?.getColumn(n).values ?? []).slice(2).map(String);
    expect(column(1)).toEqual([...COMMON_UNITS, "公顷"]);
    expect(column(2)).toEqual(departments);
    const campaigns = workbook.getWorksheet("战役");
    const indicators = workbook.getWorksheet("指标");
    if (!campaigns || !indicators) throw new Error("sheets missing");
    expect(validation(campaigns, "D3")).toMatchObject({ type: "list", formulae: ["'选项'!$B$2:$B$4"], showErrorMessage: true });
    // No error message: Excel then accepts a unit typed outside the list.
    expect(validation(indicators, "C3")).toMatchObject({ type: "list", formulae: ["'选项'!$A$2:$A$26"] });
    expect(validation(indicators, "C3")?.showErrorMessage ?? false).toBe(false);
    for (const [address, words] of [
      ["E3", "$C$2:$C$3"],
      ["F3", "$D$2:$D$3"],
      ["H3", "$F$2:$F$3"],
      ["K3", "$E$2:$E$5"],
    ] as const) {
      expect(validation(indicators, address)?.formulae, address).toEqual([`'选项'!${words}`]);
    }
    expect(column(5)).toEqual(["平均", "前高后低", "前低后高", "逐月填写"]);
  });

  it("imports as nothing at all: the example rows are skipped", async () => {
    const { data } = await template();
    const result = await parseWorkbook(data);
    if (!result.ok) throw new Error(result.problem);
    expect(result.workbook.lines).toEqual([]);
    expect(result.workbook.errors).toEqual([{ sheet: "plan", row: null, column: null, letter: null, key: "noPlanRow" }]);
  });
});

describe("written values", () => {
  it("are read back exactly: decimals as numbers when exact, as text otherwise; text that looks like a formula stays text", async () => {
    const data = await writeWorkbook({
      rows: {
        plan: [{ year: 2018, baselineYear: 2017, title: '=HYPERLINK("x")', goals: "第一条\n第二条" }],
        campaigns: [],
        indicators: [
          {
            name: "大数",
            unit: "元",
            decimals: 4,
            direction: "越高越好",
            accumulation: "累计",
            baseline: { decimal: "12345678901234.5678" },
            target: { decimal: "0.0001" },
          },
        ],
        tasks: [],
      },
      lists: townLists(departments, []),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(data).buffer);
    expect(workbook.getWorksheet("指标")?.getCell("G2").value).toBe("12345678901234.5678");
    expect(workbook.getWorksheet("指标")?.getCell("J2").value).toBe(0.0001);
    const result = await parseWorkbook(data);
    if (!result.ok) throw new Error(result.problem);
    expect(result.workbook.errors).toEqual([]);
    expect(result.workbook.plan).toMatchObject({ title: '=HYPERLINK("x")', goals: ["第一条", "第二条"] });
    expect(result.workbook.indicators[0]).toMatchObject({ baseline: "12345678901234.5678", target: "0.0001" });
  });
});
