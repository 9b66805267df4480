"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FieldError } from "@/components/ui/form";
import { deleteDepartmentAction, renameDepartmentAction } from "@/lib/departments/actions";
import type { DepartmentRow } from "@/lib/departments/queries";
import { ResultAlert } from "./ResultAlert";

/** The departments, each renamable in place; one nobody refers to can be deleted. */
export function DepartmentList({ rows, showOrg }: { rows: DepartmentRow[]; showOrg: boolean }) {
  const t = useTranslations("departments");
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <div className="card overflow-x-auto">
      <table className="stack-table">
        <caption className="sr-only">{t("title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            {showOrg && <th scope="col">{t("org")}</th>}
            <th scope="col">{t("users")}</th>
            <th scope="col">{t("campaigns")}</th>
            <th scope="col">{t("actions")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={`${d.id}-${d.version}`} data-testid="department-row">
              <td data-label={t("name")}>
                <RenameForm row={d} />
              </td>
              {showOrg && <td data-label={t("org")}>{d.orgName}</td>}
              <td data-label={t("users")} className="num">
                {d.users}
              </td>
              <td data-label={t("campaigns")} className="num">
                {d.campaigns}
              </td>
              <td data-label={t("actions")}>
                {d.users + d.campaigns > 0 ? <span className="text-xs text-slate-500">{t("inUse")}</span> : <DeleteForm row={d} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RenameForm({ row }: { row: DepartmentRow }) {
  const t = useTranslations("departments");
  const [state, action, pending] = useActionState(renameDepartmentAction, {});
  const [name, setName] = useState(row.name);
  const result = state.result;
  const errors = result && !result.ok && result.error === "invalid" ? result.fieldErrors : {};
  const inputId = `department-${row.id}`;
  return (
    <form action={action} className="min-w-56" noValidate>
      <input type="hidden" name="departmentId" value={row.id} />
      <input type="hidden" name="version" value={row.version} />
      <div className="flex gap-2">
        <label htmlFor={inputId} className="sr-only">
          {t("renameLabel", { name: row.name })}
        </label>
        <input
          id={inputId}
          name="name"
          className="input"
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? `${inputId}-error` : undefined}
        />
        <button type="submit" className="btn-secondary shrink-0" disabled={pending || name.trim() === row.name}>
          {t("rename")}
        </button>
      </div>
      <FieldError id={`${inputId}-error`} messages={errors.name} />
      {result && !result.ok && result.error !== "invalid" && <ResultAlert result={result} namespace="departments" />}
    </form>
  );
}

function DeleteForm({ row }: { row: DepartmentRow }) {
  const t = useTranslations("departments");
  const [state, action, pending] = useActionState(deleteDepartmentAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="departmentId" value={row.id} />
      <input type="hidden" name="version" value={row.version} />
      <button type="submit" className="btn-secondary min-h-8 px-3" disabled={pending} aria-label={t("deleteLabel", { name: row.name })}>
        {t("delete")}
      </button>
      <ResultAlert result={state.result} namespace="departments" />
    </form>
  );
}
