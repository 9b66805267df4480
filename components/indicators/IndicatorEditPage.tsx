import { getTranslations } from "next-intl/server";
import { BaselineMonthsForm } from "@/components/indicators/BaselineMonthsForm";
import { IndicatorForm } from "@/components/indicators/IndicatorForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { baselineField, loadBaselineMonths, loadedText } from "@/lib/indicators/baseline-months";
import { indicatorFormValues } from "@/lib/indicators/initial";
import type { indicatorForEdit } from "@/lib/plans/edit-queries";
import { changeContext } from "@/lib/plans/history/versioning";

type EditableIndicator = NonNullable<Awaited<ReturnType<typeof indicatorForEdit>>>;

/**
 * Editing an indicator and its monthly plan, with its baseline months below: the same page for a
 * campaign's indicator and a town-wide one, which differ only in where they lead back to. The page
 * around it gives the client components their messages (namespace planAdmin).
 */
export async function IndicatorEditPage({
  indicator,
  back,
  cancelHref,
}: {
  indicator: EditableIndicator;
  /** The breadcrumb: the campaign or the plan the indicator belongs to. */
  back: { href: string; label: string };
  cancelHref: string;
}) {
  const [t, series] = await Promise.all([getTranslations("planAdmin.indicator"), loadBaselineMonths(indicator.id)]);
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader crumbs={[back]} title={t("editTitle", { name: indicator.name })} />
      <IndicatorForm
        mode="edit"
        indicatorId={indicator.id}
        version={indicator.version}
        planId={indicator.plan.id}
        campaignId={indicator.campaign?.id ?? null}
        year={indicator.plan.year}
        baselineYear={indicator.plan.baselineYear}
        initial={indicatorFormValues(indicator)}
        change={changeContext(indicator.plan)}
        cancelHref={cancelHref}
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
  );
}
