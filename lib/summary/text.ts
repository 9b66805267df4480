// The words of a summary file, from the message catalogue (namespace "summary"), outside React:
// exports are built in route handlers and tests, not in components.
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

export interface SummaryText {
  locale: Locale;
  t: (key: string, values?: Record<string, string | number>) => string;
}

export function summaryText(locale: Locale): SummaryText {
  const messages = locale === "en" ? en : zh;
  const translate = createTranslator({ locale, messages, namespace: "summary" });
  return { locale, t: (key, values) => translate(key as never, values as never) };
}
