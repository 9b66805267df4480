import { ClientMessages } from "@/components/i18n/ClientMessages";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { IndicatorForm } from "@/components/indicators/IndicatorForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/lib/auth/session";
import { NEW_INDICATOR } from "@/lib/indicators/initial";
import { planForEdit } from "@/lib/plans/edit-queries";
import { idParams } from "@/lib/http/params";

export async function generateMetadata() {
  return { title: (await getTranslations("planAdmin"))("newPlanIndicator") };
}

/** A new town-wide indicator (no campaign reports it; office staff enter its figures). */
export default async function NewPlanIndicatorPage({ params }: { params: Promise<{ planId: string }> }) {
  const user = await requireUser();
  const plan = await planForEdit(user, (await idParams(params)).planId);
  if (!plan) notFound();
  const t = await getTranslations("planAdmin.indicator");
  const back = `/plans/${plan.id}/edit`;
  return (
    <ClientMessages namespaces={["planAdmin"]}>
      <div className="mx-auto max-w-4xl">
        <PageHeader crumbs={[{ href: `/plans/${plan.id}`, label: plan.title }]} title={t("newTitle", { owner: t("townWide") })} />
        <IndicatorForm
          mode="create"
          planId={plan.id}
          campaignId={null}
          year={plan.year}
          baselineYear={plan.baselineYear}
          initial={NEW_INDICATOR}
          cancelHref={back}
        />
      </div>
    </ClientMessages>
  );
}
