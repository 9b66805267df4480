"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { verifySummaryAction } from "@/lib/summary/actions";

/** 核对: makes the archived summary again as it was and says whether the bytes are the same. */
export function VerifyArchiveButton({ id }: { id: string }) {
  const t = useTranslations("export");
  const [result, action, pending] = useActionState(verifySummaryAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="btn-secondary min-h-8 px-3 text-xs" disabled={pending}>
        {pending ? t("verifying") : t("verify")}
      </button>
      <span aria-live="polite" className="text-xs" data-testid="verify-result">
        {result?.ok &&
          result.data &&
          (result.data.same ? <span className="text-green-800">✓ {t("verifySame")}</span> : <span className="text-red-800">✗ {t("verifyDifferent")}</span>)}
        {result && !result.ok && <span className="text-red-800">{t("verifyFailed")}</span>}
      </span>
    </form>
  );
}
