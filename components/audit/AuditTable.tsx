// One page of audit records: when, who, what (in words), on which entity and campaign, and each
// field's old → new value. A labelled card per record on a phone (stack-table).
import { getLocale, getTranslations } from "next-intl/server";
import { describeRecord, type AuditWords } from "@/lib/audit/describe";
import type { AuditRow } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { ChangeList } from "./ChangeList";

/** Long texts (a report's narrative) are cut on the page; the export keeps them whole. */
const PAGE_TEXT_LIMIT = 80;

export async function AuditTable({ rows, names }: { rows: AuditRow[]; names: Record<string, string> }) {
  const [t, root, locale] = await Promise.all([getTranslations("auditLog"), getTranslations(), getLocale() as Promise<Locale>]);
  const words: AuditWords = { t: root, locale, names, limit: PAGE_TEXT_LIMIT };
  const columns = [t("colTime"), t("colPerson"), t("colAction"), t("colEntity"), t("colCampaign"), t("colChanges")];
  return (
    <div className="card overflow-hidden">
      <table className="stack-table" data-testid="audit-table">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="py-6 text-center text-slate-600">
                {t("none")}
              </td>
            </tr>
          ) : (
            rows.map((r) => {
              const d = describeRecord(r, words);
              return (
                <tr key={r.id.toString()} data-testid="audit-row" data-action={r.action}>
                  <td data-label={columns[0]} className="num whitespace-nowrap">
                    <time dateTime={r.at.toISOString()}>{formatDateTime(r.at, locale)}</time>
                  </td>
                  <td data-label={columns[1]}>{d.person}</td>
                  <td data-label={columns[2]}>{d.action}</td>
                  <td data-label={columns[3]}>
                    {d.entityType}
                    {d.entityName && ` · ${d.entityName}`}
                  </td>
                  <td data-label={columns[4]}>{d.campaign || "—"}</td>
                  <td data-label={columns[5]}>
                    <ChangeList changes={d.changes} />
                    {r.redacted && <span className="text-xs text-slate-500">{root("audit.redactedDraft")}</span>}
                  </td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}
