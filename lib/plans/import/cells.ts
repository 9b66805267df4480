// One cell of an uploaded workbook, and the zod schemas that turn it into a typed value or a
// message key (planImport.errors.*). Numbers stay exact decimal strings: a number cell is read
// through its shortest round-trip form (56.58, never 56.579999…), text through parseDecimalInput.
import Decimal from "decimal.js";
import type ExcelJS from "exceljs";
import { z } from "zod";
import { parseDecimalInput } from "@/lib/validation/numbers";
import { LIMITS } from "./format";
import type { ErrorKey, ErrorValues } from "./types";

/** What a cell holds, as far as the import cares: nothing, text, a number or a date. */
export type Raw = null | { text: string } | { number: number } | { date: Date };

type CellValue = ExcelJS.CellValue;

function rawOfValue(value: CellValue): Raw {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? { number: value } : { text: String(value) };
  if (typeof value === "string") return value.trim() === "" ? null : { text: value };
  if (typeof value === "boolean") return { text: value ? "是" : "否" };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { text: "" } : { date: value };
  if ("richText" in value) return rawOfValue(value.richText.map((r) => r.text).join(""));
  if ("formula" in value || "sharedFormula" in value) return rawOfValue((value as { result?: CellValue }).result ?? null);
  if ("hyperlink" in value) return rawOfValue((value as { text?: CellValue }).text ?? null);
  if ("error" in value) return { text: String(value.error) };
  return null;
}

export function rawOf(cell: ExcelJS.Cell): Raw {
  return rawOfValue(cell.value);
}

export const isEmpty = (raw: Raw): boolean => raw === null || ("text" in raw && raw.text.trim() === "");

/** The cell as text (numbers in their plain decimal form, dates as YYYY-MM-DD); "" when empty. */
export function textOf(raw: Raw): string {
  if (raw === null) return "";
  if ("text" in raw) return raw.text.replace(/\r\n?/g, "\n").trim();
  if ("number" in raw) return new Decimal(raw.number).toFixed();
  return isoDay(raw.date);
}

export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

// ---------- zod schemas over Raw ----------

const raw = z.custom<Raw>(() => true);

function fail(ctx: z.RefinementCtx, key: ErrorKey, values?: ErrorValues): never {
  ctx.addIssue({ code: "custom", message: key, params: values });
  return z.NEVER;
}

function textValue(r: Raw, max: number, ctx: z.RefinementCtx): string | null {
  const value = textOf(r);
  if (value === "") return null;
  return [...value].length > max ? fail(ctx, "tooLong", { max }) : value;
}

/** Text; empty gives null. */
export const text = (max: number) => raw.transform((r, ctx) => textValue(r, max, ctx));
export const requiredText = (max: number) => raw.transform((r, ctx) => textValue(r, max, ctx) ?? fail(ctx, "required"));

/** One item a line (goals, rules). */
export const lines = raw.transform((r, ctx) => {
  const items = textOf(r)
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (items.length > LIMITS.lines) return fail(ctx, "tooManyLines", { max: LIMITS.lines });
  if (items.some((l) => [...l].length > LIMITS.line)) return fail(ctx, "tooLong", { max: LIMITS.line });
  return items;
});

/** Between the items of a list in one cell. Not spaces: a name may have one ("测试用户 lead1", "Li Wei"). */
export const LIST_SEPARATORS = /[、,，;；\n]/;

/** A list in one cell: 、 (or ，,;； or a new line) between the items. */
export const list = raw.transform((r, ctx) => {
  const items = textOf(r)
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (items.some((s) => [...s].length > LIMITS.short)) return fail(ctx, "tooLong", { max: LIMITS.short });
  return [...new Set(items)];
});

/** An exact decimal string with at most 4 decimal places (the columns' scale), below 10^15 in size. */
export function decimalOf(r: Raw): { ok: true; value: string } | { ok: false; key: ErrorKey } {
  let value: string | null;
  if (r !== null && "number" in r) value = new Decimal(r.number).toFixed();
  else if (r !== null && "text" in r) value = parseDecimalInput(r.text);
  else value = null;
  if (value === null) return { ok: false, key: "notANumber" };
  const d = new Decimal(value);
  if (d.decimalPlaces() > LIMITS.maxDecimals) return { ok: false, key: "tooManyDecimals" };
  if (d.abs().gte("1e15")) return { ok: false, key: "tooLarge" };
  return { ok: true, value: d.toFixed() };
}

/** A decimal; empty gives null. */
export const decimal = () =>
  raw.transform((r, ctx) => {
    if (isEmpty(r)) return null;
    const d = decimalOf(r);
    return d.ok ? d.value : fail(ctx, d.key, d.key === "tooManyDecimals" ? { max: LIMITS.maxDecimals } : undefined);
  });

/** A whole number in [min, max]; empty gives the fallback (undefined: required). */
export function integer(min: number, max: number, fallback?: number | null) {
  return raw.transform((r, ctx): number | null => {
    if (isEmpty(r)) return fallback === undefined ? fail(ctx, "required") : fallback;
    const d = decimalOf(r);
    if (!d.ok || !/^-?\d+$/.test(d.value)) return fail(ctx, d.ok ? "notAWholeNumber" : "notANumber");
    const n = Number(d.value);
    return n < min || n > max ? fail(ctx, "outOfRange", { min, max }) : n;
  });
}

/** An integer column that must be filled. */
export const requiredInteger = (min: number, max: number) => integer(min, max).transform((n) => n as number);

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** YYYY-MM-DD of a real calendar day, from an Excel date or text. */
export function dateOf(r: Raw): string | null {
  if (r !== null && "date" in r) return isoDay(r.date);
  if (r === null || !("text" in r)) return null;
  const m = DATE_TEXT.exec(r.text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? isoDay(date) : null;
}

/** A date as YYYY-MM-DD; empty gives null. */
export const date = () => raw.transform((r, ctx) => (isEmpty(r) ? null : (dateOf(r) ?? fail(ctx, "notADate"))));
export const requiredDate = () => raw.transform((r, ctx) => (isEmpty(r) ? fail(ctx, "required") : (dateOf(r) ?? fail(ctx, "notADate"))));

/** One of the words of a list (方向, 类型, …); empty gives the fallback (undefined: required). */
export function choice<V>(table: Record<string, V>, fallback?: V | null) {
  return raw.transform((r, ctx): V | null => {
    const value = textOf(r);
    if (value === "") return fallback === undefined ? fail(ctx, "required") : fallback;
    if (Object.hasOwn(table, value)) return table[value] as V;
    return fail(ctx, "notInList", { options: Object.keys(table).join("、") });
  });
}
