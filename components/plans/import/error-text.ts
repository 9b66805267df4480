// A problem of an uploaded plan workbook in words, where it is first: "指标表第 5 行「单位」（C 列）：不能为空".
// Sheet and column names are the file's own (Chinese in either language: they are what the file says).
import { SHEET } from "@/lib/plans/import/format";
import type { CellError } from "@/lib/plans/import/types";

/** A translator over the planImport namespace (next-intl's, on the server or in the browser). */
export type ImportTranslator = (key: string, values?: Record<string, string | number>) => string;

export function describeError(t: ImportTranslator, e: CellError): string {
  const message = t(`errors.${e.key}`, e.values);
  const sheet = SHEET[e.sheet];
  if (e.row === null) return t("at.sheet", { sheet, message });
  if (e.column === null) return t("at.row", { sheet, row: e.row, message });
  if (e.letter === null) return t("at.column", { sheet, row: e.row, column: e.column, message });
  return t("at.cell", { sheet, row: e.row, column: e.column, letter: e.letter, message });
}
