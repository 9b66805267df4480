"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/Field";
import { createDepartmentAction } from "@/lib/departments/actions";
import { ResultAlert } from "./ResultAlert";

export function DepartmentCreateForm({ orgs, defaultOrgId }: { orgs: { id: string; name: string }[]; defaultOrgId: string }) {
  const t = useTranslations("departments");
  const [state, action, pending] = useActionState(createDepartmentAction, {});
  const [orgId, setOrgId] = useState(defaultOrgId);
  const [name, setName] = useState("");
  const result = state.result;
  const errors = result && !result.ok && result.error === "invalid" ? result.fieldErrors : {};
  // Cleared after a successful add (the list shows it), kept after a refusal.
  const [savedFor, setSavedFor] = useState(result);
  if (result !== savedFor) {
    setSavedFor(result);
    if (result?.ok) setName("");
  }
  return (
    <form action={action} className="card space-y-3 p-4 sm:p-6" noValidate aria-labelledby="add-department">
      <h2 id="add-department" className="text-lg font-semibold">
        {t("add")}
      </h2>
      <ResultAlert result={result} namespace="departments" saved={t("created")} />
      <div className="flex flex-wrap items-end gap-3">
        {orgs.length > 1 ? (
          <Field id="department-org" label={t("org")} errors={errors.orgId}>
            {(aria) => (
              <select {...aria} name="orgId" className="input" value={orgId} onChange={(e) => setOrgId(e.target.value)}>
                {orgs.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <input type="hidden" name="orgId" value={orgId} />
        )}
        <Field id="department-name" label={t("name")} errors={errors.name} className="min-w-48 flex-1">
          {(aria) => <input {...aria} name="name" className="input" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <button type="submit" className="btn-primary" disabled={pending}>
          {t("create")}
        </button>
      </div>
    </form>
  );
}
