// Numbers, dates and months the way each locale writes them. Chinese: 56.58 亿元, 2018年3月31日,
// 2018年3月; English: 56.58 (100M yuan is shown by the unit), Mar 31, 2018. Decimals arrive as
// strings (or Prisma Decimals) and are formatted for display only.
import { TIME_ZONE, type Locale } from "@/lib/i18n/config";

type Numeric = string | number | { toString(): string } | null | undefined;

// Building an Intl formatter costs ~50 µs, formatting with one ~1.5 µs; a county board formats
// thousands of figures, so each formatter is built once per locale and options.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: Locale, maxDecimals: number): Intl.NumberFormat {
  const key = `${locale}|${maxDecimals}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: maxDecimals, signDisplay: "negative" })));
  return f;
}

function dateFormat(locale: Locale, kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${kind}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

export function formatNumber(value: Numeric, locale: Locale, maxDecimals = 2): string {
  if (value === null || value === undefined) return "—";
  const text = value.toString().trim();
  // Only plain decimals: Number() would read "" as 0 and "0x10" as 16.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return "—";
  const n = Number(text);
  if (!Number.isFinite(n)) return "—";
  // signDisplay "negative": a value that rounds to zero shows as 0, not -0.
  return numberFormat(locale, maxDecimals).format(n);
}

export function formatQuantity(value: Numeric, unit: string, locale: Locale, maxDecimals = 2): string {
  const n = formatNumber(value, locale, maxDecimals);
  if (n === "—") return n;
  return unit === "%" ? `${n}%` : `${n} ${unit}`;
}

function toDate(value: Date | string | null | undefined): Date | null {
  if (!value) return null;
  const d = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDate(value: Date | string | null | undefined, locale: Locale): string {
  const d = toDate(value);
  if (!d) return "—";
  return dateFormat(locale, "date", { timeZone: TIME_ZONE, year: "numeric", month: locale === "zh-CN" ? "long" : "short", day: "numeric" }).format(d);
}

export function formatDateTime(value: Date | string | null | undefined, locale: Locale): string {
  const d = toDate(value);
  if (!d) return "—";
  return dateFormat(locale, "dateTime", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(d);
}

export function formatMonth(year: number, month: number, locale: Locale): string {
  return dateFormat(locale, "month", { timeZone: "UTC", year: "numeric", month: locale === "zh-CN" ? "long" : "short" }).format(
    new Date(Date.UTC(year, month - 1, 15)),
  );
}
