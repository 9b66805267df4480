import { ClientMessages } from "@/components/i18n/ClientMessages";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TaskForm } from "@/components/tasks/TaskForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/lib/auth/session";
import { isoDay } from "@/lib/validation/form-fields";
import { campaignForForms, ownerChoices, taskForEdit } from "@/lib/plans/edit-queries";
import { changeContext } from "@/lib/plans/history/versioning";
import { idParams } from "@/lib/http/params";

export async function generateMetadata() {
  return { title: (await getTranslations("planAdmin"))("editTask") };
}

/** Editing a task node (its progress is updated on the task's own page, by its leads). */
export default async function EditTaskPage({ params }: { params: Promise<{ id: string; taskId: string }> }) {
  const user = await requireUser();
  const { id, taskId } = await idParams(params);
  const [campaign, task] = await Promise.all([campaignForForms(user, id), taskForEdit(user, id, taskId)]);
  if (!campaign || !task) notFound();
  const [t, owners] = await Promise.all([getTranslations("planAdmin.task"), ownerChoices(campaign.plan.orgId, task.ownerId)]);
  const back = `/campaigns/${campaign.id}`;
  const initial = {
    title: task.title,
    ownerId: task.ownerId ?? "",
    startDate: isoDay(task.startDate) ?? "",
    dueDate: isoDay(task.dueDate) ?? "",
    weight: task.weight.toFixed(),
    parentId: task.parentId ?? "",
  };
  return (
    <ClientMessages namespaces={["planAdmin"]}>
      <div className="mx-auto max-w-3xl">
        <PageHeader crumbs={[{ href: back, label: campaign.name }]} title={t("editTitle", { title: task.title })} />
        <TaskForm
          mode="edit"
          taskId={task.id}
          version={task.version}
          hasChildren={task._count.children > 0}
          campaignId={campaign.id}
          year={campaign.plan.year}
          owners={owners}
          parents={campaign.tasks.filter((p) => p.id !== task.id)}
          initial={initial}
          change={changeContext(campaign.plan)}
          cancelHref={back}
        />
      </div>
    </ClientMessages>
  );
}
