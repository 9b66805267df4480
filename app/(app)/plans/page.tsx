import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/PageHeader";
import { SampleBadge } from "@/components/ui/SampleBadge";
import { localName, localTitle } from "@/lib/i18n/local-name";
import { may } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/config";
import { listPlans } from "@/lib/plans/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("plans"))("title") };
}

export default async function PlansPage() {
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
              <p className="mt-1 text-sm text-slate-600">
                {localName(p.org, locale)} ·{" "}
                {t("yearVsBaseline", { year: p.year, baselineYear: p.baselineYear })} · {t("campaignCount", { count: p._count.campaigns })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
