// The monthly summary as a Word file, laid out the way town offices circulate reports: A4, a
// centred title, 宋体 body, 黑体 headings numbered 一、（一）1., tables with repeating headers, and
// "第 1 页，共 N 页" in the footer. Fonts are named, not embedded: Word substitutes when missing.
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun, type Table } from "docx";
import type { MonthlySummary } from "../model";
import type { SummaryText } from "../text";
import { stableZip } from "./stable-zip";
import { docxTable } from "./docx-table";
import { summaryOutline } from "./outline";
import type { OutlineBlock } from "./outline-blocks";
import { labelled } from "./wording";

/** A4 in twentieths of a point, with margins of about 2.3 cm. */
const PAGE = { width: 11906, height: 16838, margin: 1304 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const LATIN = "Times New Roman";
const BODY_FONT = { eastAsia: "宋体", ascii: LATIN, hAnsi: LATIN };
const HEADING_FONT = { eastAsia: "黑体", ascii: "Arial", hAnsi: "Arial" };
const TITLE_FONT = { eastAsia: "方正小标宋简体", ascii: LATIN, hAnsi: LATIN };
const HEADING_LEVEL = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function headingStyle(size: number, before: number) {
  return {
    run: { font: HEADING_FONT, size, bold: false, color: "000000" },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
  };
}

function block(b: OutlineBlock, text: SummaryText): Paragraph | Table {
  switch (b.kind) {
    case "title":
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 200 },
        children: [new TextRun({ text: b.text, bold: true, size: 44, font: TITLE_FONT })],
      });
    case "subtitle":
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun(b.text)] });
    case "field":
      return new Paragraph({ children: [new TextRun(b.text)] });
    case "note":
      return new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: b.text, size: 21, color: "555555" })] });
    case "heading":
      return new Paragraph({ heading: HEADING_LEVEL[b.level], children: [new TextRun(b.text)] });
    case "paragraph":
      return new Paragraph({
        children: [...(b.label === undefined ? [] : [new TextRun({ text: labelled(b.label, "", text.locale), bold: true })]), new TextRun(b.text)],
      });
    case "lead":
      return new Paragraph({ keepNext: true, children: [new TextRun(b.text)] });
    case "item":
      return new Paragraph({ indent: { left: 360, hanging: 240 }, children: [new TextRun(`•\u00a0${b.text}`)] });
    case "table":
      return docxTable(b, TEXT_WIDTH);
  }
}

/** t("page") with Word's page fields in place of the numbers. */
function pageFooter({ t }: SummaryText): Footer {
  // Private-use characters cannot occur in the catalogue's text.
  const page = "\uE000";
  const pages = "\uE001";
  const parts = t("page", { page, pages })
    .split(/([\uE000\uE001])/)
    .filter((part) => part !== "")
    .map((part) => (part === page ? PageNumber.CURRENT : part === pages ? PageNumber.TOTAL_PAGES : part));
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: parts, size: 18 })] })] });
}

export async function renderDocx(summary: MonthlySummary, text: SummaryText): Promise<Buffer> {
  const language = { value: text.locale === "en" ? "en-GB" : "zh-CN", eastAsia: "zh-CN" };
  const document = new Document({
    title: summary.cover.title,
    subject: summary.cover.planTitle,
    creator: summary.cover.generatedBy,
    lastModifiedBy: summary.cover.generatedBy,
    description: "Duban 督办",
    styles: {
      default: {
        // 小四 (12 pt) body with 1.25 line spacing, the common size for a circulated report.
        document: { run: { font: BODY_FONT, size: 24, language }, paragraph: { spacing: { line: 300, after: 60 } } },
        heading1: headingStyle(32, 360),
        heading2: headingStyle(28, 240),
        heading3: headingStyle(24, 180),
      },
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        footers: { default: pageFooter(text) },
        // Word wants a paragraph after a table that ends the document.
        children: [...summaryOutline(summary, text).map((b) => block(b, text)), new Paragraph({})],
      },
    ],
  });
  return stableZip(await Packer.toBuffer(document), summary.cover.generatedAt);
}
