"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { endUserSessionsAction } from "@/lib/auth/actions";
import { FormResult } from "@/components/ui/FormResult";
import { SubmitButton } from "@/components/ui/SubmitButton";

/** An admin signs a person out on every device (e.g. a lost phone, someone leaving). */
export function EndSessionsForm({ userId }: { userId: string }) {
  const t = useTranslations("account");
  const [state, action] = useActionState(endUserSessionsAction, null);
  const result = state?.result;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <FormResult
        result={result}
        saved={result?.ok && t("endSessionsDone", { ended: result.data?.ended ?? 0 })}
        refused={{ forbidden: t("forbidden"), notFound: t("notFound"), invalid: t("notFound"), conflict: t("notFound"), locked: t("notFound") }}
      />
      <SubmitButton className="btn-secondary">{t("endSessions")}</SubmitButton>
    </form>
  );
}
