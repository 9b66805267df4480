import { getTranslations } from "next-intl/server";

const STYLE: Record<string, string> = {
  DRAFT: "bg-slate-100 text-slate-800",
  SUBMITTED: "bg-blue-100 text-blue-900",
  APPROVED: "bg-green-100 text-green-900",
  RETURNED: "bg-orange-100 text-orange-900",
  MISSING: "bg-red-100 text-red-900",
};

export async function ReportStatusBadge({ status }: { status: string }) {
  const t = await getTranslations("reportStatus");
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${STYLE[status] ?? STYLE.DRAFT}`}>{t(status)}</span>;
}
