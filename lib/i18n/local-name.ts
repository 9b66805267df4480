// The one choice between a record's Chinese and English name: the English one in English where it
// was given, the Chinese one otherwise (every record has a Chinese name; an English one is optional).
// Pure, for server and client components alike.

/** A campaign's, indicator's, organisation's or department's name in the locale. */
export function localName(record: { name: string; nameEn?: string | null }, locale: string): string {
  return locale === "en" && record.nameEn ? record.nameEn : record.name;
}

/** A plan's title in the locale. */
export function localTitle(record: { title: string; titleEn?: string | null }, locale: string): string {
  return locale === "en" && record.titleEn ? record.titleEn : record.title;
}
