"use client";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/Notice";

const time = (d: Date) => d.toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** Where the report stands as its lead types: offline, not saved yet, saved at (all but N fields). Announced politely. */
export function SaveStatus({ offline, dirty, savedAt, errorCount }: { offline: boolean; dirty: boolean; savedAt: Date | null; errorCount: number }) {
  const t = useTranslations("report");
  return (
    <div id="report-status" className="text-sm text-slate-600" aria-live="polite">
      {offline ? (
        <span className="font-medium text-orange-800">{t("offline")}</span>
      ) : dirty ? (
        t("unsaved")
      ) : savedAt ? (
        errorCount > 0 ? (
          <span className="font-medium text-red-800">{t("savedExcept", { time: time(savedAt), count: errorCount })}</span>
        ) : (
          t("savedAt", { time: time(savedAt) })
        )
      ) : null}
    </div>
  );
}

/** A copy kept on this device that the server has not got (typed offline, or refused): restore it or let it go. */
export function LocalCopyNotice({ onRestore, onDiscard }: { onRestore: () => void; onDiscard: () => void }) {
  const t = useTranslations("report");
  return (
    <Notice tone="info" className="flex flex-wrap items-center gap-3">
      <span>{t("localCopy")}</span>
      <button type="button" className="btn-secondary min-h-8 px-3" onClick={onRestore}>
        {t("restore")}
      </button>
      <button type="button" className="link" onClick={onDiscard}>
        {t("discard")}
      </button>
    </Notice>
  );
}
