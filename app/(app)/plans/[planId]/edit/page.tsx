import { ClientMessages } from "@/components/i18n/ClientMessages";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PlanForm } from "@/components/plans/PlanForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/lib/auth/session";
import { planForEdit } from "@/lib/plans/edit-queries";
import { rulesFormValues } from "@/lib/plans/rules";
import { scheduleFormValues } from "@/lib/plans/schedule";
import { changeContext } from "@/lib/plans/history/versioning";
import { readRules } from "@/lib/status";
import { idParams } from "@/lib/http/params";

export async function generateMetadata() {
  return { title: (await getTranslations("planAdmin"))("editPlan") };
}

/** Editing a plan, and its town-wide indicators. Only the plan's office staff and admins reach it. */
export default async function EditPlanPage({ params }: { params: Promise<{ planId: string }> }) {
  const user = await requireUser();
  const plan = await planForEdit(user, (await idParams(params)).planId);
  if (!plan) notFound();
  const [t, at] = await Promise.all([getTranslations("planAdmin.plan"), getTranslations("planAdmin")]);
  const initial = {
    baselineYear: String(plan.baselineYear),
    title: plan.title,
    titleEn: plan.titleEn ?? "",
    goals: plan.goals.join("\n"),
    rules: plan.rules.join("\n"),
    reportDueDay: String(plan.reportDueDay),
    escalateAfterDays: String(plan.escalateAfterDays),
    status: plan.status,
    ...(plan.targetChangeNeedsApproval ? { targetChangeNeedsApproval: "on" } : {}),
    ...rulesFormValues(readRules(plan.lightRules)),
    preReview: plan.preReview ? "on" : "",
    documentIssuer: plan.documentIssuer ?? "",
    documentFirstMonth: String(plan.documentFirstMonth),
    ...scheduleFormValues(plan),
  };
  const back = `/plans/${plan.id}`;
  return (
    <ClientMessages namespaces={["planAdmin"]}>
      <div className="mx-auto max-w-3xl">
        <PageHeader crumbs={[{ href: back, label: plan.title }]} title={t("editTitle", { title: plan.title })} subtitle={plan.org.name} />
        <PlanForm mode="edit" planId={plan.id} version={plan.version} year={plan.year} initial={initial} cancelHref={back} change={changeContext(plan)} />

        <section aria-labelledby="plan-indicators-heading" className="mt-8">
          <div className="mb-2 flex flex-wrap items-center gap-3">
            <h2 id="plan-indicators-heading" className="flex-1 text-lg font-semibold">
              {t("planIndicators")}
            </h2>
            <Link href={`/plans/${plan.id}/indicators/new`} className="btn-secondary">
              {at("newPlanIndicator")}
            </Link>
          </div>
          {plan.indicators.length === 0 ? (
            <p className="card p-4 text-slate-600">{t("noPlanIndicators")}</p>
          ) : (
            <ul className="card divide-y divide-slate-200">
              {plan.indicators.map((i) => (
                <li key={i.id} className="flex flex-wrap items-baseline gap-3 px-4 py-3" data-testid="plan-indicator-admin">
                  <span className="flex-1 font-medium">
                    {i.name} <span className="text-sm font-normal text-slate-600">（{i.unit}）</span>
                  </span>
                  <Link href={`/plans/${plan.id}/indicators/${i.id}/edit`} className="link text-sm" aria-label={at("editIndicatorLabel", { name: i.name })}>
                    {at("editIndicator")}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </ClientMessages>
  );
}
