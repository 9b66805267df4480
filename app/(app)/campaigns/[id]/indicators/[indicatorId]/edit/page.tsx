import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { IndicatorEditPage } from "@/components/indicators/IndicatorEditPage";
import { requireUser } from "@/lib/auth/session";
import { idParams } from "@/lib/http/params";
import { indicatorForEdit } from "@/lib/plans/edit-queries";

export async function generateMetadata() {
  return { title: (await getTranslations("planAdmin"))("editIndicator") };
}

/** Editing one of the campaign's indicators and its monthly plan. */
export default async function EditCampaignIndicatorPage({ params }: { params: Promise<{ id: string; indicatorId: string }> }) {
  const user = await requireUser();
  const { id, indicatorId } = await idParams(params);
  const indicator = await indicatorForEdit(user, indicatorId);
  if (!indicator?.campaign || indicator.campaign.id !== id) notFound();
  const back = `/campaigns/${indicator.campaign.id}`;
  return (
    <ClientMessages namespaces={["planAdmin"]}>
      <IndicatorEditPage indicator={indicator} back={{ href: back, label: indicator.campaign.name }} cancelHref={back} />
    </ClientMessages>
  );
}
