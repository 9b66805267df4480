"use client";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form";
import type { ActionResult } from "@/lib/errors";

/** The form-level outcome of a user or department write: saved, someone else's edit, refused. */
export function ResultAlert({ result, namespace, saved }: { result?: ActionResult<unknown>; namespace: "users" | "departments"; saved?: string }) {
  const t = useTranslations(namespace);
  let message: React.ReactNode = null;
  if (result?.ok && saved) message = <p className="text-sm text-green-800">{saved}</p>;
  else if (result && !result.ok) {
    const key = result.error === "invalid" ? "fixFields" : result.error === "locked" ? "inUseRefused" : result.error;
    message = (
      <p role="alert" className="field-error" data-testid="form-alert">
        {t(key)}
      </p>
    );
  }
  return <FormAlert>{message}</FormAlert>;
}
