import { getTranslations } from "next-intl/server";

/**
 * What a slow page shows while its content streams in: the page's outline, grey and pulsing, and the
 * words "正在加载" for screen readers. Pages decide who may see them before this is sent (see
 * docs/architecture.md, "Loading states"), so a refusal still answers 403/404.
 */
export async function PageSkeleton({ blocks = 3, table = false }: { blocks?: number; table?: boolean }) {
  const t = await getTranslations("shell");
  return (
    <div role="status" aria-busy="true" className="motion-safe:animate-pulse" data-testid="page-loading">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden="true">
        <div className="mb-2 h-4 w-40 rounded bg-slate-200" />
        <div className="mb-2 h-8 w-2/3 max-w-xl rounded bg-slate-300" />
        <div className="mb-6 h-4 w-1/2 max-w-md rounded bg-slate-200" />
        {table && (
          <div className="card mb-4 space-y-3 p-4">
            {Array.from({ length: 6 }, (_, i) => (
              <div key={i} className="flex items-center gap-3">
                <div className="size-4 shrink-0 rounded-full bg-slate-300" />
                <div className="h-4 flex-1 rounded bg-slate-200" />
                <div className="h-4 w-16 rounded bg-slate-200 max-sm:hidden" />
              </div>
            ))}
          </div>
        )}
        {Array.from({ length: blocks }, (_, i) => (
          <div key={i} className="card mb-4 space-y-2 p-4">
            <div className="h-5 w-1/3 rounded bg-slate-300" />
            <div className="h-4 w-full rounded bg-slate-200" />
            <div className="h-4 w-5/6 rounded bg-slate-200" />
          </div>
        ))}
      </div>
    </div>
  );
}
