import { getLocale, getTranslations } from "next-intl/server";
import { ChangeList } from "@/components/audit/ChangeList";
import { actionText, actorText, describeChanges } from "@/lib/audit/describe";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

/** Who changed what and when: each record with its old and new values. */
export async function AuditTrail({
  records,
  names,
}: {
  records: {
    id: bigint;
    at: Date;
    actorId: string | null;
    actorName: string;
    action: string;
    entityType: string;
    oldValues: unknown;
    newValues: unknown;
    redacted?: true;
  }[];
  /** Record ids (indicators, tasks) that appear as keys in nested values, and their names. */
  names: Record<string, string>;
}) {
  const [t, root, locale] = await Promise.all([getTranslations("audit"), getTranslations(), getLocale() as Promise<Locale>]);
  if (records.length === 0) return <p className="card p-4 text-sm text-slate-600">{t("none")}</p>;
  const words = { t: root, locale, names, limit: 60 };
  return (
    <ol className="card divide-y divide-slate-200 text-sm" data-testid="audit-trail">
      {records.map((r) => (
        <li key={r.id.toString()} className="px-4 py-2" data-testid="audit-record">
          <p>
            <span className="font-medium">{actionText(root, r.action)}</span>
            <span className="ml-2 text-slate-600">
              {actorText(root, r)} · {formatDateTime(r.at, locale)}
            </span>
          </p>
          <ChangeList className="mt-1" changes={describeChanges(r.oldValues, r.newValues, words, r.entityType)} />
          {r.redacted && <p className="mt-1 text-xs text-slate-500">{t("redactedDraft")}</p>}
        </li>
      ))}
    </ol>
  );
}
