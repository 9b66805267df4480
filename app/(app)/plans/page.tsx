import { Suspense } from "react";
import Link from "@/components/ui/Link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/PageHeader";
import { PageSkeleton } from "@/components/ui/PageSkeleton";
import { SampleBadge } from "@/components/ui/SampleBadge";
import { localName, localTitle } from "@/lib/i18n/local-name";
import { may } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/config";
import { listPlans } from "@/lib/plans/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("plans"))("title") };
}

// 执行中 stands out; a draft is still being written, a closed plan is history.
const STATUS_STYLE: Record<string, string> = {
  ACTIVE: "border-green-700 bg-green-50 text-green-800",
  DRAFT: "border-slate-400 bg-slate-50 text-slate-700",
  CLOSED: "border-slate-300 bg-white text-slate-600",
};

export default async function PlansPage() {
  await requireUser();
  return (
    <Suspense fallback={<PageSkeleton table blocks={0} />}>
      <PlanList />
    </Suspense>
  );
}

async function PlanList() {
  const user = await requireUser();
  const [plans, t, at, it, locale] = await Promise.all([
    listPlans(user),
    getTranslations("plans"),
    getTranslations("planAdmin"),
    getTranslations("planImport"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          may(user, "keepPlan") && (
            <>
              <Link href="/plans/new" className="btn-secondary">
                {at("newPlan")}
              </Link>
              <Link href="/plans/import" className="btn-secondary">
                {it("link")}
              </Link>
            </>
          )
        }
      />
      {plans.length === 0 ? (
        <p className="card p-6 text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {plans.map((p) => (
            <li key={p.id} className="card p-4">
              <Link href={`/plans/${p.id}`} className="link text-lg font-semibold">
                {localTitle(p, locale)}
              </Link>
              {p.isSample && <SampleBadge />}
              <span className={`ml-2 inline-block rounded border px-1.5 text-xs align-middle ${STATUS_STYLE[p.status]}`} data-testid="plan-status">
                {at(`plan.statusOptions.${p.status}`)}
              </span>
              <p className="mt-1 text-sm text-slate-600">
                {localName(p.org, locale)} · {t("yearVsBaseline", { year: p.year, baselineYear: p.baselineYear })} ·{" "}
                {t("campaignCount", { count: p._count.campaigns })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
