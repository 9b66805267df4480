import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/lib/i18n/actions";

/** 中文 | English. A plain form, so it works before (and without) JavaScript. */
export async function LocaleSwitch({ className = "" }: { className?: string }) {
  const locale = await getLocale();
  const t = await getTranslations("shell");
  return (
    <form action={setLocale} className={`flex items-center gap-1 text-sm ${className}`} aria-label={t("language")}>
      {(
        [
          ["zh-CN", "中文"],
          ["en", "English"],
        ] as const
      ).map(([value, label]) => (
        <button
          key={value}
          name="locale"
          value={value}
          lang={value}
          aria-pressed={locale === value}
          className={`rounded px-1.5 py-1 whitespace-nowrap sm:px-2 ${locale === value ? "bg-white/20 font-semibold" : "opacity-80 hover:opacity-100"}`}
        >
          {label}
        </button>
      ))}
    </form>
  );
}
