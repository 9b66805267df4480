import { ClientMessages } from "@/components/i18n/ClientMessages";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TaskForm } from "@/components/tasks/TaskForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/lib/auth/session";
import { campaignForForms, ownerChoices } from "@/lib/plans/edit-queries";
import { idParams } from "@/lib/http/params";

export async function generateMetadata() {
  return { title: (await getTranslations("planAdmin"))("newTask") };
}

/** A new task of the campaign; ?parent=<task id> starts it as a sub-task of that task. */
export default async function NewTaskPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ parent?: string }> }) {
  const user = await requireUser();
  const [{ id }, query] = await Promise.all([idParams(params), searchParams]);
  const campaign = await campaignForForms(user, id);
  if (!campaign) notFound();
  const [t, owners] = await Promise.all([getTranslations("planAdmin.task"), ownerChoices(campaign.plan.orgId)]);
  const back = `/campaigns/${campaign.id}`;
  const parentId = campaign.tasks.some((p) => p.id === query.parent) ? (query.parent ?? "") : "";
  return (
    <ClientMessages namespaces={["planAdmin"]}>
      <div className="mx-auto max-w-3xl">
        <PageHeader crumbs={[{ href: back, label: campaign.name }]} title={t("newTitle", { campaign: campaign.name })} />
        <TaskForm
          mode="create"
          campaignId={campaign.id}
          year={campaign.plan.year}
          owners={owners}
          parents={campaign.tasks}
          initial={{ weight: "1", parentId }}
          cancelHref={back}
        />
      </div>
    </ClientMessages>
  );
}
