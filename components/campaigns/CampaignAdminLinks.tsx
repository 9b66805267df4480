import Link from "@/components/ui/Link";
import { getTranslations } from "next-intl/server";

/** The campaign page's links for office staff and admins: edit it, add an indicator or a task. */
export async function CampaignAdminLinks({ campaignId }: { campaignId: string }) {
  const t = await getTranslations("planAdmin");
  return (
    <>
      <Link href={`/campaigns/${campaignId}/edit`} className="btn-secondary">
        {t("editCampaign")}
      </Link>
      <Link href={`/campaigns/${campaignId}/indicators/new`} className="btn-secondary">
        {t("newIndicator")}
      </Link>
      <Link href={`/campaigns/${campaignId}/tasks/new`} className="btn-secondary">
        {t("newTask")}
      </Link>
    </>
  );
}
