"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form";
import type { Saved } from "@/lib/errors";

/** The form-level outcome of a refused save: fields to fix, someone else's edit, or no access. */
export function FormStatus({ result }: { result?: Saved }) {
  const t = useTranslations("planAdmin");
  let message: React.ReactNode = null;
  if (result && !result.ok) {
    const conflict = result.error === "conflict";
    const key = result.error === "invalid" ? "fixFields" : conflict ? "conflict" : result.error === "forbidden" ? "forbidden" : "notFound";
    message = (
      <p
        role="alert"
        data-testid={conflict ? "conflict" : "form-alert"}
        className={conflict ? "rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900" : "field-error"}
      >
        {t(key)}
      </p>
    );
  }
  return <FormAlert>{message}</FormAlert>;
}

/** Save (or, after a conflict, save knowingly) and cancel. */
export function FormButtons({ pending, conflict, cancelHref }: { pending: boolean; conflict: boolean; cancelHref: string }) {
  const t = useTranslations("planAdmin");
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? t("saving") : conflict ? t("saveAnyway") : t("save")}
      </button>
      <Link href={cancelHref} className="btn-secondary">
        {t("cancel")}
      </Link>
    </div>
  );
}
