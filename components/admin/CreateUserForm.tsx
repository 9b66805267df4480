"use client";
import Link from "@/components/ui/Link";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/Field";
import { createUserAction } from "@/lib/users/actions";
import type { UserFormChoices } from "@/lib/users/queries";
import { OnceShownPassword } from "./OnceShownPassword";
import { PasswordChoice } from "./PasswordChoice";
import { ResultAlert } from "./ResultAlert";
import { campaignsFor, UserFields, type UserValues } from "./UserFields";

/** A new account; after it is created the form gives way to its first password (if generated). */
export function CreateUserForm({ choices, defaultOrgId }: { choices: UserFormChoices; defaultOrgId: string }) {
  // A new key starts a fresh form (and a fresh action state) for the next person.
  const [round, setRound] = useState(0);
  return <CreateUser key={round} choices={choices} defaultOrgId={defaultOrgId} onAnother={() => setRound((r) => r + 1)} />;
}

function CreateUser({ choices, defaultOrgId, onAnother }: { choices: UserFormChoices; defaultOrgId: string; onAnother: () => void }) {
  const t = useTranslations("users");
  const [state, action, pending] = useActionState(createUserAction, {});
  const [username, setUsername] = useState("");
  const [orgId, setOrgId] = useState(defaultOrgId);
  const [values, setValues] = useState<UserValues>({ name: "", title: "", departmentId: "", roles: [], campaignIds: [], isPrincipal: false });
  const result = state.result;
  const errors = result && !result.ok && result.error === "invalid" ? result.fieldErrors : {};

  if (result?.ok) {
    return (
      <div className="card max-w-2xl space-y-4 p-4 sm:p-6" data-testid="user-created">
        <p role="status" className="font-medium text-green-800">
          {t("created", { username })}
        </p>
        {result.data?.password ? (
          <OnceShownPassword label={t("initialPassword")} password={result.data.password} />
        ) : (
          <p className="text-sm">{t("initialPasswordTyped")}</p>
        )}
        <p className="text-sm text-slate-600">{t("mustChangeNote")}</p>
        <div className="flex flex-wrap gap-3">
          <Link href={`/admin/users/${result.data?.userId ?? ""}`} className="btn-secondary">
            {t("editThis")}
          </Link>
          <button type="button" className="btn-secondary" onClick={onAnother}>
            {t("createAnother")}
          </button>
          <Link href="/admin/users" className="btn-secondary">
            {t("backToList")}
          </Link>
        </div>
      </div>
    );
  }

  const changeOrg = (next: string) => {
    const allowed = new Set(campaignsFor(choices, next).map((c) => c.id));
    setOrgId(next);
    setValues((v) => ({ ...v, departmentId: "", campaignIds: v.campaignIds.filter((id) => allowed.has(id)) }));
  };

  return (
    <form action={action} className="card max-w-2xl space-y-5 p-4 sm:p-6" noValidate>
      <ResultAlert result={result} namespace="users" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="username" label={t("username")} hint={t("usernameHint")} errors={errors.username}>
          {(aria) => (
            <input
              {...aria}
              name="username"
              className="input"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        {choices.orgs.length > 1 ? (
          <Field id="orgId" label={t("org")} errors={errors.orgId}>
            {(aria) => (
              <select {...aria} name="orgId" className="input" value={orgId} onChange={(e) => changeOrg(e.target.value)}>
                {choices.orgs.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <div>
            <p className="label">{t("org")}</p>
            <p className="min-h-10 py-2 text-slate-800">{choices.orgs[0]?.name}</p>
            <input type="hidden" name="orgId" value={orgId} />
          </div>
        )}
      </div>
      <UserFields choices={choices} orgId={orgId} values={values} onChange={setValues} errors={errors} />
      <PasswordChoice idPrefix="new-user" label={t("initialPassword")} errors={errors.password} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? t("saving") : t("create")}
      </button>
    </form>
  );
}
