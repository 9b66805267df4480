// Grouping in a DataTable: the "group by" select of the toolbar, and one group as a row group
// (<tbody>) whose header row names the group, sums it up and folds its rows away.
import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";

export interface GroupingOption {
  /** A column id, as in the column definitions (and in the URL: ?g=dept). */
  id: string;
  label: string;
}

export function GroupingSelect({ options, value, onChange }: { options: ReadonlyArray<GroupingOption>; value: string; onChange: (columnId: string) => void }) {
  const t = useTranslations("table");
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm text-slate-700">
        {t("group")}
      </label>
      <select id={id} className="input w-auto min-w-32" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t("noGroup")}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface DataTableGroupProps {
  value: string;
  summary: ReactNode;
  open: boolean;
  onToggle: () => void;
  colSpan: number;
  children: ReactNode;
}

export function DataTableGroup({ value, summary, open, onToggle, colSpan, children }: DataTableGroupProps) {
  return (
    <tbody data-testid="table-group">
      {/* On a phone the table is a stack of blocks: the header becomes one full-width band. */}
      <tr data-testid="group-header" className="max-sm:py-0">
        <th scope="rowgroup" colSpan={colSpan} className="border-t border-slate-300 bg-slate-50 max-sm:block">
          <button type="button" aria-expanded={open} onClick={onToggle} className="flex w-full flex-wrap items-center gap-x-2 gap-y-1 text-left">
            {/* The spaces between the spans are for the text (and the button's name), the gaps for the eye. */}
            <span aria-hidden="true" className="w-3 text-slate-600">
              {open ? "▾" : "▸"}
            </span>{" "}
            <span>{value}</span>{" "}
            <span className="flex flex-wrap items-center gap-x-2 gap-y-1 font-normal text-slate-700">
              <span>·</span> {summary}
            </span>
          </button>
        </th>
      </tr>
      {open && children}
    </tbody>
  );
}
