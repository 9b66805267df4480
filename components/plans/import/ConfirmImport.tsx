"use client";
import Link from "@/components/ui/Link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { FormAlert } from "@/components/ui/form";
import type { FormState } from "@/lib/form-action";
import { confirmImportAction } from "@/lib/plans/import/actions";
import type { Applied } from "@/lib/plans/import/apply";
import { Notice } from "@/components/ui/Notice";

interface Props {
  storageKey: string;
  sha256: string;
  fileName: string;
  /** The dry run's fingerprint: the import is refused when the plan no longer gives the same one. */
  fingerprint: string;
}

/** The one confirm under the dry run, and what came of it. */
export function ConfirmImport({ storageKey, sha256, fileName, fingerprint }: Props) {
  const t = useTranslations("planImport");
  const router = useRouter();
  const [state, action, pending] = useActionState<FormState<Applied>, FormData>(confirmImportAction, {});
  const result = state.result;
  const done = result?.ok ? result.data : undefined;
  const conflict = !!result && !result.ok && result.error === "conflict";
  const fileKey = result && !result.ok && result.error === "invalid" ? result.fieldErrors.file?.[0] : undefined;

  // After an import or a refusal for a changed plan, check the file again against the plan as it is now.
  useEffect(() => {
    if (done || conflict) router.refresh();
  }, [done, conflict, router]);

  return (
    <form action={action} className="mt-4 space-y-3" noValidate>
      <input type="hidden" name="storageKey" value={storageKey} />
      <input type="hidden" name="sha256" value={sha256} />
      <input type="hidden" name="fileName" value={fileName} />
      <input type="hidden" name="fingerprint" value={fingerprint} />
      <FormAlert>
        {done && (
          <Notice tone="success" testId="import-result">
            <p>{done.created + done.updated > 0 ? t("applied", { created: done.created, updated: done.updated }) : t("nothingApplied")}</p>
            {done.planId && (
              <p className="mt-2 flex flex-wrap gap-3">
                <Link href={`/plans/${done.planId}`} className="link">
                  {t("openPlan")}
                </Link>
                <Link href={`/plans/${done.planId}/board`} className="link">
                  {t("openBoard")}
                </Link>
              </p>
            )}
          </Notice>
        )}
        {conflict && (
          <Notice tone="warning" testId="import-conflict">
            {t("conflict")}
          </Notice>
        )}
        {fileKey && <Notice tone="error">{fileKey === "planImport.hasErrors" ? t("hasErrors") : t("fileGone")}</Notice>}
        {result && !result.ok && (result.error === "notFound" || result.error === "forbidden") && <Notice tone="error">{t("notAllowed")}</Notice>}
      </FormAlert>
      {!done && (
        <>
          <p className="text-sm text-slate-600">{t("confirmHint")}</p>
          <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
            {pending ? t("confirming") : t("confirm")}
          </button>
        </>
      )}
    </form>
  );
}
