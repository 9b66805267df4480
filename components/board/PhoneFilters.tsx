import Link from "@/components/ui/Link";
import { getTranslations } from "next-intl/server";
import type { BoardRow } from "@/lib/board/view";

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/**
 * The phone's filters, folded behind one button so the campaigns fill the first screen: the month,
 * then light, department and official as the table's URL filters (f.status, f.dept, f.official, q).
 */
export async function PhoneFilters({
  planId,
  query,
  rows,
  asOf,
  meetingHref,
}: {
  planId: string;
  query: Query;
  rows: BoardRow[];
  asOf: React.ReactNode;
  meetingHref: string;
}) {
  const [t, st] = await Promise.all([getTranslations("board"), getTranslations("status")]);
  const active = ["f.status", "f.dept", "f.official", "q"].filter((k) => one(query[k])).length;
  const departments = [...new Set(rows.map((r) => r.department).filter(Boolean))].sort();
  const officials = [...new Set(rows.map((r) => r.official).filter(Boolean))].sort();
  const asOfValue = one(query.asOf);
  return (
    <details className="ml-auto sm:hidden" data-testid="phone-filters">
      <summary className="btn-secondary cursor-pointer list-none [&::-webkit-details-marker]:hidden">
        {t("filters")}
        {active > 0 && ` · ${active}`}
      </summary>
      <div className="card mt-2 space-y-3 p-3">
        {asOf}
        <form method="get" className="grid gap-2" action={`/plans/${planId}/board`}>
          {asOfValue && <input type="hidden" name="asOf" value={asOfValue} />}
          <label className="text-sm">
            <span className="label">{t("filterStatus")}</span>
            <select name="f.status" defaultValue={one(query["f.status"]).toUpperCase()} className="input">
              <option value="">{t("allStatuses")}</option>
              {["RED", "AMBER", "GREEN", "NONE"].map((l) => (
                <option key={l} value={l}>
                  {st(`light.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="label">{t("col.department")}</span>
            <select name="f.dept" defaultValue={one(query["f.dept"])} className="input">
              <option value="">{t("allDepartments")}</option>
              {departments.map((d) => (
                <option key={d}>{d}</option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="label">{t("col.official")}</span>
            <select name="f.official" defaultValue={one(query["f.official"])} className="input">
              <option value="">{t("allOfficials")}</option>
              {officials.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="label">{t("search")}</span>
            <input type="search" name="q" defaultValue={one(query.q)} className="input" />
          </label>
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className="btn-primary">
              {t("applyFilters")}
            </button>
            <Link href={`/plans/${planId}/board${asOfValue ? `?asOf=${encodeURIComponent(asOfValue)}` : ""}`} className="link text-sm">
              {t("clearFilters")}
            </Link>
          </div>
        </form>
        <Link href={meetingHref} className="link inline-block text-sm">
          {t("meeting")} →
        </Link>
      </div>
    </details>
  );
}
