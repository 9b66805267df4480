// The features every DataTable has (TanStack Table 9 registers features and row models as slots).
// Module scope: a stable identity for the table's lifetime.
import {
  columnFacetingFeature,
  columnFilteringFeature,
  columnGroupingFeature,
  constructFilterFn,
  createColumnHelper,
  createFacetedRowModel,
  createFacetedUniqueValues,
  createFilteredRowModel,
  createGroupedRowModel,
  createSortedRowModel,
  filterFn_equalsString,
  filterFn_includesString,
  globalFilteringFeature,
  metaHelper,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
  type RowData,
} from "@tanstack/react-table";

export interface DataTableColumnMeta {
  /** A select under the header listing the column's distinct values. */
  filter?: "select";
  /** Label of the select (and of its "all" option). */
  filterLabel?: string;
  allLabel?: string;
  align?: "start" | "end";
  /** Header text for the phone layout, where each cell is labelled. */
  label?: string;
  /** Leave the cell out of the phone layout (another cell already shows it). */
  hideOnPhone?: boolean;
  /** The select filter shows its codes through this catalogue namespace (e.g. "status" → status.light.RED). */
  optionLabel?: "status";
}

/** One of a comma-separated list ("RED,AMBER"): a shared link can ask for red or amber campaigns. */
export const filterFn_oneOfString = constructFilterFn({
  filter: (dataValue: string | undefined, filterValue: string[]) => dataValue !== undefined && filterValue.includes(dataValue),
  autoRemove: (val: unknown) => !val,
  resolveFilterValue: (val: unknown) =>
    String(val)
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  resolveDataValue: (val: unknown) => (val == null ? undefined : String(val).toLowerCase()),
});

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, datetime: sortFn_datetime, basic: sortFn_basic },
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  filterFns: { includesString: filterFn_includesString, equalsString: filterFn_equalsString, oneOfString: filterFn_oneOfString },
  columnFacetingFeature,
  facetedRowModel: createFacetedRowModel(),
  facetedUniqueValues: createFacetedUniqueValues(),
  // Grouping is shared because column definitions are typed by the feature set (a per-table set
  // would not accept them); about 1.4 KB gzip. A table without a `grouping` prop never groups.
  // No expanding feature: DataTable renders each group's rows itself and keeps the collapsed ones.
  columnGroupingFeature,
  groupedRowModel: createGroupedRowModel(),
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

export function columnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}
