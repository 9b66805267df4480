import { ClientMessages } from "@/components/i18n/ClientMessages";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { IndicatorForm } from "@/components/indicators/IndicatorForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/lib/auth/session";
import { indicatorFormValues } from "@/lib/indicators/initial";
import { indicatorForEdit } from "@/lib/plans/edit-queries";
import { changeContext } from "@/lib/plans/history/versioning";
import { BaselineMonthsForm } from "@/components/indicators/BaselineMonthsForm";
import { baselineField, loadBaselineMonths, loadedText } from "@/lib/indicators/baseline-months";
import { idParams } from "@/lib/http/params";

export async function generateMetadata() {
  return { title: (await getTranslations("planAdmin"))("editIndicator") };
}

/** Editing one of the campaign's indicators and its monthly plan. */
export default async function EditCampaignIndicatorPage({ params }: { params: Promise<{ id: string; indicatorId: string }> }) {
  const user = await requireUser();
  const { id, indicatorId } = await idParams(params);
  const indicator = await indicatorForEdit(user, indicatorId);
  if (!indicator?.campaign || indicator.campaign.id !== id) notFound();
  const [t, series] = await Promise.all([getTranslations("planAdmin.indicator"), loadBaselineMonths(indicator.id)]);
  const back = `/campaigns/${indicator.campaign.id}`;
  return (
    <ClientMessages namespaces={["planAdmin"]}>
      <div className="mx-auto max-w-4xl">
        <PageHeader crumbs={[{ href: back, label: indicator.campaign.name }]} title={t("editTitle", { name: indicator.name })} />
        <IndicatorForm
          mode="edit"
          indicatorId={indicator.id}
          version={indicator.version}
          planId={indicator.plan.id}
          campaignId={indicator.campaign.id}
          year={indicator.plan.year}
          baselineYear={indicator.plan.baselineYear}
          initial={indicatorFormValues(indicator)}
          change={changeContext(indicator.plan)}
          cancelHref={back}
        />
        <div className="mt-6">
          <BaselineMonthsForm
            indicatorId={indicator.id}
            baselineYear={indicator.plan.baselineYear}
            unit={indicator.unit}
            initial={Object.fromEntries(Object.entries(series).map(([m, v]) => [baselineField(Number(m)), v]))}
            loaded={loadedText(series)}
          />
        </div>
      </div>
    </ClientMessages>
  );
}
