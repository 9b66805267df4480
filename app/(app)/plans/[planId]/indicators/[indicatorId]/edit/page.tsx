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

/** Editing a town-wide indicator and its monthly plan. */
export default async function EditPlanIndicatorPage({ params }: { params: Promise<{ planId: string; indicatorId: string }> }) {
  const user = await requireUser();
  const { planId, indicatorId } = await idParams(params);
  const indicator = await indicatorForEdit(user, indicatorId);
  if (!indicator || indicator.campaign || indicator.plan.id !== planId) notFound();
  return (
    <ClientMessages namespaces={["planAdmin"]}>
      <IndicatorEditPage indicator={indicator} back={{ href: `/plans/${planId}`, label: indicator.plan.title }} cancelHref={`/plans/${planId}/edit`} />
    </ClientMessages>
  );
}
