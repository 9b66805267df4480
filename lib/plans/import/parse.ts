// Reads an uploaded plan workbook (format.ts) into typed rows and every problem found, each with
// its sheet, row, column header and column letter. Checks only what the file itself shows; what
// needs the database (departments, people, references to campaigns and parent tasks outside the
// file) is diff.ts's.
import ExcelJS from "exceljs";
import { fileTypeFromBuffer } from "file-type";
import { isEmpty, rawOf, textOf } from "./cells";
import { COLUMNS, EXAMPLE_MARK, headerOf, MAX_IMPORT_BYTES, MAX_ROWS, SHEET, type SheetId } from "./format";
import { ROW_SPECS, type Cells, type FieldProblem, type RowSpec } from "./rows";
import type { CampaignRow, CellError, ErrorKey, ErrorValues, IndicatorRow, ParsedWorkbook, PlanRow, RowLine, TaskRow } from "./types";
import { inflatesWithin } from "./zip-guard";

export type FileProblem = "empty" | "tooLarge" | "notXlsx" | "unreadable";
export type ParseResult = { ok: true; workbook: ParsedWorkbook } | { ok: false; problem: FileProblem };

/** Nodes exceljs need not read: a whole-column list validation alone would make a million objects. */
const IGNORED_NODES = ["dataValidations", "conditionalFormatting", "extLst", "drawing", "picture", "hyperlinks", "tableParts", "headerFooter", "rowBreaks"];
/** Row elements per sheet (formatted empty rows count too) and cells per row: beyond these exceljs stops. */
const LOAD_OPTIONS = { ignoreNodes: IGNORED_NODES, maxRows: MAX_ROWS * 2, maxCols: 200 };

/** Size, zip bomb and type checks: null when the bytes are an xlsx workbook safe to open. */
export async function checkWorkbookFile(data: Uint8Array): Promise<FileProblem | null> {
  if (data.byteLength === 0) return "empty";
  if (data.byteLength > MAX_IMPORT_BYTES) return "tooLarge";
  if (!inflatesWithin(data)) return "notXlsx";
  const type = await fileTypeFromBuffer(data).catch(() => undefined);
  return type?.ext === "xlsx" ? null : "notXlsx";
}

export async function parseWorkbook(data: Uint8Array): Promise<ParseResult> {
  const problem = await checkWorkbookFile(data);
  if (problem) return { ok: false, problem };
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares load() for an ArrayBuffer; maxRows and maxCols are read by its sheet parser.
    await workbook.xlsx.load(new Uint8Array(data).buffer, LOAD_OPTIONS as unknown as ExcelJS.XlsxReadOptions);
  } catch {
    return { ok: false, problem: "unreadable" };
  }
  return { ok: true, workbook: readWorkbook(workbook) };
}

/** The identifying cells of a row, as typed: what the dry run calls it even when it does not parse. */
const LABEL_COLUMNS: Record<SheetId, string[]> = {
  plan: ["year", "title"],
  campaigns: ["number", "name"],
  indicators: ["campaignNumber", "name"],
  tasks: ["campaignNumber", "key", "title"],
};

interface SheetRead<T> {
  rows: T[];
  /** Letter of a column by key (null when the sheet lacks it). */
  letter: (key: string) => string | null;
}

export function readWorkbook(workbook: ExcelJS.Workbook): ParsedWorkbook {
  const errors: CellError[] = [];
  const lines: RowLine[] = [];
  const read = <T extends { row: number }>(sheet: SheetId, spec: RowSpec<T>) => readSheet<T>(workbook, sheet, spec, errors, lines);
  const plans = read<PlanRow>("plan", ROW_SPECS.plan);
  const campaigns = read<CampaignRow>("campaigns", ROW_SPECS.campaigns);
  const indicators = read<IndicatorRow>("indicators", ROW_SPECS.indicators);
  const tasks = read<TaskRow>("tasks", ROW_SPECS.tasks);

  for (const extra of plans.rows.slice(1)) errors.push({ sheet: "plan", row: extra.row, column: null, letter: null, key: "onePlanRow" });
  if (!lines.some((l) => l.sheet === "plan") && !errors.some((e) => e.sheet === "plan")) {
    errors.push({ sheet: "plan", row: null, column: null, letter: null, key: "noPlanRow" });
  }
  duplicates(campaigns, "campaigns", "number", (c) => String(c.number), errors);
  duplicates(indicators, "indicators", "name", (i) => `${i.campaignNumber ?? ""}\u0000${i.name}`, errors);
  duplicates(tasks, "tasks", "key", (t) => `${t.campaignNumber}\u0000${t.key}`, errors);
  const letters = (read: SheetRead<unknown>, sheet: SheetId): Record<string, string> =>
    Object.fromEntries(
      COLUMNS[sheet].flatMap((c) => {
        const letter = read.letter(c.key);
        return letter ? [[c.key, letter]] : [];
      }),
    );
  return {
    lines,
    letters: {
      plan: letters(plans, "plan"),
      campaigns: letters(campaigns, "campaigns"),
      indicators: letters(indicators, "indicators"),
      tasks: letters(tasks, "tasks"),
    },
    plan: plans.rows[0] ?? null,
    campaigns: campaigns.rows,
    indicators: indicators.rows,
    tasks: tasks.rows,
    errors,
  };
}

