"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { resetPasswordAction } from "@/lib/users/actions";
import { OnceShownPassword } from "./OnceShownPassword";
import { PasswordChoice } from "./PasswordChoice";
import { ResultAlert } from "./ResultAlert";

/** Sets a temporary password: the person's sessions end and they must change it at sign-in. */
export function ResetPasswordForm({ userId, username }: { userId: string; username: string }) {
  const t = useTranslations("users");
  const [state, action, pending] = useActionState(resetPasswordAction, {});
  const result = state.result;
  const errors = result && !result.ok && result.error === "invalid" ? result.fieldErrors : {};
  return (
    <form action={action} className="card space-y-4 p-4 sm:p-6" noValidate aria-labelledby="reset-heading">
      <h2 id="reset-heading" className="text-lg font-semibold">
        {t("resetTitle")}
      </h2>
      <p className="text-sm text-slate-600">{t("resetHint", { username })}</p>
      <input type="hidden" name="userId" value={userId} />
      <ResultAlert result={result} namespace="users" saved={t("resetDone")} />
      {result?.ok && result.data?.password && <OnceShownPassword label={t("temporaryPassword")} password={result.data.password} />}
      <PasswordChoice idPrefix="reset" label={t("temporaryPassword")} errors={errors.password} />
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("reset")}
      </button>
    </form>
  );
}
