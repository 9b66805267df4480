// The audit viewer's filters: a plain GET form, so the filters land in the URL and a filtered
// view can be shared as a link. Works without JavaScript.
import Link from "@/components/ui/Link";
import { getTranslations } from "next-intl/server";
import { actionText, entityText } from "@/lib/audit/describe";
import type { AuditFilterOptions } from "@/lib/audit/queries";
import type { AuditFilterKey } from "@/lib/audit/schemas";
import type { FieldErrors } from "@/lib/errors";

type Values = Partial<Record<AuditFilterKey, string>>;

type Aria = { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string };

function Control({
  name,
  label,
  hint,
  errors,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (aria: Aria) => React.ReactNode;
}) {
  const errorId = `audit-${name}-error`;
  const hintId = `audit-${name}-hint`;
  const describedBy = [errors?.length ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={`audit-${name}`} className="label">
        {label}
      </label>
      {children({ id: `audit-${name}`, name, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={errorId} className="field-error">
          {errors.join("；")}
        </p>
      ) : null}
    </div>
  );
}

export async function AuditFilterForm({ values, options, fieldErrors = {} }: { values: Values; options: AuditFilterOptions; fieldErrors?: FieldErrors }) {
  const [t, root] = await Promise.all([getTranslations("auditLog"), getTranslations()]);
  const errors = (name: string) => fieldErrors[name]?.map((key) => (root.has(key) ? root(key) : t("invalidFilter")));
  const select = (name: AuditFilterKey, label: string, any: string, choices: { value: string; label: string }[]) => (
    <Control name={name} label={label} errors={errors(name)}>
      {(aria) => (
        <select {...aria} className="input" defaultValue={values[name] ?? ""}>
          <option value="">{any}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Control>
  );
  return (
    <form method="get" action="/admin/audit" className="card mb-4 p-4" role="search" aria-label={t("filters")}>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {select(
          "actor",
          t("person"),
          t("anyPerson"),
          options.people.map((p) => ({ value: p.id, label: `${p.name}（${p.username}）` })),
        )}
        {select(
          "campaign",
          t("campaign"),
          t("anyCampaign"),
          options.campaigns.map((c) => ({ value: c.id, label: t("campaignOption", { year: c.year, number: c.number, name: c.name }) })),
        )}
        {select(
          "entity",
          t("entity"),
          t("anyEntity"),
          options.entityTypes.map((e) => ({ value: e, label: entityText(root, e) })),
        )}
        {select(
          "action",
          t("action"),
          t("anyAction"),
          options.actions.map((a) => ({ value: a, label: actionText(root, a) })),
        )}
        <Control name="from" label={t("from")} errors={errors("from")}>
          {(aria) => <input {...aria} type="date" className="input" defaultValue={values.from ?? ""} />}
        </Control>
        <Control name="to" label={t("to")} errors={errors("to")}>
          {(aria) => <input {...aria} type="date" className="input" defaultValue={values.to ?? ""} />}
        </Control>
        <Control name="q" label={t("text")} hint={t("textHint")} errors={errors("q")}>
          {(aria) => <input {...aria} type="search" className="input" maxLength={100} defaultValue={values.q ?? ""} />}
        </Control>
        <div className="flex items-end gap-2">
          <button type="submit" className="btn-primary">
            {t("apply")}
          </button>
          <Link href="/admin/audit" className="btn-secondary">
            {t("reset")}
          </Link>
        </div>
      </div>
    </form>
  );
}
