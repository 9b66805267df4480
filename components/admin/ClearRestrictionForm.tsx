"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form";
import { clearRestrictionAction } from "@/lib/auth/actions";

export function ClearRestrictionForm({ restrictionKey, what }: { restrictionKey: string; what: string }) {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(clearRestrictionAction, null);
  const result = state?.result;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="key" value={restrictionKey} />
      <button type="submit" className="btn-secondary min-h-8 px-3" disabled={pending || result?.ok} aria-label={t("clearLabel", { what })}>
        {t("clear")}
      </button>
      <FormAlert>
        {result?.ok && <span className="text-sm text-green-800">{t("cleared")}</span>}
        {result && !result.ok && (
          <span role="alert" className="field-error">
            {t(result.error === "forbidden" ? "forbidden" : "notFound")}
          </span>
        )}
      </FormAlert>
    </form>
  );
}
