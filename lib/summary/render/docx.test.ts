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

  it("holds the title, the numbered sections in reading order and both campaigns", () => {
    const inOrder = [
      "2018年3月十大战役工作月报",
      "深甽镇",
      "报告月份：2018年3月",
      "一、总体情况",
      "二、全镇主要经济指标",
      "工业总产值",
      "三、各战役进展",
      "（一）工业经济提质增效战役 — 红灯",
      "1.主要指标",
      "（二）招商引资攻坚战役 — 绿灯",
      "四、未报送情况",
      "五、较上月变化",
    ];
    const positions = inOrder.map((s) => parts.text.indexOf(s));
    inOrder.forEach((s, i) => expect(positions[i], s).toBeGreaterThanOrEqual(0));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("prints the figures, the narrative and the comment", () => {
    for (const s of ["56.58", "1,200", "14.2", "420", "签约项目3个，总投资5.2亿元。", "土地指标紧张。", "请抓紧推进，月底前报进展。", "本月报告尚未报送。"]) {
      expect(parts.text).toContain(s);
    }
  });

  it("puts a two-line cell's lines in paragraphs of their own", () => {
    expect(parts.document).not.toMatch(/<w:t[^>]*>[^<]*\n/);
    expect(parts.document).toMatch(/<w:t[^>]*>暂无数据<\/w:t>.*?<w:t[^>]*>（示例）<\/w:t>/s);
  });

  it("marks every table's header row to repeat on each page and no row to split", () => {
    const tables = count(parts.document, /<w:tbl>/g);
    const rows = count(parts.document, /<w:tr>/g);
    expect(tables).toBeGreaterThanOrEqual(5);
    expect(count(parts.document, /<w:tblHeader\/>/g)).toBe(tables);
    expect(count(parts.document, /<w:cantSplit\/>/g)).toBe(rows);
  });

  it("is A4 with page numbers in the footer", () => {
    expect(parts.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const footer = parts.footers.join("");
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(footer).toContain("第 ");
    expect(footer).toContain(" 页，共 ");
  });

  it("names Chinese fonts: 宋体 for the body, 黑体 for headings", () => {
    expect(parts.styles).toMatch(/w:eastAsia="宋体"/);
    expect(parts.styles).toMatch(/w:eastAsia="黑体"/);
  });
});

describe("renderDocx, other summaries", () => {
  it("leaves out the town-wide section when the plan keeps no town-wide indicators, numbering on without a gap", async () => {
    const parts = await readDocx(await renderDocx({ ...sampleSummary(), planIndicators: [] }, summaryText("zh-CN")));
    expect(parts.text).not.toContain("全镇主要经济指标");
    expect(parts.text).toContain("二、各战役进展");
    expect(parts.text).toContain("四、较上月变化");
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
    for (const s of ["1. Overview", "2. Town-wide indicators", "3. Campaigns", "(1) 工业经济提质增效战役 — Red", "4. Missing reports", "5. Changes since last month", "Progress: "]) {
      expect(parts.text).toContain(s);
    }
    expect(parts.text).not.toContain("总体情况");
    expect(parts.footers.join("")).toContain("Page ");
  });
});
