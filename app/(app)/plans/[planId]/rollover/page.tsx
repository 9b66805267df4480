import { ClientMessages } from "@/components/i18n/ClientMessages";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { RolloverForm } from "@/components/plans/RolloverForm";
import { RolloverPreview } from "@/components/plans/RolloverPreview";
import { PageHeader } from "@/components/ui/PageHeader";
import { localTitle } from "@/lib/i18n/local-name";
import { requireUser } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/config";
import { getRolloverPreview } from "@/lib/plans/rollover/preview";
import { idParams } from "@/lib/http/params";
import { Notice } from "@/components/ui/Notice";

export async function generateMetadata() {
  return { title: (await getTranslations("rollover"))("link") };
}

/** Rolling a plan into next year: the preview and the one confirm step. Others than staff and admins get 404. */
export default async function RolloverPage({ params }: { params: Promise<{ planId: string }> }) {
  const user = await requireUser();
  const preview = await getRolloverPreview(user, (await idParams(params)).planId);
  if (!preview) notFound();
  const [t, locale] = await Promise.all([getTranslations("rollover"), getLocale() as Promise<Locale>]);
  const { source, year } = preview;
  const sourceTitle = localTitle(source, locale);

  return (
    <ClientMessages namespaces={["rollover"]}>
      <div className="mx-auto max-w-5xl">
        <PageHeader crumbs={[{ href: `/plans/${source.id}`, label: sourceTitle }]} title={t("heading", { year })}>
          <p className="mt-2 max-w-3xl text-sm text-slate-700">{t("intro", { source: sourceTitle, year, fromYear: source.year })}</p>
        </PageHeader>
        {preview.nextYearPlans.length > 0 && (
          <Notice tone="warning" role="note" testId="rollover-existing" className="mb-4">
            {t("existing", { year })}{" "}
            {preview.nextYearPlans.map((p, i) => (
              <span key={p.id}>
                {i > 0 && "、"}
                <Link href={`/plans/${p.id}`} className="link">
                  {p.title}
                </Link>
              </span>
            ))}
          </Notice>
        )}
        <RolloverForm
          planId={source.id}
          version={source.version}
          year={year}
          baselineYear={source.year}
          defaultTitle={preview.defaultTitle}
          unfinishedTasks={preview.unfinishedTasks}
        >
          <RolloverPreview preview={preview} locale={locale} />
        </RolloverForm>
      </div>
    </ClientMessages>
  );
}
