import { ClientMessages } from "@/components/i18n/ClientMessages";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CampaignForm } from "@/components/campaigns/CampaignForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/lib/auth/session";
import { isoDay } from "@/lib/validation/form-fields";
import { campaignChoices, campaignForEdit } from "@/lib/plans/edit-queries";
import { idParams } from "@/lib/http/params";

export async function generateMetadata() {
  return { title: (await getTranslations("planAdmin"))("editCampaign") };
}

/** Editing a campaign's names, departments, people and dates. Only the plan's keepers reach it. */
export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const campaign = await campaignForEdit(user, (await idParams(params)).id);
  if (!campaign) notFound();
  const leadIds = campaign.leads.map((l) => l.userId);
  const [t, choices] = await Promise.all([
    getTranslations("planAdmin.campaign"),
    campaignChoices(campaign.plan.orgId, { leadingOfficialId: campaign.leadingOfficialId, reviewerId: campaign.reviewerId, leadIds }),
  ]);
  const initial = {
    number: String(campaign.number),
    name: campaign.name,
    nameEn: campaign.nameEn ?? "",
    description: campaign.description ?? "",
    leadDepartmentId: campaign.leadDepartmentId ?? "",
    cooperatingIds: campaign.cooperating.map((c) => c.departmentId),
    leadingOfficialId: campaign.leadingOfficialId ?? "",
    reviewerId: campaign.reviewerId ?? "",
    leadIds,
    startDate: isoDay(campaign.startDate) ?? "",
    endDate: isoDay(campaign.endDate) ?? "",
  };
  const back = `/campaigns/${campaign.id}`;
  return (
    <ClientMessages namespaces={["planAdmin"]}>
      <div className="mx-auto max-w-3xl">
        <PageHeader
          crumbs={[
            { href: `/plans/${campaign.plan.id}`, label: campaign.plan.title },
            { href: back, label: campaign.name },
          ]}
          title={t("editTitle", { name: campaign.name })}
        />
        <CampaignForm
          mode="edit"
          campaignId={campaign.id}
          version={campaign.version}
          year={campaign.plan.year}
          choices={choices}
          initial={initial}
          cancelHref={back}
        />
      </div>
    </ClientMessages>
  );
}
