// How a table goes onto a worksheet so it can be filtered on screen and printed on A4: numbers stay
// numbers, text stays text (never a formula), the header row is frozen and repeats on every page,
// and columns are as wide as their Chinese text.
import type ExcelJS from "exceljs";
import { TIME_ZONE } from "@/lib/i18n/config";

/** A number with its own display format, e.g. an indicator figure with the indicator's decimals. */
export interface Figure {
  number: number;
  numFmt: string;
}

export type CellValue = string | number | Date | Figure | null;

export interface Column {
  header: string;
  /** Sentences wrap inside the column instead of widening it past the page. */
  wrap?: boolean;
  /** Display format of the column's plain numbers and dates. */
  numFmt?: string;
}

export interface Table {
  name: string;
  columns: Column[];
  rows: CellValue[][];
  /** Said under the header when there are no rows, so an empty sheet reads as "none" and not as a fault. */
  empty?: string;
}

/** Excel's footer codes for the page and the page count, for a footer made from the catalogue. */
export const FOOTER_PAGE = "&P";
export const FOOTER_PAGES = "&N";

export const INTEGER = "0";
export const DATE = "yyyy-mm-dd";
export const DATE_TIME = "yyyy-mm-dd hh:mm";

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const MAX_WRAP_WIDTH = 50;

export function decimalsFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
}

/** An exact decimal string as a number cell; a value that is not a number is kept as text rather than lost. */
export function figure(value: string | null, decimals: number): CellValue {
  if (value === null) return null;
  const number = Number(value);
  return Number.isFinite(number) ? { number, numFmt: decimalsFormat(decimals) } : value;
}

/**
 * Excel stores a date as local time with no zone, so the town's wall-clock time is written:
 * a report due 2018-03-31 23:59:59 in Shanghai must not show as the 31st at 15:59.
 */
const WALL_CLOCK = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

export function wallClock(date: Date): Date {
  const parts = WALL_CLOCK.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return new Date(Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second")));
}

/**
 * Every text cell goes through here. A string value is never a formula, whatever it starts with
 * ("=HYPERLINK(…)", "+1", "@SUM"); the text format "@" keeps it text even when someone later edits
 * the cell and presses Enter. The text is not prefixed or escaped: it reads exactly as typed, except
 * that a carriage return becomes a line feed, because XML cannot carry a bare CR and every reader
 * turns it into LF anyway.
 */
export function writeText(cell: ExcelJS.Cell, text: string): void {
  cell.value = text.replace(/\r\n?/g, "\n");
  cell.numFmt = "@";
}

/** Columns needed to show the text: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let widest = 0;
  for (const line of text.split(/\r\n?|\n/)) {
    let width = 0;
    for (const char of line) width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
    widest = Math.max(widest, width);
  }
  return widest;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

function cellWidth(value: CellValue, column: Column): number {
  if (value === null) return 0;
  if (typeof value === "string") return displayWidth(value);
  if (value instanceof Date) return (column.numFmt ?? DATE).length;
  const number = typeof value === "number" ? value : value.number;
  // Room for the thousands separators and decimals the format adds.
  return String(Math.trunc(number)).length + 6;
}

function writeCell(cell: ExcelJS.Cell, value: CellValue, column: Column): void {
  cell.alignment = { vertical: "top", wrapText: column.wrap === true };
  if (value === null) return;
  if (typeof value === "string") return writeText(cell, value);
  if (typeof value === "number" || value instanceof Date) {
    cell.value = value;
    if (column.numFmt) cell.numFmt = column.numFmt;
    else if (value instanceof Date) cell.numFmt = DATE;
    return;
  }
  cell.value = value.number;
  cell.numFmt = value.numFmt;
}

/**
 * A4, as many pages down as it takes but never wider than one, and `footer` centred at the foot of
 * every page (with FOOTER_PAGE and FOOTER_PAGES for "第 1 页，共 3 页").
 */
export function printOnA4(sheet: ExcelJS.Worksheet, landscape: boolean, footer?: string): void {
  Object.assign(sheet.pageSetup, {
    paperSize: 9,
    orientation: landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
  });
  // "&" starts a code in a footer: a literal one is written "&&".
  if (footer !== undefined) sheet.headerFooter.oddFooter = `&C${footer.replace(/&(?![PN])/g, "&&")}`;
}

/** A table sheet prints landscape on A4, fitted to the page width, its header row repeated on every page. */
export function addTable(workbook: ExcelJS.Workbook, table: Table, footer?: string): ExcelJS.Worksheet {
  const { columns, rows } = table;
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });

  const header = sheet.getRow(1);
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    writeText(cell, column.header);
    cell.font = { bold: true };
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
  });

  rows.forEach((values, r) => {
    const row = sheet.getRow(r + 2);
    columns.forEach((column, i) => writeCell(row.getCell(i + 1), values[i] ?? null, column));
  });
  if (rows.length === 0 && table.empty) {
    writeText(sheet.getCell(2, 1), table.empty);
    if (columns.length > 1) sheet.mergeCells(2, 1, 2, columns.length);
  }

  columns.forEach((column, i) => {
    const content = Math.max(displayWidth(column.header), ...rows.map((values) => cellWidth(values[i] ?? null, column)));
    sheet.getColumn(i + 1).width = Math.min(Math.max(content + 2, MIN_WIDTH), column.wrap ? MAX_WRAP_WIDTH : MAX_WIDTH);
  });

  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  printOnA4(sheet, true, footer);
  sheet.pageSetup.printTitlesRow = "1:1";
  return sheet;
}
