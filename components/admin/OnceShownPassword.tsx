"use client";
import { useTranslations } from "next-intl";

/** A generated password, shown to the admin this once (it is stored only as a hash). */
export function OnceShownPassword({ label, password }: { label: string; password: string }) {
  const t = useTranslations("password");
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p>{label}</p>
      <p className="mt-1">
        <code data-testid="once-password" className="select-all rounded bg-white px-2 py-1 font-mono text-lg tracking-wider">
          {password}
        </code>
      </p>
      <p className="mt-2">{t("shownOnce")}</p>
    </div>
  );
}
