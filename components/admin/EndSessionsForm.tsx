"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form";
import { endUserSessionsAction } from "@/lib/auth/actions";

/** An admin signs a person out on every device (e.g. a lost phone, someone leaving). */
export function EndSessionsForm({ userId }: { userId: string }) {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(endUserSessionsAction, null);
  const result = state?.result;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <FormAlert>
        {result?.ok && <p className="text-sm text-green-800">{t("endSessionsDone", { ended: result.data?.ended ?? 0 })}</p>}
        {result && !result.ok && (
          <p role="alert" className="field-error">
            {t(result.error === "forbidden" ? "forbidden" : "notFound")}
          </p>
        )}
      </FormAlert>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("endSessions")}
      </button>
    </form>
  );
}
