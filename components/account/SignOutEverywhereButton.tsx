"use client";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { signOutEverywhereAction } from "@/lib/auth/actions";

/** Ends every session of the person, this one included; the server then sends them to the sign-in page. */
export function SignOutEverywhereButton() {
  const t = useTranslations("account");
  return (
    <form action={signOutEverywhereAction} className="space-y-2">
      <p className="text-sm text-slate-600">{t("signOutEverywhereHint")}</p>
      <SubmitButton className="btn-secondary" pendingLabel={t("signingOut")}>
        {t("signOutEverywhere")}
      </SubmitButton>
    </form>
  );
}
