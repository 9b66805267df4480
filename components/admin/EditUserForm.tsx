"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { editUserAction } from "@/lib/users/actions";
import type { UserFormChoices } from "@/lib/users/queries";
import { ResultAlert } from "./ResultAlert";
import { UserFields, type UserValues } from "./UserFields";

/**
 * Name, title, department, roles, campaigns led. Posts the version it was loaded with: if someone
 * else saved meanwhile, nothing is overwritten and the admin is told to reload.
 */
export function EditUserForm({
  userId,
  orgId,
  version,
  initial,
  choices,
  self,
}: {
  userId: string;
  orgId: string;
  version: number;
  initial: UserValues;
  choices: UserFormChoices;
  self: boolean;
}) {
  const t = useTranslations("users");
  const [state, action, pending] = useActionState(editUserAction, {});
  const [values, setValues] = useState(initial);
  const result = state.result;
  const errors = result && !result.ok && result.error === "invalid" ? result.fieldErrors : {};
  return (
    <form action={action} className="card space-y-5 p-4 sm:p-6" noValidate aria-labelledby="edit-user-heading">
      <h2 id="edit-user-heading" className="text-lg font-semibold">
        {t("profile")}
      </h2>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <ResultAlert result={result} namespace="users" saved={t("saved")} />
      <UserFields choices={choices} orgId={orgId} values={values} onChange={setValues} errors={errors} keepAdmin={self} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
