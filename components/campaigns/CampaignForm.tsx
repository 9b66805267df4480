"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { FormState } from "@/lib/form-action";
import { createCampaignAction, updateCampaignAction } from "@/lib/campaigns/actions";
import type { CampaignChoices } from "@/lib/plans/edit-queries";
import { formView, type FormValues } from "@/components/ui/form-state";
import { FormButtons, FormStatus } from "@/components/ui/FormStatus";
import { CheckboxGroup, SelectField, TextArea, TextField } from "@/components/ui/inputs";

type Props = {
  choices: CampaignChoices;
  year: number;
  initial: FormValues;
  cancelHref: string;
} & ({ mode: "create"; planId: string } | { mode: "edit"; campaignId: string; version: number });

const personLabel = (p: { name: string; title: string | null }) => (p.title ? `${p.name}（${p.title}）` : p.name);

/** A campaign: number and names, lead and cooperating departments, leading official, leads, dates. */
export function CampaignForm(props: Props) {
  const t = useTranslations("planAdmin.campaign");
  const common = useTranslations("planAdmin");
  const [state, action, pending] = useActionState<FormState<{ id: string }>, FormData>(
    props.mode === "create" ? createCampaignAction : updateCampaignAction,
    {},
  );
  const view = formView(state, props.initial, props.mode === "edit" ? props.version : undefined);
  const { errors, text, list } = view;
  const departments = props.choices.departments.map((d) => ({ value: d.id, label: d.name }));
  const datesHint = t("datesHint", { year: props.year });

  return (
    <form action={action} className="card space-y-5 p-4 sm:p-6" noValidate key={view.key}>
      {props.mode === "create" ? (
        <input type="hidden" name="planId" value={props.planId} />
      ) : (
        <>
          <input type="hidden" name="campaignId" value={props.campaignId} />
          <input type="hidden" name="version" value={view.version} />
        </>
      )}
      <FormStatus result={view.result} />
      <div className="grid gap-4 sm:grid-cols-4">
        <TextField name="number" label={t("number")} errors={errors} defaultValue={text("number")} inputMode="numeric" />
        <TextField name="name" label={t("name")} errors={errors} defaultValue={text("name")} className="sm:col-span-3" />
      </div>
      <TextField name="nameEn" label={t("nameEn")} errors={errors} defaultValue={text("nameEn")} />
      <TextArea name="description" label={t("description")} errors={errors} defaultValue={text("description")} rows={3} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="leadDepartmentId"
          label={t("leadDepartment")}
          errors={errors}
          defaultValue={text("leadDepartmentId")}
          options={departments}
          empty={common("none")}
        />
        <SelectField
          name="leadingOfficialId"
          label={t("leadingOfficial")}
          errors={errors}
          defaultValue={text("leadingOfficialId")}
          options={props.choices.leaders.map((p) => ({ value: p.id, label: personLabel(p) }))}
          empty={common("none")}
        />
      </div>
      <SelectField
        name="reviewerId"
        label={t("reviewer")}
        hint={t("reviewerHint")}
        errors={errors}
        defaultValue={text("reviewerId")}
        options={props.choices.leaders.map((p) => ({ value: p.id, label: personLabel(p) }))}
        empty={common("none")}
      />
      <CheckboxGroup
        name="cooperatingIds"
        label={t("cooperating")}
        errors={errors}
        checked={list("cooperatingIds")}
        options={departments}
        empty={t("noDepartments")}
      />
      <CheckboxGroup
        name="leadIds"
        label={t("leads")}
        hint={t("leadsHint")}
        errors={errors}
        checked={list("leadIds")}
        options={props.choices.leads.map((p) => ({ value: p.id, label: personLabel(p) }))}
        empty={t("noLeads")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="startDate" type="date" label={t("startDate")} hint={datesHint} errors={errors} defaultValue={text("startDate")} />
        <TextField name="endDate" type="date" label={t("endDate")} hint={datesHint} errors={errors} defaultValue={text("endDate")} />
      </div>
      <FormButtons pending={pending} conflict={!!view.conflict} cancelHref={props.cancelHref} />
    </form>
  );
}
