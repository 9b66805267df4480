// Plain data the report components receive from the server page (no Decimal or Date objects).
export interface ReportIndicator {
  id: string;
  name: string;
  unit: string;
  decimals: number;
  baseline: string;
  target: string;
  planned: string;
  previous: string;
  /** The month before's official figure, unformatted: a year-to-date figure below it needs a reason. */
  previousValue: string | null;
  /** A year-to-date (累计) figure. */
  cumulative: boolean;
  /** A % figure that must stay within 0–100. */
  percentRange: boolean;
}

export interface ReportTask {
  id: string;
  title: string;
  /** The parent task, for one level of nesting. */
  parentId: string | null;
  nested: boolean;
  due: string;
  owner: string;
  percentDone: number;
  status: string;
  /** The task's version when the page was loaded: submitting over a newer task save is refused. */
  version: number;
}

/** A controlled form control's props, bound to a field name. */
export type BindInput = (name: string) => {
  name: string;
  value: string;
  onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => void;
};

export interface ReportAttachment {
  id: string;
  fileName: string;
  size: string;
  uploadedBy: string;
  uploadedAt: string;
}
