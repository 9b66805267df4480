"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/Field";
import { FormAlert } from "@/components/ui/form";
import type { FormState } from "@/lib/form-action";
import { changePasswordAction } from "@/lib/users/actions";
import { Notice } from "@/components/ui/Notice";

type Fields = "current" | "next" | "confirm";
type ChangeState = FormState & { signInFailed?: boolean };

/**
 * Current password, then the new one twice. A change ends every session of the account (this one
 * too), so on success the browser signs in again with the new password and goes home; if that
 * fails, the person is asked to sign in.
 */
export function ChangePasswordForm({ username }: { username: string }) {
  const t = useTranslations("password");
  const router = useRouter();
  const [state, action, pending] = useActionState(async (_prev: ChangeState, formData: FormData): Promise<ChangeState> => {
    const { result } = await changePasswordAction(undefined, formData);
    if (!result?.ok) return { result };
    const signedIn = await signIn("credentials", { username, password: String(formData.get("next") ?? ""), redirect: false }).catch(() => null);
    if (!signedIn?.ok || signedIn.error) return { result, signInFailed: true };
    router.replace("/");
    router.refresh();
    return { result };
  }, {});
  const [values, setValues] = useState<Record<Fields, string>>({ current: "", next: "", confirm: "" });
  const result = state.result;
  const errors = result && !result.ok && result.error === "invalid" ? result.fieldErrors : {};
  const changed = result?.ok === true;
  const signInFailed = state.signInFailed === true;

  const field = (name: Fields, autoComplete: string, hint?: string) => (
    <Field id={name} label={t(name)} hint={hint} errors={errors[name]}>
      {(aria) => (
        <input
          {...aria}
          name={name}
          type="password"
          className="input"
          autoComplete={autoComplete}
          required
          value={values[name]}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        />
      )}
    </Field>
  );

  return (
    <form action={action} className="mt-4 space-y-4" noValidate>
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <FormAlert>
        {changed && <Notice tone="success">{signInFailed ? t("signInAgain") : t("done")}</Notice>}
        {result && !result.ok && <Notice tone="error">{t("fixFields")}</Notice>}
      </FormAlert>
      {field("current", "current-password")}
      {field("next", "new-password", t("rulesHint"))}
      {field("confirm", "new-password")}
      <button type="submit" className="btn-primary w-full" disabled={pending || changed}>
        {pending ? t("saving") : t("submit")}
      </button>
      {signInFailed && (
        <a href="/login" className="link block text-center text-sm">
          {t("toLogin")}
        </a>
      )}
    </form>
  );
}
