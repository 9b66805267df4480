// The monthly summary as a PDF (A4 portrait) in the layout of the Word file (docx.ts): the 公文
// margins, the 版头 (期号, 发文机关 and date over a red rule), a 2号 title and 3号 body on a line of
// about 29 pt, and page numbers "— 1 —" in 4号, odd pages right and even pages left. Drawn with
// pdfkit in the embedded Noto Sans Hans font, so Chinese shows on any reader and the text stays
// selectable and searchable (the GB2312 fonts are not free to embed).
import PDFDocument from "pdfkit";
import type { MonthlySummary } from "../model";
import type { SummaryText } from "../text";
import { summaryFonts } from "./fonts";
import { summaryOutline } from "./outline";
import type { OutlineBlock } from "./outline-blocks";
import { drawTable, tableLeadHeight, type PdfTableStyle } from "./pdf-table";
import { labelled } from "./wording";

const BODY = "body";
const BOLD = "bold";
/** Points per millimetre. */
const MM = 72 / 25.4;
/** GB/T 9704: margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right. */
const MARGINS = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
/** The page number's line: 7 mm below the text block. */
const FOOTER_GAP = 7 * MM;
const TITLE_SIZE = 22;
const BODY_SIZE = 16;
const PAGE_NUMBER_SIZE = 14;
/** The 公文 line: 22 lines of 28.95 pt in the text block. */
const LINE = 28.95;
const INDENT = 2 * BODY_SIZE;
const HEADING_SIZE: Record<1 | 2 | 3, number> = { 1: BODY_SIZE, 2: BODY_SIZE, 3: BODY_SIZE };
const RED = "#C00000";

/** pdfkit's gap between lines that makes the font's own line height up to the 公文 line. */
function lineGap(doc: PDFKit.PDFDocument, size: number): number {
  return Math.max(0, LINE - doc.fontSize(size).currentLineHeight(true));
}

const contentBottom = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;
const TABLE_STYLE: PdfTableStyle = { font: BODY, boldFont: BOLD, fontSize: 10, bottom: contentBottom };

function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Starts a new page unless `height` more points fit on this one. */
function keepRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > contentBottom(doc)) doc.addPage();
}

function body(doc: PDFKit.PDFDocument, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
  doc
    .font(BODY)
    .fontSize(BODY_SIZE)
    .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), lineGap: lineGap(doc, BODY_SIZE), ...options });
}

/** What of `block` must share a page with the heading above it: a table's header and first row, or two lines. */
function leadHeight(doc: PDFKit.PDFDocument, block: OutlineBlock | undefined): number {
  if (!block) return 0;
  if (block.kind === "table") return tableLeadHeight(doc, block, TABLE_STYLE) + BODY_SIZE;
  const twoLines = 2 * LINE;
  if (block.kind === "heading") return LINE + twoLines;
  return twoLines;
}

