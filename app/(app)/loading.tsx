import { getTranslations } from "next-intl/server";

/** While a signed-in page is read: the shape of a page, so the screen is never blank (shown by Next between navigations). */
export default async function Loading() {
  const t = await getTranslations("shell");
  return (
    <div role="status" aria-live="polite" className="animate-pulse" data-testid="page-loading">
      <span className="sr-only">{t("loading")}</span>
      <div className="mb-2 h-4 w-40 rounded bg-slate-200" />
      <div className="mb-6 h-7 w-72 max-w-full rounded bg-slate-200" />
      <div className="card space-y-3 p-4">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex items-center gap-3">
            <div className="h-3 w-3 rounded-full bg-slate-200" />
            <div className="h-4 flex-1 rounded bg-slate-100" />
          </div>
        ))}
      </div>
    </div>
  );
}
