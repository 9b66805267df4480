"use client";
// Sorting, filters and grouping of a DataTable, kept in the URL (?q=…&sort=-number&f.dept=…&g=dept)
// so a filtered view can be shared as a link. history.replaceState updates the URL without refetching the page.
import { functionalUpdate, type ColumnFiltersState, type GroupingState, type OnChangeFn, type SortingState } from "@tanstack/react-table";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

export function parseSort(value: string | null): SortingState {
  if (!value) return [];
  return value
    .split(",")
    .filter(Boolean)
    .map((part) => ({ id: part.replace(/^-/, ""), desc: part.startsWith("-") }));
}

export function formatSort(sorting: SortingState): string {
  return sorting.map((s) => `${s.desc ? "-" : ""}${s.id}`).join(",");
}

/** "dept" → ["dept"]; comma-separated like sort, though the table offers one level. */
export function parseGrouping(value: string | null): GroupingState {
  return value ? value.split(",").filter(Boolean) : [];
}

export function formatGrouping(grouping: GroupingState): string {
  return grouping.join(",");
}

export function useTableUrlState() {
  const pathname = usePathname();
  const params = useSearchParams();

  const sorting = useMemo(() => parseSort(params.get("sort")), [params]);
  const globalFilter = params.get("q") ?? "";
  const columnFilters = useMemo<ColumnFiltersState>(
    () => [...params.entries()].filter(([k, v]) => k.startsWith("f.") && v).map(([k, v]) => ({ id: k.slice(2), value: v })),
    [params],
  );
  const grouping = useMemo(() => parseGrouping(params.get("g")), [params]);

  const write = useCallback(
    (mutate: (next: URLSearchParams) => void) => {
      const next = new URLSearchParams(window.location.search);
      mutate(next);
      const query = next.toString();
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );

  const onSortingChange: OnChangeFn<SortingState> = (updater) =>
    write((next) => {
      const value = formatSort(functionalUpdate(updater, sorting));
      if (value) next.set("sort", value);
      else next.delete("sort");
    });

  const onGlobalFilterChange: OnChangeFn<string> = (updater) =>
    write((next) => {
      const value = String(functionalUpdate(updater, globalFilter) ?? "");
      if (value) next.set("q", value);
      else next.delete("q");
    });

  const onColumnFiltersChange: OnChangeFn<ColumnFiltersState> = (updater) =>
    write((next) => {
      for (const key of [...next.keys()]) if (key.startsWith("f.")) next.delete(key);
      for (const f of functionalUpdate(updater, columnFilters)) {
        if (f.value !== undefined && f.value !== "") next.set(`f.${f.id}`, String(f.value));
      }
    });

  const onGroupingChange: OnChangeFn<GroupingState> = (updater) =>
    write((next) => {
      const value = formatGrouping(functionalUpdate(updater, grouping));
      if (value) next.set("g", value);
      else next.delete("g");
    });

  // Grouping is how the rows are laid out, not which rows are shown: clearing filters keeps it.
  const clear = () =>
    write((next) => {
      for (const key of [...next.keys()]) if (key === "q" || key === "sort" || key.startsWith("f.")) next.delete(key);
    });

  return { sorting, onSortingChange, globalFilter, onGlobalFilterChange, columnFilters, onColumnFiltersChange, grouping, onGroupingChange, clear };
}
