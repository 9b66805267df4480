// Plain data the report components receive from the server page (no Decimal or Date objects): built
// in lib/reports/view.ts.
export type { ReportAttachment, ReportIndicator, ReportTask } from "@/lib/reports/view";

/** A controlled form control's props, bound to a field name. */
export type BindInput = (name: string) => {
  name: string;
  value: string;
  onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => void;
};
