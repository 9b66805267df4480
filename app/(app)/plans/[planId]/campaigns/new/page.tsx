import { ClientMessages } from "@/components/i18n/ClientMessages";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CampaignForm } from "@/components/campaigns/CampaignForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/lib/auth/session";
import { campaignChoices, nextCampaignNumber, planForEdit } from "@/lib/plans/edit-queries";
import { idParams } from "@/lib/http/params";

export async function generateMetadata() {
  return { title: (await getTranslations("planAdmin"))("newCampaign") };
}

/** A new campaign of the plan, numbered after the last one. */
export default async function NewCampaignPage({ params }: { params: Promise<{ planId: string }> }) {
  const user = await requireUser();
  const plan = await planForEdit(user, (await idParams(params)).planId);
  if (!plan) notFound();
  const [t, choices, number] = await Promise.all([getTranslations("planAdmin.campaign"), campaignChoices(plan.orgId), nextCampaignNumber(plan.id)]);
  const back = `/plans/${plan.id}`;
  return (
    <ClientMessages namespaces={["planAdmin"]}>
      <div className="mx-auto max-w-3xl">
        <PageHeader crumbs={[{ href: back, label: plan.title }]} title={t("newTitle", { plan: plan.title })} />
        <CampaignForm mode="create" planId={plan.id} year={plan.year} choices={choices} initial={{ number: String(number) }} cancelHref={back} />
      </div>
    </ClientMessages>
  );
}
