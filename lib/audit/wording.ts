// The audit wording outside React (the export is built in a route handler, the search in a query),
// straight from the message catalogue.
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { actionsMatching, type AuditWords, type RootTranslator } from "./describe";

const translators = new Map<Locale, RootTranslator>();

export function auditTranslator(locale: Locale): RootTranslator {
  const cached = translators.get(locale);
  if (cached) return cached;
  const translate = createTranslator({ locale, messages: locale === "en" ? en : zh });
  const t = Object.assign((key: string, values?: Record<string, string | number>) => translate(key as never, values as never), {
    has: (key: string) => translate.has(key as never),
  });
  translators.set(locale, t);
  return t;
}

export function auditWords(locale: Locale, names: Record<string, string> = {}, limit?: number): AuditWords {
  return { t: auditTranslator(locale), locale, names, limit };
}

/** Every action the catalogue has words for, as its code ("report_submit" → "report.submit"; codes have no underscores). */
const NAMED_ACTIONS = [...new Set([...Object.keys(zh.audit.actions), ...Object.keys(zh.auditLog.actions)])].map((k) => k.replace(/_/g, "."));

/** The actions a free-text search means by their words, in Chinese or English. */
export function actionsNamed(text: string): string[] {
  return actionsMatching(text, [auditTranslator("zh-CN"), auditTranslator("en")], NAMED_ACTIONS);
}
