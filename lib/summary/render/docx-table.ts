// Tables for the Word file: fixed column widths, a header row Word repeats at the top of every
// page (tableHeader) and rows Word never breaks across pages (cantSplit).
import { AlignmentType, LineRuleType, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from "docx";
import type { Light } from "@/lib/status";
import type { OutlineCell, OutlineColumn, OutlineTable } from "./outline-blocks";

/** 五号 (10.5 pt), the usual size of a table in a Chinese office document, in half-points. */
const CELL_SIZE = 21;
const HEADER_FILL = "EDEDED";
// Darker than screen colours: the lights must stay legible when the page is printed.
const LIGHT_COLOUR: Record<Light, string> = { RED: "C00000", AMBER: "B36B00", GREEN: "1B7A2E", NONE: "555555" };
const ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function cell(content: OutlineCell, column: OutlineColumn, width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    shading: header ? { fill: HEADER_FILL, type: ShadingType.CLEAR, color: "auto" } : undefined,
    // A "\n" in the outline starts a new line; Word needs a paragraph for each.
    children: content.text.split("\n").map(
      (line) =>
        new Paragraph({
          alignment: ALIGNMENT[header ? "center" : column.align],
          // Tables keep single spacing: the document's fixed 3号 line would not fit 五号 cells.
          spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
          children: [
            new TextRun({
              text: line,
              bold: header,
              size: CELL_SIZE,
              color: content.light && !header ? LIGHT_COLOUR[content.light] : undefined,
            }),
          ],
        }),
    ),
  });
}

/** `width` is the text width of the page, in twentieths of a point. */
export function docxTable(table: OutlineTable, width: number): Table {
  const total = table.columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = table.columns.map((c) => Math.floor((c.weight / total) * width));
  const row = (cells: OutlineCell[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: table.columns.map((column, i) => cell(cells[i] ?? { text: "" }, column, widths[i] ?? 0, header)),
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    // About 1 mm each side: a two-character header (序号) fits its narrow column at 五号.
    margins: { top: 40, bottom: 40, left: 57, right: 57 },
    rows: [
      row(
        table.columns.map((c) => ({ text: c.header })),
        true,
      ),
      ...table.rows.map((cells) => row(cells, false)),
    ],
  });
}
