"use client";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/Notice";

/** A generated password, shown to the admin this once (it is stored only as a hash). */
export function OnceShownPassword({ label, password }: { label: string; password: string }) {
  const t = useTranslations("password");
  return (
    <Notice tone="warning" role="note">
      <p>{label}</p>
      <p className="mt-1">
        <code data-testid="once-password" className="select-all rounded bg-white px-2 py-1 font-mono text-lg tracking-wider">
          {password}
        </code>
      </p>
      <p className="mt-2">{t("shownOnce")}</p>
    </Notice>
  );
}
