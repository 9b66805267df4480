// Writes a plan workbook in the format of format.ts: the blank template (with its grey example
// rows) and the export of a plan (its rows, no example) come out of the same writer, so what the
// export writes is exactly what the import reads. Text is always text (writeText: never a formula).
import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import { writeText } from "@/lib/summary/render/xlsx-sheet";
import { COLUMNS, DATA_SHEETS, EXAMPLE_MARK, SHEET, type SheetId } from "./format";
import { GUIDE } from "./guide";
import { LISTS, type ListId } from "./lists";

/** A cell to write: text, a number (an exact decimal string is written as a number when that is exact), a date (YYYY-MM-DD). */
export type CellInput = string | number | { decimal: string } | { date: string } | null;
export type SheetRow = Record<string, CellInput>;

export interface WorkbookContent {
  rows: Record<SheetId, SheetRow[]>;
  /** The template's example rows (first cell 示例), one per sheet; none in an export. */
  examples?: Record<SheetId, SheetRow>;
  /** The lists behind the drop-downs. */
  lists: Record<ListId, string[]>;
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const EXAMPLE_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };
const EXAMPLE_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: "FF7F7F7F" } };
const DATE_FORMAT = "yyyy-mm-dd";
/** Room below the rows for more, with the same drop-downs. */
const SPARE_ROWS = 500;

export async function writeWorkbook(content: WorkbookContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "督办";
  addGuide(workbook);
  const sheets = DATA_SHEETS.map((id) => addDataSheet(workbook, id, content.rows[id], content.examples?.[id]));
  const lists = addLists(workbook, content.lists);
  DATA_SHEETS.forEach((id, i) => {
    const ws = sheets[i];
    if (ws) addDropDowns(ws as WithValidations, id, lists, Math.max(ws.rowCount, 1) + SPARE_ROWS);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An exact decimal as a number cell when the number says exactly that, else as text (still read back exactly). */
function decimalCell(cell: ExcelJS.Cell, value: string): void {
  const number = Number(value);
  if (Number.isFinite(number) && new Decimal(String(number)).eq(value)) cell.value = number;
  else writeText(cell, value);
}

function writeCell(cell: ExcelJS.Cell, value: CellInput): void {
  if (value === null || value === "") return;
  if (typeof value === "string") return writeText(cell, value);
  if (typeof value === "number") {
    cell.value = value;
    return;
  }
  if ("decimal" in value) return decimalCell(cell, value.decimal);
  cell.value = new Date(`${value.date}T00:00:00.000Z`);
  cell.numFmt = DATE_FORMAT;
}

function addDataSheet(workbook: ExcelJS.Workbook, id: SheetId, rows: SheetRow[], example: SheetRow | undefined): ExcelJS.Worksheet {
  const columns = COLUMNS[id];
  const ws = workbook.addWorksheet(SHEET[id], { views: [{ state: "frozen", ySplit: 1 }] });
  columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    if (c.key.endsWith("Date")) column.numFmt = DATE_FORMAT;
    const cell = ws.getCell(1, i + 1);
    writeText(cell, c.header);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.note = `${c.required ? "必填。" : ""}${c.hint}`;
  });
  const all = example ? [{ ...example, [columns[0]?.key ?? ""]: EXAMPLE_MARK }, ...rows] : rows;
  all.forEach((values, r) => {
    const row = ws.getRow(r + 2);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      writeCell(cell, values[c.key] ?? null);
      cell.alignment = { vertical: "top", wrapText: c.width >= 24 };
      if (example && r === 0) {
        cell.fill = EXAMPLE_FILL;
        cell.font = EXAMPLE_FONT;
      }
    });
  });
  return ws;
}

function addGuide(workbook: ExcelJS.Workbook): void {
  const ws = workbook.addWorksheet(SHEET.guide);
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 16;
  ws.getColumn(3).width = 8;
  ws.getColumn(4).width = 80;
  let r = 1;
  const title = ws.getCell(r++, 1);
  writeText(title, GUIDE.title);
  title.font = { bold: true, size: 14 };
  for (const paragraph of GUIDE.paragraphs) {
    ws.mergeCells(r, 1, r, 4);
    const cell = ws.getCell(r, 1);
    writeText(cell, paragraph);
    cell.alignment = { wrapText: true, vertical: "top" };
    ws.getRow(r).height = Math.max(18, Math.ceil([...paragraph].length / 55) * 16);
    r++;
  }
  r++;
  ["工作表", "列", "必填", "填写说明"].forEach((h, i) => {
    const cell = ws.getCell(r, i + 1);
    writeText(cell, h);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  for (const id of DATA_SHEETS) {
    for (const c of COLUMNS[id]) {
      r++;
      [SHEET[id], c.header, c.required ? "是" : "", c.hint].forEach((v, i) => writeText(ws.getCell(r, i + 1), v));
      ws.getCell(r, 4).alignment = { wrapText: true, vertical: "top" };
    }
  }
}

/** The hidden 选项 sheet: one list a column; returns each list's range formula. */
function addLists(workbook: ExcelJS.Workbook, lists: Record<ListId, string[]>): Map<ListId, string> {
  const ws = workbook.addWorksheet(SHEET.lists, { state: "hidden" });
  const ranges = new Map<ListId, string>();
  LISTS.forEach((list, i) => {
    const values = lists[list.id];
    const column = ws.getColumn(i + 1);
    column.width = 16;
    writeText(ws.getCell(1, i + 1), list.title);
    values.forEach((v, r) => writeText(ws.getCell(r + 2, i + 1), v));
    if (values.length > 0) ranges.set(list.id, `'${SHEET.lists}'!$${column.letter}$2:$${column.letter}$${values.length + 1}`);
  });
  return ranges;
}

/** exceljs has range validations (worksheet.dataValidations) but does not declare them. */
type WithValidations = ExcelJS.Worksheet & { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

function addDropDowns(ws: WithValidations, sheet: SheetId, ranges: Map<ListId, string>, lastRow: number): void {
  COLUMNS[sheet].forEach((c, i) => {
    const list = LISTS.find((l) => l.columns.some((x) => x.sheet === sheet && x.key === c.key));
    const formula = list && ranges.get(list.id);
    if (!list || !formula) return;
    const letter = ws.getColumn(i + 1).letter;
    ws.dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: "list",
      allowBlank: true,
      formulae: [formula],
      // 单位 may be typed freely; the other lists are the only values the import accepts.
      showErrorMessage: !list.freeEntry,
      errorStyle: "stop",
      errorTitle: c.header,
      error: list.error,
    });
  });
}
