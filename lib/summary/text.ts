// The words of a summary file, from the message catalogue, outside React: exports are built in
// route handlers and tests, not in components.
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface SummaryText {
  locale: Locale;
  /** Namespace "summary": headings, column names, lights. */
  t: Translate;
}

/** A translator for one namespace of the catalogue (e.g. "status" for the rule's reasons). */
export function catalogue(locale: Locale, namespace: string): Translate {
  const messages = locale === "en" ? en : zh;
  const translate = createTranslator({ locale, messages, namespace: namespace as never });
  return (key, values) => translate(key as never, values as never);
}

export function summaryText(locale: Locale): SummaryText {
  return { locale, t: catalogue(locale, "summary") };
}
