import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** Catalogue keys cannot contain dots: "report.submit" is listed as "report_submit". */
const actionKey = (action: string) => action.replace(/\./g, "_");

function show(v: Json | undefined, names: Record<string, string>): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "object") {
    if (Array.isArray(v)) return `[${v.length}]`;
    return Object.entries(v).map(([k, x]) => `${names[k] ?? k} ${show(x, names)}`).join("；");
  }
  const s = String(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

/** Who changed what and when: each record with its old and new values. */
export async function AuditTrail({
  records,
  names,
}: {
  records: { id: bigint; at: Date; actorName: string; action: string; oldValues: unknown; newValues: unknown }[];
  /** Record ids (indicators, tasks) that appear as keys in nested values, and their names. */
  names: Record<string, string>;
}) {
  const [t, statusT, taskT, locale] = await Promise.all([
    getTranslations("audit"),
    getTranslations("reportStatus"),
    getTranslations("tasks.status"),
    getLocale() as Promise<Locale>,
  ]);
  // Report and task states are stored as codes; show them in words.
  const word = (v: Json | undefined): Json | undefined =>
    typeof v === "string" && statusT.has(v) ? statusT(v) : typeof v === "string" && taskT.has(v) ? taskT(v) : v;
  if (records.length === 0) return <p className="card p-4 text-sm text-slate-600">{t("none")}</p>;
  return (
    <ol className="card divide-y divide-slate-200 text-sm" data-testid="audit-trail">
      {records.map((r) => {
        const oldV = (r.oldValues ?? {}) as Record<string, Json>;
        const newV = (r.newValues ?? {}) as Record<string, Json>;
        const keys = [...new Set([...Object.keys(newV), ...Object.keys(oldV)])];
        return (
          <li key={r.id.toString()} className="px-4 py-2" data-testid="audit-record">
            <p>
              <span className="font-medium">{t.has(`actions.${actionKey(r.action)}`) ? t(`actions.${actionKey(r.action)}`) : r.action}</span>
              <span className="ml-2 text-slate-600">
                {r.actorName} · {formatDateTime(r.at, locale)}
              </span>
            </p>
            {keys.length > 0 && (
              <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
                {keys.map((k) => (
                  <li key={k} className="break-all">
                    <span className="text-slate-500">{t.has(`fields.${k}`) ? t(`fields.${k}`) : k}：</span>
                    {k in oldV && <del className="text-red-800">{show(word(oldV[k]), names)}</del>}
                    {k in oldV && " → "}
                    <ins className="text-green-800 no-underline">{show(word(newV[k]), names)}</ins>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
