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
}

export interface ReportAttachment {
  id: string;
  fileName: string;
  size: string;
  uploadedBy: string;
  uploadedAt: string;
}
