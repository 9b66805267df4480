import Link from "@/components/ui/Link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuditFilterForm } from "@/components/audit/AuditFilterForm";
import { AuditTable } from "@/components/audit/AuditTable";
import { PageHeader } from "@/components/ui/PageHeader";
import { AUDIT_EXPORT_LIMIT, searchAudit } from "@/lib/audit/queries";
import { filterQuery, filtersFromParams } from "@/lib/audit/schemas";
import { requirePermission } from "@/lib/auth/session";
import { Notice } from "@/components/ui/Notice";

export async function generateMetadata() {
  return { title: (await getTranslations("auditLog"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const user = await requirePermission("readAudit");
  const raw = filtersFromParams(await searchParams);
  const [result, t] = await Promise.all([searchAudit(user, raw), getTranslations("auditLog")]);
  if (!result.ok && result.error === "forbidden") forbidden();
  const href = (extra: Record<string, string> = {}) => {
    const query = filterQuery(raw, extra);
    return query ? `/admin/audit?${query}` : "/admin/audit";
  };
  const exportHref = (format: string) => `/api/audit/export?${filterQuery(raw, { format })}`;

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          result.ok && (
            <>
              <a href={exportHref("csv")} className="btn-secondary" download data-testid="export-csv">
                {t("exportCsv")}
              </a>
              <a href={exportHref("xlsx")} className="btn-secondary" download data-testid="export-xlsx">
                {t("exportXlsx")}
              </a>
            </>
          )
        }
      />
      <AuditFilterForm values={raw} options={result.options} fieldErrors={result.ok ? {} : result.fieldErrors} />
      {result.ok ? (
        <>
          <p className="mb-2 text-sm text-slate-600" aria-live="polite">
            {t("shown", { count: result.rows.length })}
            <span className="ml-2">{t("exportHint", { limit: AUDIT_EXPORT_LIMIT })}</span>
          </p>
          <AuditTable rows={result.rows} names={result.names} />
          {(raw.before || result.older) && (
            <nav aria-label={t("pages")} className="mt-3 flex gap-2">
              {raw.before && (
                <Link href={href()} className="btn-secondary">
                  {t("newest")}
                </Link>
              )}
              {result.older && (
                <Link href={href({ before: result.older })} className="btn-secondary" data-testid="older">
                  {t("older")}
                </Link>
              )}
            </nav>
          )}
        </>
      ) : (
        <Notice tone="error">{t("invalid")}</Notice>
      )}
    </>
  );
}