function drawBlock(doc: PDFKit.PDFDocument, block: OutlineBlock, next: OutlineBlock | undefined, text: SummaryText): void {
  const left = doc.page.margins.left;
  switch (block.kind) {
    case "header": {
      body(doc, block.issue, { align: "center" });
      const top = doc.y;
      body(doc, block.issuer, { lineBreak: false });
      doc.text(block.date, left, top, { width: contentWidth(doc), align: "right", lineGap: lineGap(doc, BODY_SIZE) });
      const rule = doc.y + 2;
      doc
        .save()
        .lineWidth(1)
        .moveTo(left, rule)
        .lineTo(left + contentWidth(doc), rule)
        .stroke(RED)
        .restore();
      doc.y = rule + LINE / 2;
      return;
    }
    case "title":
      doc.y += LINE / 2;
      doc
        .font(BOLD)
        .fontSize(TITLE_SIZE)
        .text(block.text, left, doc.y, { width: contentWidth(doc), align: "center", lineGap: lineGap(doc, TITLE_SIZE) });
      doc.y += LINE / 2;
      return;
    case "subtitle":
      body(doc, block.text, { align: "center" });
      return;
    case "field":
      body(doc, block.text, { indent: INDENT });
      return;
    case "note":
      doc.fillColor("#555555");
      doc
        .font(BODY)
        .fontSize(14)
        .text(block.text, left, doc.y, { width: contentWidth(doc), indent: INDENT, lineGap: lineGap(doc, 14) });
      doc.fillColor("black");
      return;
    case "heading": {
      const size = HEADING_SIZE[block.level];
      const options = { width: contentWidth(doc), lineGap: lineGap(doc, size), indent: INDENT };
      // A heading never ends a page: it moves down with the start of what it heads.
      keepRoom(doc, doc.font(BOLD).fontSize(size).heightOfString(block.text, options) + leadHeight(doc, next));
      doc
        .font(block.level === 3 ? BODY : BOLD)
        .fontSize(size)
        .text(block.text, left, doc.y, options);
      return;
    }
    case "paragraph":
      if (block.label === undefined) body(doc, block.text, { indent: INDENT });
      else {
        doc
          .font(BOLD)
          .fontSize(BODY_SIZE)
          .text(labelled(block.label, "", text.locale), left, doc.y, {
            width: contentWidth(doc),
            indent: INDENT,
            lineGap: lineGap(doc, BODY_SIZE),
            continued: true,
          });
        doc.font(BODY).text(block.text);
      }
      return;
    case "lead":
      keepRoom(doc, LINE + leadHeight(doc, next));
      body(doc, block.text, { indent: INDENT });
      return;
    case "item": {
      const indent = INDENT;
      keepRoom(doc, LINE);
      const top = doc.y;
      doc
        .font(BODY)
        .fontSize(BODY_SIZE)
        .text("•", left + BODY_SIZE, top, { lineBreak: false });
      doc.text(block.text, left + indent, top, { width: contentWidth(doc) - indent, lineGap: lineGap(doc, BODY_SIZE) });
      return;
    }
    case "table":
      doc.y += 4;
      drawTable(doc, block, TABLE_STYLE);
      doc.y += LINE / 2;
      return;
  }
}

/** "— 1 —" at the foot of every page, one character in from the right on odd pages and from the left on even ones. */
function numberPages(doc: PDFKit.PDFDocument, { t }: SummaryText): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit start another page.
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    const odd = (i - start) % 2 === 0;
    doc.font(BODY).fontSize(PAGE_NUMBER_SIZE);
    const label = t("pageNumber", { page: i - start + 1 });
    const x = odd ? margins.left : margins.left + PAGE_NUMBER_SIZE;
    doc.text(label, x, doc.page.height - margins.bottom + FOOTER_GAP, {
      width: contentWidth(doc) - PAGE_NUMBER_SIZE,
      align: odd ? "right" : "left",
      lineBreak: false,
    });
    doc.page.margins = margins;
  }
}

export async function renderPdf(summary: MonthlySummary, text: SummaryText): Promise<Buffer> {
  const fonts = summaryFonts();
  const doc = new PDFDocument({
    size: "A4",
    layout: "portrait",
    margins: MARGINS,
    bufferPages: true,
    displayTitle: true,
    lang: text.locale,
    info: {
      Title: summary.cover.title,
      Author: summary.cover.generatedBy,
      Subject: summary.cover.planTitle,
      Creator: "Duban 督办",
      CreationDate: summary.cover.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont(BODY, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);
  doc.font(BODY);
  const blocks = summaryOutline(summary, text);
  for (const [i, block] of blocks.entries()) {
    drawBlock(doc, block, blocks[i + 1], text);
    // Laying out a long summary is all CPU: let other requests in between every few blocks.
    if (i % 8 === 7) await new Promise((resolve) => setImmediate(resolve));
  }
  numberPages(doc, text);
  doc.end();
  return finished;
}
