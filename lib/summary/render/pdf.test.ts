import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleSummary } from "@/lib/testing/fixtures/summary";
import type { MonthlySummary, SummaryCampaign } from "../model";
import { summaryText } from "../text";
import { renderPdf } from "./pdf";

interface PdfPage {
  view: number[];
  /** The page's text with all white space removed, so wrapped lines and cells read as one string. */
  text: string;
}

const squash = (s: string) => s.replace(/\s+/g, "");

async function readPdf(pdf: Buffer): Promise<{ pages: PdfPage[]; info: Record<string, unknown> }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push({ view: page.view, text: squash(content.items.map((item) => ("str" in item ? item.str : "")).join("")) });
  }
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return { pages, info: info as Record<string, unknown> };
}

/** Every page A4 portrait and numbered "— n —" (the page number is the last text drawn on it). */
function expectA4AndNumbered(pages: PdfPage[]) {
  pages.forEach((page, i) => {
    const [x0, y0, w, h] = page.view;
    expect([x0, y0]).toEqual([0, 0]);
    expect(w).toBeCloseTo(595.28, 1);
    expect(h).toBeCloseTo(841.89, 1);
    expect(page.text.endsWith(`—${i + 1}—`), page.text.slice(-20)).toBe(true);
  });
}

describe("renderPdf, Chinese", () => {
  const summary = sampleSummary();
  const text = summaryText("zh-CN");
  let pdf: Buffer;
  let pages: PdfPage[];
  let info: Record<string, unknown>;
  let all: string;

  beforeAll(async () => {
    pdf = await renderPdf(summary, text);
    ({ pages, info } = await readPdf(pdf));
    all = pages.map((p) => p.text).join("");
  });

  it("is a PDF with the summary's title, author and the app as creator", () => {
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(info.Title).toBe("2018年3月十大战役工作月报");
    expect(info.Author).toBe("王芳");
    expect(info.Creator).toBe("Duban 督办");
  });

  it("holds the cover with its footnotes and adjusted targets, the numbered sections in reading order and both campaigns", () => {
    const inOrder = [
      "第3期沈荡镇人民政府办公室2018年4月10日",
      "2018年3月十大战役工作月报",
      "深甽镇",
      "报告月份：2018年3月",
      "对照基数年份：2017",
      "范围：2/10个战役",
      "红灯1个，黄灯0个，绿灯1个，暂无数据0个",
      squash(text.t("sampleNote")),
      "“—”：2017年同期数据未录入，不作比较",
      "标注“待审核”的数据来自已报送、尚未审核的报告。",
      "目标调整：•规上工业总产值：自3月起调整（2018年4月9日，王芳；原因：统计口径调整）",
      "一、总体情况",
      "二、全镇主要经济指标",
      "工业总产值（亿元）56.58",
      "三、各战役进展",
      "（一）工业经济提质增效战役—红灯",
      "红灯：3月进度报告逾期12天未报送（超过3天）",
      "•完成园区道路改造：已逾期，完成60%",
      "•规上工业总产值：1—3月累计14.2亿元，完成年度目标22.9%，慢于序时进度（24.2%）1.3个百分点",
      "目标调整：规上工业总产值：自3月起调整（2018年4月9日，王芳；原因：统计口径调整）",
      "（二）招商引资攻坚战役—绿灯",
      "绿灯：指标均达到序时进度，任务按期推进",
      "四、未报送情况",
      "五、红黄绿灯判定规则",
      "附件",
      "3月逐项变动清单",
    ];
    const positions = inOrder.map((s) => all.indexOf(s));
    inOrder.forEach((s, i) => expect(positions[i], s).toBeGreaterThanOrEqual(0));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("prints the baseline figures, the month's actuals, the progress columns and the marks as formatted for zh-CN", () => {
    for (const figure of ["56.58", "1,200", "1,500", "14.2", "420", "22.9", "24.2", "（示例）", "+160"]) expect(all).toContain(figure);
    // 基数, 年度目标, 序时目标, 实际, 完成年度目标, 序时进度, 较序时进度, 同比, 状态, in that order.
    expect(all).toContain("完成年度目标（%）序时进度（%）较序时进度同比状态");
    expect(all).toContain("工业总产值（亿元）56.586516.2515.123.225慢于序时进度1.8个百分点同比增长6.3%黄灯");
    // The adjusted plan and the figure awaiting review are marked under them; no 同比 is "—".
    expect(all).toContain("规上工业总产值（亿元）56.586215（目标调整）14.222.924.2慢于序时进度1.3个百分点—黄灯");
    expect(all).toContain("实际利用外资（万美元）1,2001,500375420（待审核）2825快于序时进度3个百分点同比增长12.5%绿灯（示例）");
  });

  it("prints the verdicts and reasons, the narrative and the leader's comment", () => {
    // "原因：" leads its list and is never left alone at the foot of a page.
    expect(all).toMatch(/（超过3天）(—\d+—)?原因：•完成园区道路改造/);
    expect(all).toContain("本月报告：待审核（2018年4月3日）");
    expect(all).toContain("工作进展：签约项目3个，总投资5.2亿元。");
    expect(all).toContain("存在问题：土地指标紧张。");
    expect(all).toContain("下步打算：4月赴上海招商推介。");
    expect(all).toContain("本月报告尚未报送。");
    expect(all).toContain("请抓紧推进，月底前报进展。");
  });

  it("is A4 portrait with '— n —' on every page", () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expectA4AndNumbered(pages);
  });

  it("gives the overdue tasks' 逾期原因 as reported, not the task's name again", () => {
    expect(all).toContain("完成园区道路改造2018年3月31日60红灯施工单位进场推迟，路面工程顺延");
  });

  it("draws every glyph from the embedded Noto font, never a built-in PDF font", () => {
    const raw = pdf.toString("latin1");
    expect(raw).toMatch(/\/FontFile\d?\s/);
    expect(raw).not.toContain("/BaseFont /Helvetica");
    const baseFonts = [...raw.matchAll(/\/BaseFont\s*\/([^\s/<>]+)/g)].map((m) => m[1]);
    expect(baseFonts.length).toBeGreaterThan(0);
    for (const name of baseFonts) expect(name).toMatch(/^[A-Z]{6}\+NotoSansHans-(Regular|Bold)$/);
  });
});

describe("renderPdf, English", () => {
  it("switches headings, labels and page numbers to English", async () => {
    const text = summaryText("en");
    const { pages } = await readPdf(await renderPdf(sampleSummary(), text));
    const all = pages.map((p) => p.text).join("");
    for (const words of [
      "1. Overview",
      "2. Town-wide indicators",
      "3. Campaigns",
      "4. Missing reports",
      "Issue 3",
      "Appendix",
      "Month: Mar 2018",
      "Baseline year: 2017",
      "Adjusted targets:",
      "Of annual target (%)",
      "Scheduled (%)",
      "Against plan",
      "Year on year",
      "(awaiting review)",
      "Progress:",
      "1,200",
    ]) {
      expect(all).toContain(squash(words));
    }
    expect(all).toContain("(sample)");
    expect(all).not.toContain("总体情况");
    expectA4AndNumbered(pages);
  });
});

/** Thirty campaigns, each with a task title long enough to wrap over several lines of its cell. */
function manyCampaigns(): MonthlySummary {
  const base = sampleSummary();
  const [red, green] = base.campaigns as [SummaryCampaign, SummaryCampaign];
  const campaigns = Array.from({ length: 30 }, (_, i): SummaryCampaign => {
    const n = i + 1;
    const like = n % 2 === 1 ? red : green;
    return {
      ...like,
      number: n,
      name: `战役${n}号`,
      leadDepartment: `牵头单位${n}号`,
      leadingOfficial: `领导${n}号`,
      overdueTasks: [
        {
          title: `【任务${n}】${"完成园区道路改造及配套管网建设，".repeat(4)}`,
          percentDone: 30,
          due: new Date("2018-03-20T16:00:00Z"),
          light: "RED",
          overdue: true,
          reason: `逾期原因【${n}】`,
        },
      ],
    };
  });
  return { ...base, cover: { ...base.cover, campaignCount: 30, planCampaignCount: 30 }, campaigns };
}

describe("renderPdf, a long summary", () => {
  const text = summaryText("zh-CN");
  let pages: PdfPage[];

  beforeAll(async () => {
    ({ pages } = await readPdf(await renderPdf(manyCampaigns(), text)));
  });

  it("runs over several pages, each A4 and numbered", () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expectA4AndNumbered(pages);
  });

  it("repeats the table header on every page the overview table reaches", () => {
    const overviewPages = new Set(Array.from({ length: 30 }, (_, i) => pages.findIndex((p) => p.text.includes(`牵头单位${i + 1}号`))));
    expect(overviewPages.has(-1)).toBe(false);
    expect(overviewPages.size).toBeGreaterThanOrEqual(2);
    for (const index of overviewPages) expect(pages[index]?.text).toContain(squash(text.t("colOverdue")));
  });

  it("never splits a table row across pages", () => {
    for (let n = 1; n <= 30; n++) {
      // The overview row: number … department, official.
      const overview = pages.filter((p) => p.text.includes(`战役${n}号`) && p.text.includes(`牵头单位${n}号领导${n}号`));
      expect(overview.length, `overview row ${n}`).toBeGreaterThanOrEqual(1);
      // The overdue task row: its whole wrapped title and its reason (the last cell) on one page.
      const title = squash(`【任务${n}】${"完成园区道路改造及配套管网建设，".repeat(4)}`);
      const withTitle = pages.filter((p) => p.text.includes(`【任务${n}】`));
      expect(withTitle, `task row ${n}`).toHaveLength(1);
      expect(withTitle[0]?.text).toContain(title);
      expect(withTitle[0]?.text).toContain(`逾期原因【${n}】`);
    }
  });
});

