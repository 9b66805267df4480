import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleSummary } from "@/lib/testing/fixtures/summary";
import { summaryText } from "../text";
import { renderDocx } from "./docx";

interface DocxParts {
  document: string;
  /** The document's text: every <w:t> run, in order, joined. */
  text: string;
  footers: string[];
  core: string;
  styles: string;
  settings: string;
  fontTable: string;
}

async function readDocx(docx: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(docx);
  const read = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} missing from the .docx`);
    return file.async("string");
  };
  const document = await read("word/document.xml");
  const footerNames = Object.keys(zip.files).filter((name) => /^word\/footer\d*\.xml$/.test(name));
  return {
    document,
    text: [...document.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""),
    footers: await Promise.all(footerNames.map(read)),
    core: await read("docProps/core.xml"),
    styles: await read("word/styles.xml"),
    settings: await read("word/settings.xml"),
    fontTable: await read("word/fontTable.xml"),
  };
}

const count = (xml: string, pattern: RegExp) => [...xml.matchAll(pattern)].length;

describe("renderDocx, Chinese", () => {
  let docx: Buffer;
  let parts: DocxParts;

  beforeAll(async () => {
    docx = await renderDocx(sampleSummary(), summaryText("zh-CN"));
    parts = await readDocx(docx);
  });

  it("is a Word file whose properties carry the summary's title and author", () => {
    expect(docx.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(parts.core).toContain("<dc:title>2018年3月十大战役工作月报</dc:title>");
    expect(parts.core).toContain("<dc:creator>王芳</dc:creator>");
  });

  it("holds the title, the footnotes and adjusted targets, the numbered sections in reading order and both campaigns", () => {
    // A list item is "•", a no-break space, then the line.
    const inOrder = [
      "第3期",
      "沈荡镇人民政府办公室\t2018年4月10日",
      "2018年3月十大战役工作月报",
      "深甽镇",
      "报告月份：2018年3月",
      "“—”：2017年同期数据未录入，不作比较",
      "标注“待审核”的数据来自已报送、尚未审核的报告。",
      "目标调整：•\u00a0规上工业总产值：自3月起调整（2018年4月9日，王芳；原因：统计口径调整）",
      "一、总体情况",
      "二、全镇主要经济指标",
      "工业总产值（亿元）",
      "三、各战役进展",
      "（一）工业经济提质增效战役 — 红灯",
      "红灯：3月进度报告逾期 12 天未报送（超过 3 天）原因：•\u00a0完成园区道路改造：已逾期，完成 60%",
      "目标调整：规上工业总产值：自3月起调整（2018年4月9日，王芳；原因：统计口径调整）",
      "1.主要指标",
      "（二）招商引资攻坚战役 — 绿灯",
      "绿灯：指标均达到序时进度，任务按期推进",
      "四、未报送情况",
      "五、红黄绿灯判定规则",
      "附件",
      "3月逐项变动清单",
    ];
    const positions = inOrder.map((s) => parts.text.indexOf(s));
    inOrder.forEach((s, i) => expect(positions[i], s).toBeGreaterThanOrEqual(0));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("prints the figures, the narrative and the comment", () => {
    for (const s of [
      "56.58",
      "1,200",
      "14.2",
      "420",
      "22.9",
      "24.2",
      "慢于序时进度 1.3 个百分点",
      "同比增长 6.3%",
      "本月报告：待审核（2018年4月3日）",
      "签约项目3个，总投资5.2亿元。",
      "土地指标紧张。",
      "请抓紧推进，月底前报进展。",
      "本月报告尚未报送。",
    ]) {
      expect(parts.text).toContain(s);
    }
  });

  it("puts a two-line cell's lines in paragraphs of their own", () => {
    expect(parts.document).not.toMatch(/<w:t[^>]*>[^<]*\n/);
    expect(parts.document).toMatch(/<w:t[^>]*>暂无数据<\/w:t>.*?<w:t[^>]*>（示例）<\/w:t>/s);
    expect(parts.document).toMatch(/<w:t[^>]*>15<\/w:t><\/w:r><\/w:p><w:p>.*?<w:t[^>]*>（目标调整）<\/w:t>/s);
    expect(parts.document).toMatch(/<w:t[^>]*>420<\/w:t><\/w:r><\/w:p><w:p>.*?<w:t[^>]*>（待审核）<\/w:t>/s);
  });

  it("marks every table's header row to repeat on each page and no row to split", () => {
    const tables = count(parts.document, /<w:tbl>/g);
    const rows = count(parts.document, /<w:tr>/g);
    expect(tables).toBeGreaterThanOrEqual(5);
    expect(count(parts.document, /<w:tblHeader\/>/g)).toBe(tables);
    expect(count(parts.document, /<w:cantSplit\/>/g)).toBe(rows);
  });

  it("is A4 with the GB/T 9704 margins: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right", () => {
    expect(parts.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const mm = (twips: string | undefined) => (Number(twips) * 25.4) / 1440;
    const margin = (side: string) => mm(new RegExp(`<w:pgMar[^>]*w:${side}="(\\d+)"`).exec(parts.document)?.[1]);
    expect(margin("top")).toBeCloseTo(37, 1);
    expect(margin("bottom")).toBeCloseTo(35, 1);
    expect(margin("left")).toBeCloseTo(28, 1);
    expect(margin("right")).toBeCloseTo(26, 1);
  });

  it('numbers pages "— 1 —" in 4号 宋体, odd pages on the right and even pages on the left', () => {
    expect(parts.settings).toContain("<w:evenAndOddHeaders/>");
    expect(parts.footers).toHaveLength(2);
    for (const footer of parts.footers) {
      expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(footer).not.toContain("NUMPAGES");
      expect(footer).toMatch(/<w:t[^>]*>— <\/w:t>/);
      expect(footer).toMatch(/<w:t[^>]*> —<\/w:t>/);
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    expect(parts.footers.join("")).toMatch(/<w:jc w:val="right"\/>/);
    expect(parts.footers.join("")).toMatch(/<w:jc w:val="left"\/>/);
  });

  it("sets the title in 方正小标宋简体 2号, the body in 仿宋_GB2312 3号 on a fixed line, headings in 黑体 and 楷体_GB2312", () => {
    expect(parts.document).toMatch(/w:eastAsia="方正小标宋简体"[^]*?<w:sz w:val="44"\/>[^]*?2018年3月十大战役工作月报/);
    expect(parts.styles).toMatch(/<w:docDefaults>[^]*w:eastAsia="仿宋_GB2312"[^]*<w:sz w:val="32"\/>[^]*<\/w:docDefaults>/);
    expect(parts.styles).toMatch(/<w:docDefaults>[^]*<w:spacing[^>]*w:line="579"[^>]*w:lineRule="exact"[^]*<\/w:docDefaults>/);
    expect(parts.styles).toMatch(/w:styleId="Heading1"[^]*?w:eastAsia="黑体"/);
    expect(parts.styles).toMatch(/w:styleId="Heading2"[^]*?w:eastAsia="楷体_GB2312"/);
  });

  it("names a fallback for every Chinese font, for a computer without the GB2312 fonts", () => {
    for (const [name, alt] of [
      ["仿宋_GB2312", "仿宋"],
      ["楷体_GB2312", "楷体"],
      ["方正小标宋简体", "宋体"],
    ]) {
      expect(parts.fontTable).toContain(`<w:font w:name="${name}"><w:altName w:val="${alt}"/>`);
    }
  });

  it("draws the 发文机关 line over a red rule, the date at the right margin", () => {
    expect(parts.document).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="C00000"[^>]*\/><\/w:pBdr>[^]*?沈荡镇人民政府办公室/);
    expect(parts.document).toMatch(/<w:tab w:val="right" w:pos="8845"\/>/);
  });

  it("fits every table to the 156 mm text width", () => {
    for (const [, width] of parts.document.matchAll(/<w:tblW w:type="dxa" w:w="(\d+)"\/>/g)) {
      expect(Number(width)).toBeLessThanOrEqual(8845);
      expect(Number(width)).toBeGreaterThan(8800);
    }
  });

  it("gives the overdue tasks' 逾期原因 as reported, not the task's name again", () => {
    expect(parts.text).toContain("逾期原因");
    expect(parts.text).toContain("施工单位进场推迟，路面工程顺延");
  });
});

describe("renderDocx, other summaries", () => {
  it("leaves out the town-wide section when the plan keeps no town-wide indicators, numbering on without a gap", async () => {
    const parts = await readDocx(await renderDocx({ ...sampleSummary(), planIndicators: [] }, summaryText("zh-CN")));
    expect(parts.text).not.toContain("全镇主要经济指标");
    expect(parts.text).toContain("二、各战役进展");
    expect(parts.text).toContain("四、红黄绿灯判定规则");
  });

  it("is short by default: no change list without the appendix", async () => {
    const parts = await readDocx(await renderDocx({ ...sampleSummary(), appendix: false, changes: [] }, summaryText("zh-CN")));
    expect(parts.text).toContain("五、红黄绿灯判定规则");
    expect(parts.text).not.toContain("附件");
    expect(parts.text).not.toContain("举办招商推介会");
  });

  it("keeps the narrative's line breaks: three numbered lines are three paragraphs", async () => {
    const summary = sampleSummary();
    const report = summary.campaigns[1]?.report;
    if (!report) throw new Error("the fixture's second campaign has reported");
    report.progressText = "1. 签约项目3个\n2. 开工项目2个\r\n\n3. 竣工项目1个";
    const parts = await readDocx(await renderDocx(summary, summaryText("zh-CN")));
    const paragraphs = [...parts.document.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map((m) =>
      [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
    );
    const start = paragraphs.indexOf("工作进展：1. 签约项目3个");
    expect(start).toBeGreaterThanOrEqual(0);
    expect(paragraphs.slice(start + 1, start + 3)).toEqual(["2. 开工项目2个", "3. 竣工项目1个"]);
  });

  it('shows "—" for an overdue task nobody gave a reason for', async () => {
    const summary = sampleSummary();
    const task = summary.campaigns[0]?.overdueTasks[0];
    if (!task) throw new Error("the fixture's first campaign has an overdue task");
    task.reason = null;
    const parts = await readDocx(await renderDocx(summary, summaryText("zh-CN")));
    expect(parts.document).toMatch(/<w:t[^>]*>完成园区道路改造<\/w:t>(?:(?!<\/w:tr>).)*<w:t[^>]*>—<\/w:t>/s);
  });

  it("says when a report came late, after the day it was submitted", async () => {
    const summary = sampleSummary();
    const report = summary.campaigns[1]?.report;
    if (!report) throw new Error("the fixture's second campaign has reported");
    Object.assign(report, { submittedAt: new Date("2018-04-07T02:00:00Z"), lateDays: 2 });
    const parts = await readDocx(await renderDocx(summary, summaryText("zh-CN")));
    expect(parts.text).toContain("本月报告：待审核（2018年4月7日）（逾期 2 天报送）");
  });

  it("escapes text that looks like markup", async () => {
    const parts = await readDocx(await renderDocx(sampleSummary('<w:p>&"x"'), summaryText("zh-CN")));
    expect(parts.document).toContain("&lt;w:p&gt;&amp;");
    expect(parts.document).not.toContain('<w:p>&"x"');
  });
});

describe("renderDocx, English", () => {
  it("switches headings, labels and the footer to English", async () => {
    const parts = await readDocx(await renderDocx(sampleSummary(), summaryText("en")));
    for (const s of [
      "Issue 3",
      "1. Overview",
      "2. Town-wide indicators",
      "3. Campaigns",
      "(1) 工业经济提质增效战役 — Red",
      "4. Missing reports",
      "Appendix",
      "Progress: ",
    ]) {
      expect(parts.text).toContain(s);
    }
    expect(parts.text).not.toContain("总体情况");
    expect(parts.text).toContain("Apr 10, 2018");
  });
});
