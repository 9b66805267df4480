// Tables for the PDF: fixed column widths, wrapped cell text, the header row repeated at the top of
// every page the table continues on, and no row ever cut across pages (a row is measured first and
// moved whole to the next page when it does not fit).
import type { Light } from "@/lib/status";
import type { OutlineCell, OutlineTable } from "./outline-blocks";

export interface PdfTableStyle {
  font: string;
  boldFont: string;
  fontSize: number;
  /** Lowest y a row may reach on a page (above the page number). */
  bottom: (doc: PDFKit.PDFDocument) => number;
}

const PADDING = 4;
/** Kept free above the tallest row, so a heading and the start of its table always share a page. */
const HEADING_ROOM = 72;
const LINE_GAP = 1.5;
const BORDER = "#444444";
const HEADER_FILL = "#EDEDED";
// Darker than screen colours: the lights must stay legible when the page is printed.
const LIGHT_COLOUR: Record<Light, string> = { RED: "#C00000", AMBER: "#B36B00", GREEN: "#1B7A2E", NONE: "#555555" };

interface Layout {
  left: number;
  widths: number[];
}

function layoutOf(doc: PDFKit.PDFDocument, table: OutlineTable): Layout {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const total = table.columns.reduce((sum, c) => sum + c.weight, 0);
  return { left, widths: table.columns.map((c) => (c.weight / total) * width) };
}

function textHeight(doc: PDFKit.PDFDocument, text: string, width: number): number {
  return Math.max(doc.heightOfString(text, { width, lineGap: LINE_GAP }), doc.currentLineHeight(true));
}

function measureRow(doc: PDFKit.PDFDocument, cells: OutlineCell[], { widths }: Layout): number {
  const heights = cells.map((cell, i) => textHeight(doc, cell.text, (widths[i] ?? 0) - 2 * PADDING));
  return Math.max(...heights) + 2 * PADDING;
}

function drawRow(doc: PDFKit.PDFDocument, table: OutlineTable, cells: OutlineCell[], height: number, layout: Layout, header: boolean): void {
  const top = doc.y;
  let x = layout.left;
  cells.forEach((cell, i) => {
    const width = layout.widths[i] ?? 0;
    if (header) doc.rect(x, top, width, height).fill(HEADER_FILL);
    doc.lineWidth(0.5).rect(x, top, width, height).stroke(BORDER);
    const inner = width - 2 * PADDING;
    const room = height - 2 * PADDING;
    // Cells are centred vertically, as in a printed table; a clamped cell starts at the top.
    const offset = Math.max(0, (room - textHeight(doc, cell.text, inner)) / 2);
    doc.fillColor(cell.light && !header ? LIGHT_COLOUR[cell.light] : "black");
    doc.text(cell.text, x + PADDING, top + PADDING + offset, {
      width: inner,
      height: room,
      ellipsis: true,
      lineGap: LINE_GAP,
      align: header ? "center" : (table.columns[i]?.align ?? "left"),
    });
    x += width;
  });
  doc.fillColor("black");
  doc.x = layout.left;
  doc.y = top + height;
}

interface Measured {
  layout: Layout;
  headerCells: OutlineCell[];
  headerHeight: number;
  /** Row height, cut to what fits on an empty page under the header. */
  rowHeight: (cells: OutlineCell[]) => number;
}

function measure(doc: PDFKit.PDFDocument, table: OutlineTable, style: PdfTableStyle): Measured {
  const layout = layoutOf(doc, table);
  const headerCells = table.columns.map((c) => ({ text: c.header }));
  doc.font(style.boldFont).fontSize(style.fontSize);
  const headerHeight = measureRow(doc, headerCells, layout);
  doc.font(style.font);
  // A row taller than a whole page (an absurdly long title) is cut short with "…" rather than
  // split: a split row reads as two rows.
  const tallest = style.bottom(doc) - doc.page.margins.top - headerHeight - HEADING_ROOM;
  return { layout, headerCells, headerHeight, rowHeight: (cells) => Math.min(measureRow(doc, cells, layout), tallest) };
}

/** The header and first row: what must fit on a page for the table to start there. */
export function tableLeadHeight(doc: PDFKit.PDFDocument, table: OutlineTable, style: PdfTableStyle): number {
  const { headerHeight, rowHeight } = measure(doc, table, style);
  const first = table.rows[0];
  return headerHeight + (first ? rowHeight(first) : 0);
}

export function drawTable(doc: PDFKit.PDFDocument, table: OutlineTable, style: PdfTableStyle): void {
  const { layout, headerCells, headerHeight, rowHeight } = measure(doc, table, style);
  const drawHeader = () => {
    doc.font(style.boldFont);
    drawRow(doc, table, headerCells, headerHeight, layout, true);
    doc.font(style.font);
  };
  // The header never stands alone at the foot of a page: it moves with the first row.
  if (doc.y + tableLeadHeight(doc, table, style) > style.bottom(doc)) doc.addPage();
  drawHeader();
  for (const cells of table.rows) {
    const height = rowHeight(cells);
    if (doc.y + height > style.bottom(doc)) {
      doc.addPage();
      drawHeader();
    }
    drawRow(doc, table, cells, height, layout, false);
  }
}
