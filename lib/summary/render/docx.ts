// The monthly summary as a Word file in the layout of a circulated 公文 (GB/T 9704-2012): A4 with
// margins of 37/35/28/26 mm (a 156 × 225 mm text block), the 版头 (期号, 发文机关 and date over a red
// rule), the title in 方正小标宋简体 2号, the body in 仿宋_GB2312 3号 on a fixed 28.95 pt line,
// headings 一、 in 黑体 and （一） in 楷体_GB2312, and page numbers "— 1 —" in 4号 宋体, odd pages on
// the right and even pages on the left. Fonts are named, not embedded; the font table names a
// fallback for each (仿宋_GB2312 → 仿宋 …), which Word uses where the GB2312 fonts are not installed.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  type Table,
} from "docx";
import type { MonthlySummary } from "../model";
import type { SummaryText } from "../text";
import { stableZip } from "./stable-zip";
import { docxTable } from "./docx-table";
import { summaryOutline } from "./outline";
import type { OutlineBlock } from "./outline-blocks";
import { labelled } from "./wording";

/** Twentieths of a point per millimetre. */
const MM = 1440 / 25.4;
/** A4 and the GB/T 9704 margins, in twentieths of a point. */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
} as const;
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** 22 lines of 28.95 pt fill the 225 mm text block. */
export const LINE = 579;
/** Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
const SIZE = { title: 44, body: 32, page: 28, note: 28 } as const;
/** Two characters of 3号: the first-line indent of a paragraph. */
const INDENT = 2 * 320;

const LATIN = "Times New Roman";
const cjk = (eastAsia: string) => ({ eastAsia, ascii: LATIN, hAnsi: LATIN });
export const FONTS = {
  title: cjk("方正小标宋简体"),
  body: cjk("仿宋_GB2312"),
  heading1: cjk("黑体"),
  heading2: cjk("楷体_GB2312"),
  page: cjk("宋体"),
} as const;
/** What Word falls back to where a font is not installed (w:altName in the font table). */
export const FONT_FALLBACKS: Record<string, string> = {
  方正小标宋简体: "宋体",
  仿宋_GB2312: "仿宋",
  楷体_GB2312: "楷体",
  黑体: "SimHei",
  宋体: "SimSun",
};
const RED = "C00000";
const HEADING_LEVEL = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function headingStyle(font: { eastAsia: string; ascii: string; hAnsi: string }, bold: boolean) {
  return {
    run: { font, size: SIZE.body, bold, color: "000000" },
    // 公文 headings sit on the body's grid, indented like a paragraph, and never end a page.
    paragraph: { spacing: { before: 0, after: 0, line: LINE, lineRule: LineRuleType.EXACT }, indent: { firstLine: INDENT }, keepNext: true, keepLines: true },
  };
}

function blocks(b: OutlineBlock, text: SummaryText): (Paragraph | Table)[] {
  return b.kind === "header" ? headerParagraphs(b) : [block(b, text)];
}

function block(b: Exclude<OutlineBlock, { kind: "header" }>, text: SummaryText): Paragraph | Table {
  switch (b.kind) {
    case "title":
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        // One blank line of the grid above and below the title.
        spacing: { before: LINE, after: LINE, line: LINE, lineRule: LineRuleType.EXACT },
        keepNext: true,
        children: [new TextRun({ text: b.text, size: SIZE.title, font: FONTS.title })],
      });
    case "subtitle":
      return new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: b.text, font: FONTS.heading2 })] });
    case "field":
      return new Paragraph({ indent: { firstLine: INDENT }, children: [new TextRun(b.text)] });
    case "note":
      return new Paragraph({ indent: { firstLine: INDENT }, children: [new TextRun({ text: b.text, size: SIZE.note, color: "555555" })] });
    case "heading":
      return new Paragraph({ heading: HEADING_LEVEL[b.level], children: [new TextRun(b.text)] });
    case "paragraph":
      return new Paragraph({
        indent: { firstLine: INDENT },
        children: [...(b.label === undefined ? [] : [new TextRun({ text: labelled(b.label, "", text.locale), bold: true })]), new TextRun(b.text)],
      });
    case "lead":
      return new Paragraph({ indent: { firstLine: INDENT }, keepNext: true, children: [new TextRun(b.text)] });
    case "item":
      return new Paragraph({ indent: { left: INDENT, hanging: 320 }, children: [new TextRun(`•\u00a0${b.text}`)] });
    case "table":
      return docxTable(b, TEXT_WIDTH);
  }
}

/** 版头: "第3期" centred, then the 发文机关 at the left and the date at the right over a red rule. */
function headerParagraphs(b: Extract<OutlineBlock, { kind: "header" }>): Paragraph[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(b.issue)] }),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 4 } },
      children: [new TextRun(b.issuer), new TextRun({ children: ["\t", b.date] })],
    }),
  ];
}

/** t("pageNumber") ("— 1 —") with Word's page field in place of the number, in 4号 宋体 one character in from the edge. */
function pageFooter({ t }: SummaryText, side: "odd" | "even"): Footer {
  // A private-use character cannot occur in the catalogue's text.
  const page = "\uE000";
  const parts = t("pageNumber", { page })
    .split(/(\uE000)/)
    .filter((part) => part !== "")
    .map((part) => (part === page ? PageNumber.CURRENT : part));
  const quarter = SIZE.page * 10;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        indent: side === "odd" ? { right: quarter } : { left: quarter },
        children: [new TextRun({ children: parts, size: SIZE.page, font: FONTS.page })],
      }),
    ],
  });
}

/** The font table with a fallback named for each Chinese font (w:altName), and its character set. */
function withFallbacks(fontTable: string): string {
  const declared = Object.entries(FONT_FALLBACKS)
    .map(
      ([name, alt]) =>
        `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join("");
  // docx writes the table empty (<w:fonts …/>) or with fonts of its own (<w:fonts …>…</w:fonts>).
  return /<\/w:fonts>\s*$/.test(fontTable)
    ? fontTable.replace(/<\/w:fonts>\s*$/, `${declared}</w:fonts>`)
    : fontTable.replace(/\/>\s*$/, `>${declared}</w:fonts>`);
}

export async function renderDocx(summary: MonthlySummary, text: SummaryText): Promise<Buffer> {
  const language = { value: text.locale === "en" ? "en-GB" : "zh-CN", eastAsia: "zh-CN" };
  const children = summaryOutline(summary, text).flatMap((b) => blocks(b, text));
  const document = new Document({
    title: summary.cover.title,
    subject: summary.cover.planTitle,
    creator: summary.cover.generatedBy,
    lastModifiedBy: summary.cover.generatedBy,
    description: "Duban 督办",
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: FONTS.body, size: SIZE.body, language },
          paragraph: { spacing: { before: 0, after: 0, line: LINE, lineRule: LineRuleType.EXACT }, alignment: AlignmentType.JUSTIFIED },
        },
        heading1: headingStyle(FONTS.heading1, false),
        heading2: headingStyle(FONTS.heading2, false),
        heading3: headingStyle(FONTS.body, true),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: Math.round(22 * MM) },
          },
        },
        footers: { default: pageFooter(text, "odd"), even: pageFooter(text, "even") },
        // Word wants a paragraph after a table that ends the document.
        children: [...children, new Paragraph({})],
      },
    ],
  });
  return stableZip(await Packer.toBuffer(document), summary.cover.generatedAt, { "word/fontTable.xml": withFallbacks });
}
