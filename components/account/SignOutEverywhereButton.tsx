"use client";
import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";
import { signOutEverywhereAction } from "@/lib/auth/actions";

function Submit() {
  const t = useTranslations("account");
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="btn-secondary" disabled={pending}>
      {pending ? t("signingOut") : t("signOutEverywhere")}
    </button>
  );
}

/** Ends every session of the person, this one included; the server then sends them to the sign-in page. */
export function SignOutEverywhereButton() {
  const t = useTranslations("account");
  return (
    <form action={signOutEverywhereAction} className="space-y-2">
      <p className="text-sm text-slate-600">{t("signOutEverywhereHint")}</p>
      <Submit />
    </form>
  );
}
