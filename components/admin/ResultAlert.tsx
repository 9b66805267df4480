"use client";
import { useTranslations } from "next-intl";
import { FormResult } from "@/components/ui/FormResult";
import type { ActionResult } from "@/lib/errors";

/** The outcome of a user or department write, in the words of its namespace. */
export function ResultAlert({ result, namespace, saved }: { result?: ActionResult<unknown>; namespace: "users" | "departments"; saved?: string }) {
  // client namespaces: users departments
  const t = useTranslations(namespace);
  const said = (key: string) => (t.has(key) ? t(key) : undefined);
  return (
    <FormResult
      result={result}
      saved={saved}
      refused={{
        invalid: said("fixFields"),
        conflict: said("conflict"),
        forbidden: said("forbidden"),
        notFound: said("notFound"),
        locked: said("inUseRefused"),
      }}
    />
  );
}
