"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/Field";
import { FieldError } from "@/components/ui/form";
import type { Role } from "@/generated/prisma/enums";
import type { FieldErrors } from "@/lib/errors";
import type { UserFormChoices } from "@/lib/users/queries";
import { ROLES } from "@/lib/users/constants";

export interface UserValues {
  name: string;
  title: string;
  departmentId: string;
  roles: Role[];
  campaignIds: string[];
  isPrincipal: boolean;
}

/** Campaigns a person of `orgId` may lead: their organisation's plans, or for a county, its towns'. */
export function campaignsFor(choices: UserFormChoices, orgId: string) {
  const towns = new Set(choices.orgs.filter((o) => o.parentId === orgId).map((o) => o.id));
  return choices.campaigns.filter((c) => c.orgId === orgId || towns.has(c.orgId));
}

const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

/**
 * The person fields both the create and the edit form post: name, title, department, roles and the
 * campaigns they lead. Controlled, so a refused save keeps what was typed.
 */
export function UserFields({
  choices,
  orgId,
  values,
  onChange,
  errors,
  keepAdmin,
}: {
  choices: UserFormChoices;
  orgId: string;
  values: UserValues;
  onChange: (values: UserValues) => void;
  errors: FieldErrors;
  /** Editing oneself: the ADMIN role stays (it is posted, and cannot be unticked). */
  keepAdmin?: boolean;
}) {
  const t = useTranslations("users");
  const roleName = useTranslations("roles");
  const set = (patch: Partial<UserValues>) => onChange({ ...values, ...patch });
  const departments = choices.departments.filter((d) => d.orgId === orgId);
  const campaigns = campaignsFor(choices, orgId);
  const plans = [...new Map(campaigns.map((c) => [c.planId, c.planTitle])).entries()];
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label={t("name")} errors={errors.name}>
          {(aria) => <input {...aria} name="name" className="input" autoComplete="off" value={values.name} onChange={(e) => set({ name: e.target.value })} />}
        </Field>
        <Field id="title" label={t("jobTitle")} errors={errors.title}>
          {(aria) => (
            <input {...aria} name="title" className="input" autoComplete="off" value={values.title} onChange={(e) => set({ title: e.target.value })} />
          )}
        </Field>
        <Field id="departmentId" label={t("department")} errors={errors.departmentId}>
          {(aria) => (
            <select {...aria} name="departmentId" className="input" value={values.departmentId} onChange={(e) => set({ departmentId: e.target.value })}>
              <option value="">{t("noDepartment")}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      <fieldset aria-describedby={errors.roles ? "roles-error" : undefined}>
        <legend className="label">{t("roles")}</legend>
        {keepAdmin && <input type="hidden" name="roles" value="ADMIN" />}
        <ul className="grid gap-1 sm:grid-cols-2">
          {ROLES.map((role) => (
            <li key={role}>
              <label className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-1"
                  name={keepAdmin && role === "ADMIN" ? undefined : "roles"}
                  value={role}
                  checked={values.roles.includes(role)}
                  disabled={keepAdmin && role === "ADMIN"}
                  onChange={(e) => set({ roles: toggle(values.roles, role, e.target.checked) })}
                />
                <span>
                  {roleName(role)}
                  <span className="block text-xs text-slate-500">{t(`roleHints.${role}`)}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {keepAdmin && <p className="mt-1 text-xs text-slate-500">{t("keepOwnAdminHint")}</p>}
        <FieldError id="roles-error" messages={errors.roles} />
      </fieldset>

      <div>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            name="isPrincipal"
            checked={values.isPrincipal}
            onChange={(e) => set({ isPrincipal: e.target.checked })}
            aria-describedby={errors.isPrincipal ? "isPrincipal-error isPrincipal-hint" : "isPrincipal-hint"}
            aria-invalid={errors.isPrincipal ? true : undefined}
          />
          {t("isPrincipal")}
        </label>
        <p id="isPrincipal-hint" className="mt-1 ml-6 text-xs text-slate-500">
          {t("isPrincipalHint")}
        </p>
        <FieldError id="isPrincipal-error" messages={errors.isPrincipal} />
      </div>

      <fieldset aria-describedby={errors.campaignIds ? "campaignIds-error campaigns-hint" : "campaigns-hint"}>
        <legend className="label">{t("campaigns")}</legend>
        <p id="campaigns-hint" className="mb-2 text-xs text-slate-500">
          {t("campaignsHint")}
        </p>
        {plans.length === 0 && <p className="text-sm text-slate-500">{t("noCampaigns")}</p>}
        {plans.map(([planId, planTitle]) => (
          <div key={planId} className="mb-2">
            <p className="text-sm font-medium text-slate-700">{planTitle}</p>
            <ul className="grid gap-1 sm:grid-cols-2">
              {campaigns
                .filter((c) => c.planId === planId)
                .map((c) => (
                  <li key={c.id}>
                    <label className="flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        name="campaignIds"
                        value={c.id}
                        checked={values.campaignIds.includes(c.id)}
                        onChange={(e) => set({ campaignIds: toggle(values.campaignIds, c.id, e.target.checked) })}
                      />
                      {c.number}. {c.name}
                    </label>
                  </li>
                ))}
            </ul>
          </div>
        ))}
        <FieldError id="campaignIds-error" messages={errors.campaignIds} />
      </fieldset>
    </>
  );
}