/** Header text → column number, from row 1 (spaces ignored; the first of a repeated header wins). */
function headerColumns(ws: ExcelJS.Worksheet): Map<string, number> {
  const found = new Map<string, number>();
  ws.getRow(1).eachCell({ includeEmpty: false }, (cell, n) => {
    const header = textOf(rawOf(cell)).replace(/\s+/g, "");
    if (header && !found.has(header)) found.set(header, n);
  });
  return found;
}

function readSheet<T extends { row: number }>(
  workbook: ExcelJS.Workbook,
  sheet: SheetId,
  spec: RowSpec<T>,
  errors: CellError[],
  lines: RowLine[],
): SheetRead<T> {
  const ws = workbook.getWorksheet(SHEET[sheet]);
  if (!ws) {
    errors.push({ sheet, row: null, column: null, letter: null, key: "missingSheet", values: { name: SHEET[sheet] } });
    return { rows: [], letter: () => null };
  }
  const headers = headerColumns(ws);
  const columns = COLUMNS[sheet].map((c) => ({ ...c, at: headers.get(c.header) }));
  const letter = (key: string) => {
    const at = columns.find((c) => c.key === key)?.at;
    return at === undefined ? null : ws.getColumn(at).letter;
  };
  const missing = columns.filter((c) => c.at === undefined);
  for (const c of missing) errors.push({ sheet, row: 1, column: c.header, letter: null, key: "missingColumn" });
  if (missing.some((c) => c.required)) return { rows: [], letter };

  const at = (row: number, key: string, problem: { key: ErrorKey; values?: ErrorValues }): CellError => ({
    sheet,
    row,
    column: headerOf(sheet, key),
    letter: letter(key),
    key: problem.key,
    values: problem.values,
  });

  const rows: T[] = [];
  let count = 0;
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (textOf(rawOf(row.getCell(1))) === EXAMPLE_MARK) continue;
    const cells: Cells = {};
    for (const c of columns) cells[c.key] = c.at === undefined ? null : rawOf(row.getCell(c.at));
    if (Object.values(cells).every(isEmpty)) continue;
    if (++count > MAX_ROWS) {
      errors.push({ sheet, row: r, column: null, letter: null, key: "tooManyRows", values: { max: MAX_ROWS } });
      break;
    }
    lines.push({
      sheet,
      row: r,
      label: LABEL_COLUMNS[sheet]
        .map((k) => textOf(cells[k] ?? null))
        .filter((s) => s !== "")
        .join(" · "),
    });

    const parsed = spec.schema.safeParse(cells);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const params = (issue as { params?: ErrorValues }).params;
        errors.push(at(r, String(issue.path[0] ?? ""), { key: issue.message as ErrorKey, values: params }));
      }
      continue;
    }
    const problems: FieldProblem[] = spec.check(parsed.data);
    for (const p of problems) errors.push(at(r, p.column, p));
    if (problems.length === 0) rows.push({ ...parsed.data, row: r } as T);
  }
  return { rows, letter };
}

/** Two rows of a sheet with the same natural key: the later one is the error, naming the first. */
function duplicates<T extends { row: number }>(read: SheetRead<T>, sheet: SheetId, column: string, keyOf: (row: T) => string, errors: CellError[]): void {
  const first = new Map<string, number>();
  for (const r of read.rows) {
    const key = keyOf(r);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, r.row);
    else errors.push({ sheet, row: r.row, column: headerOf(sheet, column), letter: read.letter(column), key: "duplicate", values: { other: seen } });
  }
}
