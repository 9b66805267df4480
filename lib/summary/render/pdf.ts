// The monthly summary as a PDF (A4 portrait): the outline drawn with pdfkit in the embedded Noto
// Sans Hans font, so Chinese shows on any reader and the text stays selectable and searchable.
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
const MARGIN = 50;
const FOOTER_ROOM = 24;
/** Top of the page number, measured up from the foot of the page. */
const FOOTER_TOP = 56;
const BODY_SIZE = 10.5;
const LINE_GAP = 3;
const HEADING_SIZE: Record<1 | 2 | 3, number> = { 1: 14, 2: 12, 3: 10.5 };

const contentBottom = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;
const TABLE_STYLE: PdfTableStyle = { font: BODY, boldFont: BOLD, fontSize: 9, bottom: contentBottom };

function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Starts a new page unless `height` more points fit on this one. */
function keepRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > contentBottom(doc)) doc.addPage();
}

function body(doc: PDFKit.PDFDocument, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
  doc.font(BODY).fontSize(BODY_SIZE).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), lineGap: LINE_GAP, ...options });
}

/** What of `block` must share a page with the heading above it: a table's header and first row, or two lines. */
function leadHeight(doc: PDFKit.PDFDocument, block: OutlineBlock | undefined): number {
  if (!block) return 0;
  if (block.kind === "table") return tableLeadHeight(doc, block, TABLE_STYLE) + BODY_SIZE;
  const twoLines = 2 * (BODY_SIZE * 1.5 + LINE_GAP);
  if (block.kind === "heading") return HEADING_SIZE[block.level] * 2.5 + twoLines;
  return twoLines;
}

function drawBlock(doc: PDFKit.PDFDocument, block: OutlineBlock, next: OutlineBlock | undefined, text: SummaryText): void {
  const left = doc.page.margins.left;
  switch (block.kind) {
    case "title":
      doc.font(BOLD).fontSize(20).text(block.text, left, doc.y, { width: contentWidth(doc), align: "center" });
      doc.moveDown(0.4);
      return;
    case "subtitle":
      body(doc, block.text, { align: "center" });
      doc.moveDown(1);
      return;
    case "field":
      body(doc, block.text);
      return;
    case "note":
      doc.moveDown(0.3);
      doc.fillColor("#555555");
      body(doc, block.text, { lineGap: 2 });
      doc.fillColor("black");
      return;
    case "heading": {
      const size = HEADING_SIZE[block.level];
      doc.moveDown(block.level === 1 ? 1 : 0.6);
      const options = { width: contentWidth(doc), lineGap: LINE_GAP };
      // A heading never ends a page: it moves down with the start of what it heads.
      keepRoom(doc, doc.font(BOLD).fontSize(size).heightOfString(block.text, options) + size * 0.3 + leadHeight(doc, next));
      doc.font(BOLD).fontSize(size).text(block.text, left, doc.y, options);
      doc.moveDown(0.3);
      return;
    }
    case "paragraph":
      if (block.label === undefined) body(doc, block.text);
      else {
        doc.font(BOLD).fontSize(BODY_SIZE).text(labelled(block.label, "", text.locale), left, doc.y, { width: contentWidth(doc), lineGap: LINE_GAP, continued: true });
        doc.font(BODY).text(block.text);
      }
      doc.moveDown(0.2);
      return;
    case "lead":
      keepRoom(doc, BODY_SIZE * 1.5 + LINE_GAP + leadHeight(doc, next));
      body(doc, block.text);
      return;
    case "item": {
      const indent = BODY_SIZE * 1.2;
      keepRoom(doc, BODY_SIZE + LINE_GAP);
      const top = doc.y;
      doc.font(BODY).fontSize(BODY_SIZE).text("•", left + 2, top, { lineBreak: false });
      doc.text(block.text, left + indent, top, { width: contentWidth(doc) - indent, lineGap: LINE_GAP });
      return;
    }
    case "table":
      doc.moveDown(0.2);
      drawTable(doc, block, TABLE_STYLE);
      doc.moveDown(0.6);
      return;
  }
}

/** "第 1 页，共 N 页" at the foot of every page, once the page count is known. */
function numberPages(doc: PDFKit.PDFDocument, { t }: SummaryText): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit start another page.
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    doc.font(BODY).fontSize(9).text(t("page", { page: i + 1, pages: count }), margins.left, doc.page.height - FOOTER_TOP, {
      width: contentWidth(doc),
      align: "center",
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
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_ROOM },
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