describe("renderPdf, a row taller than a page", () => {
  it("cuts the row short with an ellipsis instead of splitting it, under its heading", async () => {
    const base = sampleSummary();
    const [red] = base.campaigns as [SummaryCampaign];
    const task = { ...red.overdueTasks[0]!, title: `【长任务】${"推进园区道路、管网、绿化和照明的全面改造。".repeat(150)}`, reason: "逾期原因【长】" };
    const text = summaryText("zh-CN");
    const { pages } = await readPdf(await renderPdf({ ...base, campaigns: [{ ...red, overdueTasks: [task] }] }, text));
    const withTask = pages.filter((p) => p.text.includes("【长任务】"));
    expect(withTask).toHaveLength(1);
    expect(withTask[0]?.text).toContain("逾期原因【长】");
    expect(withTask[0]?.text).toContain("…");
    expect(withTask[0]?.text).toContain("2.逾期任务");
    expectA4AndNumbered(pages);
  });
});

describe("renderPdf, the short summary and the narrative", () => {
  it("leaves the change list out unless asked for, and keeps each line of the narrative on a line of its own", async () => {
    const summary = { ...sampleSummary(), appendix: false, changes: [] };
    const report = summary.campaigns[1]?.report;
    if (!report) throw new Error("the fixture's second campaign has reported");
    report.progressText = "1. 签约项目3个\n2. 开工项目2个\n3. 竣工项目1个";
    const pdf = await renderPdf(summary, summaryText("zh-CN"));
    const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    const lines: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      // Text items ending a line are marked hasEOL; a line is what lies between them.
      let line = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(squash(line));
          line = "";
        }
      }
      lines.push(squash(line));
    }
    await doc.destroy();
    const all = lines.join("");
    expect(all).not.toContain("附件");
    expect(all).not.toContain("举办招商推介会");
    const first = lines.findIndex((l) => l.endsWith("1.签约项目3个"));
    expect(first, lines.join("\n")).toBeGreaterThanOrEqual(0);
    expect(lines.slice(first + 1, first + 3)).toEqual(["2.开工项目2个", "3.竣工项目1个"]);
  });
});
