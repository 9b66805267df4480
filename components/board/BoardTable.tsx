"use client";
import Link from "@/components/ui/Link";
import { useTranslations } from "next-intl";
import { Fragment, useMemo } from "react";
import { columnHelper } from "@/components/ui/data-table-features";
import { DataTable, type DataTableGrouping } from "@/components/ui/DataTable";
import { countByLight, lightRank } from "./lightCounts";
import type { BoardRow } from "@/lib/board/view";
import { StatusLight } from "./StatusLight";

export type { BoardRow };

const col = columnHelper<BoardRow>();

export function BoardTable({ rows, asOfQuery }: { rows: BoardRow[]; asOfQuery: string }) {
  const t = useTranslations("board");
  const light = useTranslations("status.light");
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("number", { header: t("col.number"), sortFn: "basic", meta: { label: t("col.number"), hideOnPhone: true } }),
        col.accessor("name", {
          header: t("col.campaign"),
          sortFn: "text",
          meta: { label: t("col.campaign") },
          cell: (info) => (
            <Link href={`/campaigns/${info.row.original.id}${asOfQuery}`} className="link font-medium">
              <span className="mr-1 text-slate-500 sm:hidden">{info.row.original.number}.</span>
              {info.getValue()}
            </Link>
          ),
        }),
        col.accessor("light", {
          id: "status",
          header: t("col.status"),
          filterFn: "oneOfString",
          // By value, not by row.original: a group's header row has no light of its own, so groups keep their order.
          sortFn: (a, b, id) => lightRank(a.getValue(id)) - lightRank(b.getValue(id)),
          meta: { label: t("col.status"), filter: "select", filterLabel: t("filterStatus"), allLabel: t("allStatuses"), optionLabel: "status" },
          cell: (info) => <StatusLight light={info.getValue()} label={info.row.original.lightLabel} />,
        }),
        col.accessor((r) => [r.verdict, ...r.list, ...r.marks].join(" "), {
          id: "reason",
          header: t("col.reason"),
          enableSorting: false,
          meta: { label: t("col.reason") },
          cell: (info) => {
            const r = info.row.original;
            return (
              <div className="text-xs leading-5 text-slate-700" data-testid="reasons">
                <p className="font-medium text-slate-900" data-testid="verdict">
                  {r.verdict}
                </p>
                {r.list.length > 0 && (
                  <>
                    <p className="mt-0.5 text-slate-500">{r.listLabel}：</p>
                    <ul className="list-disc space-y-0.5 pl-4">
                      {r.list.map((x) => (
                        <li key={x}>{x}</li>
                      ))}
                    </ul>
                  </>
                )}
                {r.marks.length > 0 && (
                  <p className="mt-1 flex flex-wrap gap-1">
                    {r.marks.map((m) => (
                      <Mark key={m}>{m}</Mark>
                    ))}
                  </p>
                )}
              </div>
            );
          },
        }),
        col.accessor((r) => r.indicators.map((i) => i.line).join(" "), {
          id: "indicators",
          header: t("col.indicators"),
          enableSorting: false,
          meta: { label: t("col.indicators") },
          cell: (info) => (
            <ul className="space-y-0.5 text-xs leading-5">
              {info.row.original.indicators.map((i) => (
                <li key={i.name} className="flex items-start gap-1">
                  <StatusLight light={i.light} label="" word={light(i.light)} />
                  <span>
                    <span className="text-slate-600">{i.name}</span> <span className="num">{i.line}</span>
                    {i.marks.map((m) => (
                      <Mark key={m}>{m}</Mark>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          ),
        }),
        col.accessor("progress", {
          header: t("col.progress"),
          sortFn: "basic",
          meta: { label: t("col.progress"), align: "end" },
          cell: (i) => `${i.getValue()}%`,
        }),
        col.accessor("overdue", { header: t("col.overdue"), sortFn: "basic", meta: { label: t("col.overdue"), align: "end" } }),
        col.accessor("report", { header: t("col.report"), sortFn: "text", meta: { label: t("col.report") } }),
        col.accessor("department", {
          id: "dept",
          header: t("col.department"),
          sortFn: "text",
          filterFn: "equalsString",
          meta: { label: t("col.department"), filter: "select", filterLabel: t("col.department"), allLabel: t("allDepartments") },
        }),
        col.accessor("official", {
          header: t("col.official"),
          sortFn: "text",
          filterFn: "equalsString",
          meta: { label: t("col.official"), filter: "select", filterLabel: t("col.official"), allLabel: t("allOfficials") },
        }),
      ]),
    [t, light, asOfQuery],
  );
  // "综治办 · 2 个战役 · 红灯 1 黄灯 1": who leads the group, and how its campaigns stand.
  const grouping = useMemo<DataTableGrouping<BoardRow>>(
    () => ({
      columns: [
        { id: "dept", label: t("col.department") },
        { id: "official", label: t("col.official") },
      ],
      summary: (campaigns) => (
        <>
          <span>{t("groupCount", { count: campaigns.length })}</span> <span>·</span>
          {countByLight(campaigns).map((c) => (
            <Fragment key={c.light}>
              {" "}
              <StatusLight light={c.light} label={`${light.has(c.light) ? light(c.light) : c.light} ${c.count}`} />
            </Fragment>
          ))}
        </>
      ),
    }),
    [t, light],
  );
  return (
    <DataTable
      data={rows}
      columns={columns}
      getRowId={(r) => r.id}
      caption={t("title")}
      searchLabel={t("search")}
      countText={(shown, total) => t("count", { shown, total })}
      emptyText={t("noMatch")}
      rowTestId="board-row"
      grouping={grouping}
    />
  );
}

/** A word that qualifies a figure or a campaign: 待审核, 目标调整, 2月数据, 逾期报送. */
function Mark({ children }: { children: React.ReactNode }) {
  return (
    <span className="ml-1 inline-block rounded border border-slate-300 bg-slate-50 px-1 text-[11px] leading-4 whitespace-nowrap text-slate-700">
      {children}
    </span>
  );
}
