"use client";
// The one table of the app (TanStack Table 9): sortable headers, a search box, select filters
// from column facets, optional grouping, state in the URL. Feature tables only declare their columns.
import { flexRender, useTable, type Column, type ColumnDef, type Row, type RowData } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useMemo, useState, type ReactNode } from "react";
import { dataTableFeatures, type DataTableFeatures } from "./data-table-features";
import { DataTableGroup, GroupingSelect, type GroupingOption } from "./DataTableGroup";
import { useTableUrlState } from "./useTableUrlState";

export interface DataTableGrouping<TData> {
  /** The columns the rows may be grouped by, in the order the select lists them. */
  columns: ReadonlyArray<GroupingOption>;
  /** What a group's header says after the group's value; "N rows" when not given. */
  summary?: (rows: TData[]) => ReactNode;
}

export interface DataTableProps<TData extends RowData> {
  data: ReadonlyArray<TData>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of mixed value types, as TanStack types them
  columns: ReadonlyArray<ColumnDef<DataTableFeatures, TData, any>>;
  getRowId: (row: TData) => string;
  caption: string;
  searchLabel: string;
  /** "{shown} of {total}" in the caller's words. */
  countText: (shown: number, total: number) => string;
  emptyText: string;
  rowTestId?: string;
  /** Offer a "group by" select (?g=<column id>); without it the table never groups. */
  grouping?: DataTableGrouping<TData>;
}

export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  const t = useTranslations("table");
  const url = useTableUrlState();
  const groupable = props.grouping?.columns;
  // Only the columns this table offers: a ?g= left over from another table groups nothing.
  const grouping = useMemo(() => url.grouping.filter((id) => groupable?.some((c) => c.id === id)), [url.grouping, groupable]);
  // Groups are open unless folded; kept by group id, so a group stays folded while filters change.
  const [folded, setFolded] = useState<ReadonlySet<string>>(() => new Set());
  const table = useTable({
    features: dataTableFeatures,
    columns: props.columns,
    data: props.data,
    getRowId: props.getRowId,
    state: { sorting: url.sorting, columnFilters: url.columnFilters, globalFilter: url.globalFilter, grouping },
    onSortingChange: url.onSortingChange,
    onColumnFiltersChange: url.onColumnFiltersChange,
    onGlobalFilterChange: url.onGlobalFilterChange,
    onGroupingChange: url.onGroupingChange,
    // The grouped column keeps its place; the group header already names its value.
    groupedColumnMode: false,
    globalFilterFn: "includesString",
  });
  // Grouped, these are the groups (each holding its rows, sorted); otherwise the rows themselves.
  const rows = table.getRowModel().rows;
  const shown = table.getFilteredRowModel().rows.length;
  const total = table.getCoreRowModel().rows.length;
  const columnCount = table.getAllLeafColumns().length;
  const filterColumns = table.getAllLeafColumns().filter((c) => c.columnDef.meta?.filter === "select");
  const filtered = url.globalFilter !== "" || url.columnFilters.length > 0;

  return (
    <div className="card overflow-hidden">
      <div className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-3 print:hidden">
        <div className="min-w-48 flex-1">
          <input
            type="search"
            className="input"
            placeholder={props.searchLabel}
            aria-label={props.searchLabel}
            value={url.globalFilter}
            onChange={(e) => table.setGlobalFilter(e.target.value)}
          />
        </div>
        {filterColumns.map((column) => (
          <SelectFilter key={column.id} column={column} />
        ))}
        {groupable && <GroupingSelect options={groupable} value={grouping[0] ?? ""} onChange={(id) => table.setGrouping(id ? [id] : [])} />}
        {filtered && (
          <button type="button" className="btn-secondary" onClick={url.clear}>
            ✕ {t("clear")}
          </button>
        )}
        <p className="w-full text-sm text-slate-600 sm:ml-auto sm:w-auto" aria-live="polite">
          {props.countText(shown, total)}
        </p>
      </div>
      <table className="stack-table">
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const column = header.column;
                const sorted = column.getIsSorted();
                const align = column.columnDef.meta?.align === "end" ? "text-right" : "";
                return (
                  <th
                    key={header.id}
                    scope="col"
                    colSpan={header.colSpan}
                    className={`${align} ${column.columnDef.meta?.hideOnPhone ? "max-sm:hidden" : ""}`}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : column.getCanSort() ? "none" : undefined}
                  >
                    {header.isPlaceholder ? null : column.getCanSort() ? (
                      <button type="button" onClick={column.getToggleSortingHandler()} className="inline-flex items-center gap-1 hover:text-brand-700">
                        <table.FlexRender header={header} />
                        <span aria-hidden="true" className="text-xs text-slate-500">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        {rows.length === 0 ? (
          <tbody>
            <tr>
              <td colSpan={columnCount} className="py-6 text-center text-slate-600">
                {props.emptyText}
              </td>
            </tr>
          </tbody>
        ) : grouping.length > 0 ? (
          rows.map((group) => (
            <DataTableGroup
              key={group.id}
              value={String(group.groupingValue ?? "") || "—"}
              summary={props.grouping?.summary?.(group.subRows.map((r) => r.original)) ?? t("groupRows", { count: group.subRows.length })}
              open={!folded.has(group.id)}
              onToggle={() => setFolded((prev) => toggled(prev, group.id))}
              colSpan={columnCount}
            >
              {group.subRows.map((row) => (
                <DataRow key={row.id} row={row} testId={props.rowTestId} />
              ))}
            </DataTableGroup>
          ))
        ) : (
          <tbody>
            {rows.map((row) => (
              <DataRow key={row.id} row={row} testId={props.rowTestId} />
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}

function DataRow<TData extends RowData>({ row, testId }: { row: Row<DataTableFeatures, TData>; testId?: string }) {
  // flexRender, not <FlexRender>: that leaves the grouped column's cells empty, and a row (a card,
  // on a phone) should still say its own department.
  return (
    <tr data-testid={testId}>
      {row.getAllCells().map((cell) => {
        const meta = cell.column.columnDef.meta;
        return (
          <td
            key={cell.id}
            data-label={meta?.label}
            className={`${meta?.align === "end" ? "num sm:text-right" : ""} ${meta?.hideOnPhone ? "max-sm:hidden!" : ""}`}
          >
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        );
      })}
    </tr>
  );
}

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}

function SelectFilter<TData extends RowData>({ column }: { column: Column<DataTableFeatures, TData, unknown> }) {
  const meta = column.columnDef.meta;
  const status = useTranslations("status.light");
  const one = (o: string) => (meta?.optionLabel === "status" && status.has(o) ? status(o) : o);
  const value = column.getFilterValue();
  // Facets leave out this column's own filter, so every choice stays listed.
  const options = [...column.getFacetedUniqueValues().keys()]
    .filter((v): v is string => typeof v === "string" && v !== "")
    .sort((a, b) => a.localeCompare(b, "zh-CN"));
  // A list from a shared link ("RED,AMBER") is offered as it is, in words ("红灯、黄灯").
  const current = typeof value === "string" ? value : "";
  if (current.includes(",") && !options.includes(current)) options.unshift(current);
  const label = (o: string) => o.split(",").map(one).join("、");
  return (
    <select
      className="input w-auto min-w-40"
      aria-label={meta?.filterLabel ?? column.id}
      value={current}
      onChange={(e) => column.setFilterValue(e.target.value || undefined)}
    >
      <option value="">{meta?.allLabel ?? "—"}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {label(o)}
        </option>
      ))}
    </select>
  );
}
