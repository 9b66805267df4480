// What a plan workbook reads as (parse.ts) and what the dry run says about it (diff.ts).
import type { Distribution, SheetId } from "./format";
import type { CampaignValues, IndicatorValues, PlanValues } from "./model";

/** Message keys under planImport.errors (messages/*.json has each, in both languages). */
export const ERROR_KEYS = [
  "required",
  "tooLong",
  "tooManyLines",
  "notANumber",
  "notAWholeNumber",
  "tooManyDecimals",
  "tooLarge",
  "outOfRange",
  "weight",
  "notADate",
  "notInList",
  "endBeforeStart",
  "baselineNotBefore",
  "outsideYear",
  "trajectoryEnd",
  "cooperatingIsLead",
  "notLeader",
  "notLead",
  "targetRequired",
  "monthRequired",
  "monthsNeedMonthly",
  "duplicate",
  "onePlanRow",
  "noPlanRow",
  "tooManyRows",
  "missingSheet",
  "missingColumn",
  "unknownDepartment",
  "unknownPerson",
  "ambiguousPerson",
  "disabledPerson",
  "unknownCampaign",
  "unknownParent",
  "parentSelf",
  "parentIsChild",
  "hasChildren",
  "ambiguousMatch",
] as const;
export type ErrorKey = (typeof ERROR_KEYS)[number];

export type ErrorValues = Record<string, string | number>;

/** One problem, where it is: row and column as Excel shows them (row null: the whole sheet). */
export interface CellError {
  sheet: SheetId;
  row: number | null;
  /** The column's header, e.g. 单位. */
  column: string | null;
  /** The column's letter, e.g. C (null when the column is missing). */
  letter: string | null;
  key: ErrorKey;
  values?: ErrorValues;
}

/** The rows as parsed: the shapes of model.ts as the file types them (people and departments by name). */
export interface PlanRow extends PlanValues {
  row: number;
}

export interface CampaignRow extends Pick<CampaignValues, "number" | "name" | "nameEn" | "startDate" | "endDate" | "description"> {
  row: number;
  leadDepartment: string | null;
  cooperating: string[];
  leadingOfficial: string | null;
  leads: string[];
}

export interface IndicatorRow extends Omit<IndicatorValues, "trajectory"> {
  row: number;
  distribution: Distribution | null;
  /** 1月…12月 as typed (null where empty); used only with 逐月填写. */
  months: (string | null)[];
}

export interface TaskRow {
  row: number;
  campaignNumber: number;
  key: string;
  parentKey: string | null;
  title: string;
  owner: string | null;
  startDate: string | null;
  dueDate: string;
  weight: string;
}

/** A data row of the file as it reads, whether or not it parsed: what the dry run lists. */
export interface RowLine {
  sheet: SheetId;
  row: number;
  /** The row's identifying cells as typed, e.g. "6 · 拜访企业". */
  label: string;
}

export interface ParsedWorkbook {
  lines: RowLine[];
  /** Each sheet's column letters by column key, for the problems found later (diff.ts). */
  letters: Record<SheetId, Record<string, string>>;
  plan: PlanRow | null;
  campaigns: CampaignRow[];
  indicators: IndicatorRow[];
  tasks: TaskRow[];
  errors: CellError[];
}

export type Fate = "create" | "update" | "unchanged" | "error";

/** Every data row of the file and what the import does with it. */
export interface RowFate {
  sheet: SheetId;
  row: number;
  label: string;
  fate: Fate;
  /** Headers of the fields an update changes. */
  changed: string[];
}
