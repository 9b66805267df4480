import { ClientMessages } from "@/components/i18n/ClientMessages";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { rulesFormValues } from "@/lib/plans/rules";
import { scheduleFormValues } from "@/lib/plans/schedule";
import { DEFAULT_RULES } from "@/lib/status";
import { PlanForm } from "@/components/plans/PlanForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { keepableTowns } from "@/lib/plans/edit-queries";

export async function generateMetadata() {
  return { title: (await getTranslations("planAdmin.plan"))("newTitle") };
}

/** A new annual plan, for the user's town (or one of a county's towns). Others than staff and admins get 404. */
export default async function NewPlanPage() {
  const user = await requireUser();
  const orgs = await keepableTowns(user);
  if (orgs.length === 0) notFound();
  const [t, pt] = await Promise.all([getTranslations("planAdmin.plan"), getTranslations("plans")]);
  // Plans are usually drawn up for the coming year; a new one starts as a draft.
  const initial = {
    orgId: orgs.find((o) => o.id === user.orgId)?.id ?? orgs[0]?.id ?? "",
    year: String(now().getUTCFullYear() + 1),
    baselineYear: "",
    reportDueDay: "5",
    escalateAfterDays: "3",
    status: "DRAFT",
    documentFirstMonth: "1",
    // The schema's defaults (prisma/schema.prisma).
    ...scheduleFormValues({ remindDaysBefore: 2, remindOnDueDay: true, escalatePrincipalAfterDays: 7, closureConfirmedBy: "OFFICIAL" }),
    ...rulesFormValues(DEFAULT_RULES),
  };
  return (
    <ClientMessages namespaces={["planAdmin"]}>
      <div className="mx-auto max-w-3xl">
        <PageHeader crumbs={[{ href: "/plans", label: pt("title") }]} title={t("newTitle")} />
        <PlanForm mode="create" orgs={orgs} initial={initial} cancelHref="/plans" />
      </div>
    </ClientMessages>
  );
}
