"use client";
import { useTranslations } from "next-intl";

/** Field errors arrive as catalogue keys (validation.*); shown under the field and announced. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  const t = useTranslations();
  if (!messages?.length) return null;
  return (
    <p id={id} className="field-error">
      {messages.map((m) => (t.has(m) ? t(m) : t("validation.invalid"))).join("；")}
    </p>
  );
}

/** A polite live region for form-level messages (conflicts, refusals). */
export function FormAlert({ children }: { children: React.ReactNode }) {
  return <div aria-live="polite">{children}</div>;
}
