import { getTranslations } from "next-intl/server";

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
  return (
    <div role="note" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      {t("banner")}
    </div>
  );
}
