import { getTranslations } from "next-intl/server";
import { Notice } from "./Notice";

/** Marks figures and records that are sample data, not from the source (the demo plan). */
export async function SampleBadge({ className = "" }: { className?: string }) {
  const t = await getTranslations("sample");
  return (
    <span title={t("tooltip")} className={`ml-1 inline-block rounded border border-amber-300 bg-amber-50 px-1 text-xs font-normal text-amber-800 ${className}`}>
      {t("badge")}
    </span>
  );
}

export async function SampleBanner() {
  const t = await getTranslations("sample");
  // On a phone, one line that opens: the page's own content belongs on the first screen.
  return (
    <>
      <Notice tone="warning" role="note" className="mb-4 max-sm:hidden">
        {t("banner")}
      </Notice>
      <details className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-900 sm:hidden">
        <summary className="cursor-pointer">{t("bannerShort")}</summary>
        <p className="mt-1">{t("banner")}</p>
      </details>
    </>
  );
}
