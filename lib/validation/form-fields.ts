// Form fields as the forms post them (strings, "on" for a ticked box, repeated names for
// a multiple choice), parsed with zod. Every message is a catalogue key (validation.*).
import Decimal from "decimal.js";
import { z } from "zod";
import { recordId } from "@/lib/validation/ids";
import { parseDecimalInput } from "@/lib/validation/numbers";

export const id = recordId;
export const version = z.coerce.number({ message: "validation.invalid" }).int().min(1);

/** Trimmed text that must be there. */
export const requiredText = (max: number) => z.string({ message: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong");

/** Trimmed text that may be left empty (stored as null). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((v) => v || null);

/** A whole number typed into a box, within a range; one message for anything else. */
export const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string({ message })
    .trim()
    .transform((raw, ctx) => {
      const v = parseDecimalInput(raw);
      if (v === null || !/^-?\d+$/.test(v) || Number(v) < min || Number(v) > max) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return Number(v);
    });

/** The same, or left blank: null (the form's own rule then decides what blank means). */
export const optionalWholeNumber = (min: number, max: number, message: string) =>
  z
    .string()
    .optional()
    .pipe(
      z.union(
        [
          z
            .string()
            .trim()
            .max(0)
            .optional()
            .transform(() => null),
          wholeNumber(min, max, message),
        ],
        { message },
      ),
    );

export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** Textarea, one entry per line: blank lines dropped. */
export const lines = (maxLines: number, maxLength: number) =>
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(maxLength, "validation.tooLong")).max(maxLines, "validation.tooLong"));

/** One or more ids from checkboxes (absent when none is ticked). */
export const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))].sort());

/** An id from a select whose first option ("none") posts an empty string. */
export const optionalId = z
  .string()
  .max(64)
  .optional()
  .transform((v) => v || null);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date ("2018-03-31", as a date input posts it) at midnight UTC, as @db.Date stores it. */
export function parseDate(raw: string): Date | null {
  const m = raw.trim().match(ISO_DATE);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === raw.trim() ? d : null;
}

export const isoDay = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

export const optionalDate = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (!raw?.trim()) return null;
    const d = parseDate(raw);
    if (!d) {
      ctx.addIssue({ code: "custom", message: "validation.date" });
      return z.NEVER;
    }
    return d;
  });

export const requiredDate = optionalDate.refine((d) => d !== null, "validation.required").transform((d) => d as Date);

const MAX_ABS = new Decimal("1e15");

/** The message for a typed figure, or its exact decimal string: at most `places` decimals (the column keeps 4). */
export function checkDecimal(raw: string, places: number): { value: string } | { error: string } {
  const parsed = parseDecimalInput(raw);
  if (parsed === null) return { error: "validation.notANumber" };
  const d = new Decimal(parsed);
  if (d.abs().gte(MAX_ABS)) return { error: "validation.tooLarge" };
  if (d.decimalPlaces() > places) return { error: places === 0 ? "validation.wholeNumber" : "validation.tooManyDecimalsForIndicator" };
  return { value: d.toFixed() };
}

export const withinYear = (d: Date, year: number) => d.getUTCFullYear() === year;
