"use client";
import Link from "@/components/ui/Link";
import { useTranslations } from "next-intl";
import { FormResult } from "@/components/ui/FormResult";
import type { Saved } from "@/lib/errors";

/** The plan-keeping forms' outcome of a refused save: fields to fix, someone else's edit, or no access. */
export function FormStatus({ result }: { result?: Saved }) {
  const t = useTranslations("planAdmin");
  return <FormResult result={result} refused={{ invalid: t("fixFields"), conflict: t("conflict"), forbidden: t("forbidden"), notFound: t("notFound") }} />;
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
