import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { sampleSummary } from "@/lib/testing/fixtures/summary";
import type { MonthlySummary } from "../model";
import { summaryText } from "../text";
import { csvNumber, csvSafe, renderCsv, renderTaskCsv } from "./csv";

const zh = summaryText("zh-CN");

type Row = Record<string, string>;

function tableOf(summary: MonthlySummary, text = zh, render = renderCsv): { header: string[]; rows: Row[] } {
  const [header = [], ...lines] = parse(render(summary, text), { bom: true }) as string[][];
  for (const line of lines) expect(line).toHaveLength(header.length);
  return { header, rows: lines.map((line) => Object.fromEntries(header.map((name, i) => [name, line[i] ?? ""]))) };
}

function nth(rows: Row[], index: number): Row {
  const found = rows[index];
  if (!found) throw new Error(`no row ${index}`);
  return found;
}

const row = (rows: Row[], indicator: string) => {
  const found = rows.find((r) => r["指标"] === indicator);
  if (!found) throw new Error(`no row for ${indicator}`);
  return found;
};

function nthCampaign(summary: MonthlySummary, index: number) {
  const found = summary.campaigns[index];
  if (!found) throw new Error(`no campaign ${index}`);
  return found;
}

describe("renderCsv", () => {
  it("starts with the UTF-8 BOM and ends every line with CRLF", () => {
    const csv = renderCsv(sampleSummary(), zh);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = csv.toString("utf8").slice(1);
    const lines = body.split("\r\n");
    // The header, the town-wide indicator, three campaign indicators, and the empty string after the last CRLF.
    expect(lines).toHaveLength(6);
    expect(lines.at(-1)).toBe("");
    expect(body.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("has one Chinese header per column, none repeated", () => {
    const { header } = tableOf(sampleSummary());
    expect(header).toEqual([
      "序号",
      "战役",
      "战役状态",
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
      "指标状态",
      "指标原因",
      "备注",
    ]);
    expect(new Set(header).size).toBe(header.length);
  });

  it("writes the town-wide indicators first, under the section's name, with the exact 2017 baseline and actual", () => {
    const { header, rows } = tableOf(sampleSummary());
    expect(nth(rows, 0)).toEqual({
      序号: "",
      战役: "全镇主要经济指标",
      战役状态: "",
      指标: "工业总产值",
      单位: "亿元",
      "2017年基数": "56.58",
      年度目标: "65",
      序时目标: "16.25",
      实际: "15.1",
      数据所属月份: "3月",
      "完成年度目标（%）": "23.2",
      "序时进度（%）": "25",
      "较序时（个百分点或单位）": "-1.8",
      较序时进度: "慢于序时进度 1.8 个百分点",
      同比: "同比增长 6.3%",
      指标状态: "黄灯",
      指标原因: "工业总产值：1—3月累计 15.1 亿元，完成年度目标 23.2%，慢于序时进度（25%）1.8 个百分点",
      备注: "",
    });
    // Written as bare numbers in their own columns, so Excel reads 56.58, 15.1 and −1.8 as numbers.
    const line = renderCsv(sampleSummary(), zh).toString("utf8").split("\r\n")[1]?.split(",");
    expect(line?.[header.indexOf("2017年基数")]).toBe("56.58");
    expect(line?.[header.indexOf("实际")]).toBe("15.1");
    expect(line?.[header.indexOf("完成年度目标（%）")]).toBe("23.2");
    expect(line?.[header.indexOf("较序时（个百分点或单位）")]).toBe("-1.8");
  });

  it("leaves the town-wide rows out when the plan has no town-wide indicators", () => {
    const summary = sampleSummary();
    summary.planIndicators = [];
    const { rows } = tableOf(summary);
    expect(rows.map((r) => r["指标"])).toEqual(["规上工业总产值", "安全生产事故", "实际利用外资"]);
    expect(rows.some((r) => r["战役"] === "全镇主要经济指标")).toBe(false);
  });

  it("writes a row per indicator with the campaign repeated, and the exact figures", () => {
    const { rows } = tableOf(sampleSummary());
    expect(rows.map((r) => [r["战役"], r["指标"]])).toEqual([
      ["全镇主要经济指标", "工业总产值"],
      ["工业经济提质增效战役", "规上工业总产值"],
      ["工业经济提质增效战役", "安全生产事故"],
      ["招商引资攻坚战役", "实际利用外资"],
    ]);
    // The campaign's light (red: its report is missing) and the indicator's (amber: 1.3 个百分点 behind) are separate columns.
    expect(row(rows, "规上工业总产值")).toMatchObject({
      序号: "1",
      战役状态: "红灯",
      单位: "亿元",
      "2017年基数": "56.58",
      年度目标: "62",
      序时目标: "15",
      实际: "14.2",
      数据所属月份: "3月",
      "完成年度目标（%）": "22.9",
      "序时进度（%）": "24.2",
      "较序时（个百分点或单位）": "-1.3",
      较序时进度: "慢于序时进度 1.3 个百分点",
      同比: "—",
      指标状态: "黄灯",
      备注: "目标调整",
    });
    expect(row(rows, "实际利用外资")).toMatchObject({
      战役状态: "绿灯",
      "2017年基数": "1200",
      实际: "420",
      "完成年度目标（%）": "28",
      "序时进度（%）": "25",
      "较序时（个百分点或单位）": "3",
      较序时进度: "快于序时进度 3 个百分点",
      同比: "同比增长 12.5%",
      备注: "示例；待审核",
    });
    // No actual yet: no figures, "—" in words, and no 同比 rather than a made-up one.
    expect(row(rows, "安全生产事故")).toMatchObject({
      实际: "",
      数据所属月份: "3月",
      "完成年度目标（%）": "",
      "序时进度（%）": "",
      "较序时（个百分点或单位）": "",
      较序时进度: "—",
      同比: "—",
      指标状态: "暂无数据",
      备注: "示例",
    });
  });

  it("carries no narrative, reasons or comments: the flat table of indicators only", () => {
    const csv = renderCsv(sampleSummary(), zh).toString("utf8");
    for (const s of ["签约项目3个", "土地指标紧张", "请抓紧推进", "红灯：3月进度报告逾期", "工作进展"]) expect(csv).not.toContain(s);
  });

  it("gives a campaign without indicators no row (its tasks and report are in the second CSV)", () => {
    const summary = sampleSummary();
    nthCampaign(summary, 1).indicators = [];
    const { rows } = tableOf(summary);
    expect(rows.map((r) => r["战役"])).toEqual(["全镇主要经济指标", "工业经济提质增效战役", "工业经济提质增效战役"]);
  });

  it("labels the columns in English on request", () => {
    const { header, rows } = tableOf(sampleSummary(), summaryText("en"));
    expect(header.slice(0, 4)).toEqual(["No.", "Campaign", "Campaign light", "Indicator"]);
    expect(header).toContain("2017 baseline");
    expect(header).toContain("Planned");
    expect(header).toContain("Data for month");
    expect(header).toContain("Of annual target (%)");
    expect(header).toContain("Scheduled (%)");
    expect(header).toContain("Gap (points or unit)");
    expect(header).toContain("Against plan");
    expect(header).toContain("Year on year");
    expect(header).toContain("Indicator status");
    expect(header).toContain("Indicator reason");
    expect(header).toContain("Note");
    expect(new Set(header).size).toBe(header.length);
    expect(nth(rows, 0)).toMatchObject({
      Campaign: "Town-wide indicators",
      Indicator: "工业总产值",
      "2017 baseline": "56.58",
      Actual: "15.1",
      "Indicator status": "Amber",
    });
    expect(nth(rows, 1)["Campaign light"]).toBe("Red");
    expect(nth(rows, 1)["Indicator status"]).toBe("Amber");
    expect(nth(rows, 1)["Note"]).toBe("target adjusted");
    expect(nth(rows, 2)["Note"]).toBe("sample");
    expect(nth(rows, 3)["Note"]).toBe("sample; awaiting review");
  });
});

describe("renderTaskCsv", () => {
  it("lists the overdue tasks, then the missing reports, a row each, with their 逾期原因 and days late", () => {
    const { header, rows } = tableOf(sampleSummary(), zh, renderTaskCsv);
    expect(header).toEqual(["类别", "序号", "战役", "任务", "截止日期", "完成（%）", "状态", "逾期原因", "责任人", "分管领导", "逾期天数", "催办次数"]);
    expect(rows).toEqual([
      {
        类别: "逾期任务",
        序号: "1",
        战役: "工业经济提质增效战役",
        任务: "完成园区道路改造",
        截止日期: "2018-03-31",
        "完成（%）": "60",
        状态: "红灯",
        逾期原因: "施工单位进场推迟，路面工程顺延",
        责任人: "陈刚、周丽",
        分管领导: "李明",
        逾期天数: "",
        催办次数: "",
      },
      {
        类别: "未报送",
        序号: "1",
        战役: "工业经济提质增效战役",
        任务: "",
        截止日期: "",
        "完成（%）": "",
        状态: "",
        逾期原因: "",
        责任人: "陈刚、周丽",
        分管领导: "李明",
        逾期天数: "12",
        催办次数: "2",
      },
    ]);
  });

  it("is a header alone when nothing is overdue or missing, and neutralises formulas", () => {
    const none = tableOf({ ...sampleSummary(), missing: [], campaigns: sampleSummary().campaigns.map((c) => ({ ...c, overdueTasks: [] })) }, zh, renderTaskCsv);
    expect(none.rows).toEqual([]);
    const { rows } = tableOf(sampleSummary("=1+2"), zh, renderTaskCsv);
    expect(nth(rows, 0)["任务"]).toBe("'=1+2");
    expect(nth(rows, 0)["逾期原因"]).toBe("'=1+2");
    expect(nth(rows, 1)["战役"]).toBe("'=1+2");
  });
});

describe("csvSafe", () => {
  it.each([
    ["=1+2", "'=1+2"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@x", "'@x"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ['=HYPERLINK("http://x","点我")', `'=HYPERLINK("http://x","点我")`],
    ["工业经济", "工业经济"],
    ["a=b", "a=b"],
    ["", ""],
  ])("turns %j into %j", (value, safe) => {
    expect(csvSafe(value)).toBe(safe);
  });

  it("lets plain decimals through numeric columns and neutralises anything else there", () => {
    expect(csvNumber("-74.90")).toBe("-74.90");
    expect(csvNumber(42)).toBe("42");
    expect(csvNumber(null)).toBe("");
    expect(csvNumber("-1+2")).toBe("'-1+2");
  });
});

describe("renderCsv neutralises formulas in text cells only", () => {
  const dangerous = ["=1+2", "+1", "-1", "@x", "\tx", "\rx", '=HYPERLINK("http://x","点我")', "+1+2", "-2+3", "@SUM(A1)"];

  it.each(dangerous)("prefixes %j with a quote", (text) => {
    const { rows } = tableOf(sampleSummary(text));
    const town = nth(rows, 0);
    const first = nth(rows, 1);
    const second = nth(rows, 3);
    const safe = `'${text}`;
    expect(town["指标"]).toBe(safe);
    expect(town["战役"]).toBe("全镇主要经济指标");
    expect(first["战役"]).toBe(safe);
    expect(first["指标"]).toBe(safe);
    expect(first["指标原因"]).toBe(safe);
    // Numbers are left as numbers, negative ones included.
    expect(first["较序时（个百分点或单位）"]).toBe("-1.3");
    expect(town["较序时（个百分点或单位）"]).toBe("-1.8");
    expect(second["较序时（个百分点或单位）"]).toBe("3");
    expect(first["序号"]).toBe("1");
    expect(town["2017年基数"]).toBe("56.58");
    for (const r of rows) {
      for (const value of Object.values(r)) expect(value, JSON.stringify(r)).not.toMatch(/^[=+@\t\r]/);
    }
  });
});
