"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { decidePlanChangeAction } from "@/lib/plans/history/actions";

/** Approve or reject one change of targets waiting for the leader, with an optional note (the reason, if it reaches back). */
export function DecidePlanChange({ versionId, name }: { versionId: string; name: string }) {
  const t = useTranslations("planChanges");
  const [state, action, pending] = useActionState(decidePlanChangeAction, null);
  const result = state?.result;
  const noteError = result && !result.ok && result.error === "invalid" ? result.fieldErrors.note?.[0] : undefined;
  return (
    <form action={action} className="mt-2 flex flex-wrap items-end gap-2">
      <input type="hidden" name="versionId" value={versionId} />
      <label className="text-sm">
        <span className="label">{t("note")}</span>
        <input name="note" className="input w-64" aria-invalid={noteError ? true : undefined} aria-describedby={noteError ? `note-${versionId}` : undefined} />
      </label>
      <button type="submit" name="decision" value="approve" className="btn-primary" disabled={pending} aria-label={`${t("approve")} ${name}`}>
        {t("approve")}
      </button>
      <button type="submit" name="decision" value="reject" className="btn-secondary" disabled={pending} aria-label={`${t("reject")} ${name}`}>
        {t("reject")}
      </button>
      <span aria-live="polite" className="text-sm" id={`note-${versionId}`}>
        {result?.ok && <span className="text-green-800">{result.data?.status === "IN_FORCE" ? t("approved") : t("rejected")}</span>}
        {noteError && <span className="text-red-800">{t("noteRequired")}</span>}
        {result && !result.ok && result.error !== "invalid" && <span className="text-red-800">{t("failed")}</span>}
      </span>
    </form>
  );
}
