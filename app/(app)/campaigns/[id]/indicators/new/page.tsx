import { ClientMessages } from "@/components/i18n/ClientMessages";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { IndicatorForm } from "@/components/indicators/IndicatorForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/lib/auth/session";
import { NEW_INDICATOR } from "@/lib/indicators/initial";
import { campaignForForms } from "@/lib/plans/edit-queries";
import { idParams } from "@/lib/http/params";

export async function generateMetadata() {
  return { title: (await getTranslations("planAdmin"))("newIndicator") };
}

/** A new indicator of the campaign. */
export default async function NewCampaignIndicatorPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const campaign = await campaignForForms(user, (await idParams(params)).id);
  if (!campaign) notFound();
  const t = await getTranslations("planAdmin.indicator");
  const back = `/campaigns/${campaign.id}`;
  return (
    <ClientMessages namespaces={["planAdmin"]}>
      <div className="mx-auto max-w-4xl">
        <PageHeader crumbs={[{ href: back, label: campaign.name }]} title={t("newTitle", { owner: campaign.name })} />
        <IndicatorForm
          mode="create"
          planId={campaign.plan.id}
          campaignId={campaign.id}
          year={campaign.plan.year}
          baselineYear={campaign.plan.baselineYear}
          initial={NEW_INDICATOR}
          cancelHref={back}
        />
      </div>
    </ClientMessages>
  );
}
