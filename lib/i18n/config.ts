// Locales: Chinese first, English on request (a cookie, so links stay the same in both).
export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";
export const LOCALE_COOKIE = "duban-locale";
export const TIME_ZONE = "Asia/Shanghai";

export function toLocale(value: string | undefined | null): Locale {
  return locales.includes(value as Locale) ? (value as Locale) : defaultLocale;
}
