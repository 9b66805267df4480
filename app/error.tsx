"use client";
import { useTranslations } from "next-intl";

/** Unexpected errors: a generic message (the details are in the server log, keyed by digest). */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("errorTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("error")}</p>
      {error.digest && <p className="mt-2 font-mono text-xs text-slate-500">{error.digest}</p>}
      <button type="button" onClick={reset} className="btn-primary mt-6">
        {t("retry")}
      </button>
    </main>
  );
}
