"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { FormState } from "@/lib/form-action";
import { createTaskAction, updateTaskAction } from "@/lib/tasks/actions";
import type { ChangeContext } from "@/lib/plans/history/versioning";
import { ChangeFields } from "@/components/plans/ChangeFields";
import { formView, type FormValues } from "@/components/ui/form-state";
import { FormButtons, FormStatus } from "@/components/ui/FormStatus";
import { SelectField, TextField } from "@/components/ui/inputs";

type Props = {
  campaignId: string;
  year: number;
  owners: { id: string; name: string; title: string | null }[];
  /** Top-level tasks of the campaign (other than this one) a task can be put under. */
  parents: { id: string; title: string }[];
  initial: FormValues;
  cancelHref: string;
} & ({ mode: "create" } | { mode: "edit"; taskId: string; version: number; hasChildren: boolean; change: ChangeContext });

/** A task node: title, owner, start and due dates, weight, and the task it is part of (one level). */
export function TaskForm(props: Props) {
  const t = useTranslations("planAdmin.task");
  const common = useTranslations("planAdmin");
  const [state, action, pending] = useActionState<FormState<{ id: string }>, FormData>(props.mode === "create" ? createTaskAction : updateTaskAction, {});
  const view = formView(state, props.initial, props.mode === "edit" ? props.version : undefined);
  const { errors, text } = view;
  const hasChildren = props.mode === "edit" && props.hasChildren;
  const datesHint = t("datesHint", { year: props.year });

  return (
    <form action={action} className="card space-y-5 p-4 sm:p-6" noValidate key={view.key}>
      <input type="hidden" name="campaignId" value={props.campaignId} />
      {props.mode === "edit" && (
        <>
          <input type="hidden" name="taskId" value={props.taskId} />
          <input type="hidden" name="version" value={view.version} />
        </>
      )}
      <FormStatus result={view.result} />
      <TextField name="title" label={t("title")} errors={errors} defaultValue={text("title")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="ownerId"
          label={t("owner")}
          errors={errors}
          defaultValue={text("ownerId")}
          options={props.owners.map((o) => ({ value: o.id, label: o.title ? `${o.name}（${o.title}）` : o.name }))}
          empty={common("none")}
        />
        <TextField name="weight" label={t("weight")} hint={t("weightHint")} errors={errors} defaultValue={text("weight")} inputMode="decimal" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="startDate" type="date" label={t("startDate")} hint={datesHint} errors={errors} defaultValue={text("startDate")} />
        <TextField name="dueDate" type="date" label={t("dueDate")} hint={datesHint} errors={errors} defaultValue={text("dueDate")} />
      </div>
      {/* A task with sub-tasks stays top-level: it is offered no parent. */}
      <SelectField
        name="parentId"
        label={t("parent")}
        hint={hasChildren ? t("hasChildren") : t("parentHint")}
        errors={errors}
        defaultValue={text("parentId")}
        options={hasChildren ? [] : props.parents.map((p) => ({ value: p.id, label: p.title }))}
        empty={t("noParent")}
      />
      {props.mode === "edit" && <ChangeFields change={props.change} errors={errors} text={text} year={props.year} />}
      <FormButtons pending={pending} conflict={!!view.conflict} cancelHref={props.cancelHref} />
    </form>
  );
}
