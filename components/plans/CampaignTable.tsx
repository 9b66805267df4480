"use client";
import Link from "@/components/ui/Link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { columnHelper } from "@/components/ui/data-table-features";
import { DataTable } from "@/components/ui/DataTable";
import type { CampaignRow } from "@/lib/plans/view";

export type { CampaignRow };

const col = columnHelper<CampaignRow>();

export function CampaignTable({ rows, baselineYear }: { rows: CampaignRow[]; baselineYear: number }) {
  const t = useTranslations("campaignTable");
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("number", { header: t("number"), sortFn: "basic", meta: { label: t("number"), hideOnPhone: true } }),
        col.accessor("name", {
          header: t("name"),
          sortFn: "text",
          meta: { label: t("name") },
          cell: (info) => (
            <Link href={`/campaigns/${info.row.original.id}`} className="link font-medium">
              <span className="mr-1 text-slate-500 sm:hidden">{info.row.original.number}.</span>
              {info.getValue()}
            </Link>
          ),
        }),
        col.accessor("leadDepartment", {
          id: "dept",
          header: t("leadDepartment"),
          sortFn: "text",
          filterFn: "equalsString",
          meta: { label: t("leadDepartment"), filter: "select", filterLabel: t("filterDepartment"), allLabel: t("allDepartments") },
        }),
        col.accessor("leadingOfficial", { header: t("leadingOfficial"), sortFn: "text", meta: { label: t("leadingOfficial") } }),
        col.accessor("leads", { header: t("leads"), sortFn: "text", meta: { label: t("leads") } }),
        col.accessor((r) => r.baselines.map((b) => b.text).join(" "), {
          id: "baselines",
          header: t("baselines", { year: baselineYear }),
          enableSorting: false,
          meta: { label: t("baselines", { year: baselineYear }) },
          cell: (info) =>
            info.row.original.baselines.length ? (
              <ul className="text-xs leading-5 text-slate-700">
                {info.row.original.baselines.map((b) => (
                  <li key={b.text} className={b.sample ? "text-slate-500" : ""}>
                    {b.text}
                    {b.sample && <span className="ml-1 text-amber-800">（{t("sample")}）</span>}
                  </li>
                ))}
              </ul>
            ) : (
              "—"
            ),
        }),
        col.accessor("tasks", { header: t("tasks"), sortFn: "basic", meta: { label: t("tasks"), align: "end" } }),
      ]),
    [t, baselineYear],
  );
  return (
    <DataTable
      data={rows}
      columns={columns}
      getRowId={(r) => r.id}
      caption={t("name")}
      searchLabel={t("search")}
      countText={(shown, total) => t("count", { shown, total })}
      emptyText={t("noMatch")}
      rowTestId="campaign-row"
    />
  );
}
