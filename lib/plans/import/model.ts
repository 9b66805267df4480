// The plan as the workbook carries it, with departments and people resolved to ids: what the file
// asks for (diff.ts) and what the database holds (context.ts) are both in these shapes, so they
// compare field by field, and the export (export.ts) writes the database side back out.
import Decimal from "decimal.js";
import type { Accumulation, Direction, Role } from "@/generated/prisma/enums";

export interface PlanValues {
  year: number;
  baselineYear: number;
  title: string;
  goals: string[];
  rules: string[];
  reportDueDay: number;
  escalateAfterDays: number;
}

export interface CampaignValues {
  number: number;
  name: string;
  nameEn: string | null;
  description: string | null;
  leadDepartmentId: string | null;
  cooperatingDepartmentIds: string[];
  leadingOfficialId: string | null;
  leadUserIds: string[];
  startDate: string | null;
  endDate: string | null;
}

export interface IndicatorValues {
  campaignNumber: number | null;
  name: string;
  unit: string;
  decimals: number;
  direction: Direction;
  accumulation: Accumulation;
  baseline: string | null;
  baselineIsSample: boolean;
  baselineNote: string | null;
  target: string | null;
  dataSource: string | null;
  /** The twelve month-end planned values in canonDecimal's spelling ("" for a month without one), or none. */
  trajectory: string[];
}

export interface TaskValues {
  campaignNumber: number;
  /** 任务编号: Task.key, or "#" + id for a task stored without one. */
  key: string;
  parentKey: string | null;
  title: string;
  ownerId: string | null;
  startDate: string | null;
  dueDate: string;
  weight: string;
}

interface Stored {
  id: string;
  version: number;
}

export type ExistingCampaign = CampaignValues & Stored;
export type ExistingIndicator = IndicatorValues & Stored & { key: string; sortOrder: number };
export type ExistingTask = TaskValues & Stored & { sortOrder: number };

export interface ExistingPlan extends PlanValues, Stored {
  campaigns: ExistingCampaign[];
  indicators: ExistingIndicator[];
  tasks: ExistingTask[];
}

export interface Person {
  id: string;
  username: string;
  name: string;
  disabled: boolean;
  /** Roles held in the town. */
  roles: Role[];
}

export interface DepartmentRef {
  id: string;
  name: string;
}

/** The town being imported into: its departments and people, and the plan of that year and title if there is one. */
export interface ImportContext {
  orgId: string;
  departments: DepartmentRef[];
  people: Person[];
  plan: ExistingPlan | null;
}

/** A decimal in one spelling ("56.5800" and "56.58" are the same figure); "" for none. */
export const canonDecimal = (value: string | null): string => (value === null ? "" : new Decimal(value).toFixed());

/** The fields of each sheet that an update compares, by header, each as one comparable string. */
type Fields<V> = [header: string, value: (v: V) => string][];

const set = (ids: string[]) => [...ids].sort().join(",");
const opt = (s: string | null) => s ?? "";

export const PLAN_FIELDS: Fields<PlanValues> = [
  ["基数年份", (v) => String(v.baselineYear)],
  ["目标", (v) => v.goals.join("\n")],
  ["工作要求", (v) => v.rules.join("\n")],
  ["报送截止日", (v) => String(v.reportDueDay)],
  ["催办升级天数", (v) => String(v.escalateAfterDays)],
];

export const CAMPAIGN_FIELDS: Fields<CampaignValues> = [
  ["战役名称", (v) => v.name],
  ["英文名称", (v) => opt(v.nameEn)],
  ["牵头单位", (v) => opt(v.leadDepartmentId)],
  ["配合单位", (v) => set(v.cooperatingDepartmentIds)],
  ["分管领导", (v) => opt(v.leadingOfficialId)],
  ["责任人", (v) => set(v.leadUserIds)],
  ["开始日期", (v) => opt(v.startDate)],
  ["结束日期", (v) => opt(v.endDate)],
  ["说明", (v) => opt(v.description)],
];

export const INDICATOR_FIELDS: Fields<IndicatorValues> = [
  ["单位", (v) => v.unit],
  ["小数位", (v) => String(v.decimals)],
  ["方向", (v) => v.direction],
  ["类型", (v) => v.accumulation],
  ["基数", (v) => canonDecimal(v.baseline)],
  ["基数为示例", (v) => String(v.baselineIsSample)],
  ["基数说明", (v) => opt(v.baselineNote)],
  ["目标", (v) => canonDecimal(v.target)],
  ["进度分配", (v) => v.trajectory.join("|")],
  ["数据来源", (v) => opt(v.dataSource)],
];

export const TASK_FIELDS: Fields<TaskValues> = [
  ["上级任务编号", (v) => opt(v.parentKey)],
  ["任务名称", (v) => v.title],
  ["责任人", (v) => opt(v.ownerId)],
  ["开始日期", (v) => opt(v.startDate)],
  ["截止日期", (v) => v.dueDate],
  ["权重", (v) => canonDecimal(v.weight)],
];

/** Headers of the fields that differ. */
export function changedFields<V>(fields: Fields<V>, wanted: V, stored: V): string[] {
  return fields.filter(([, value]) => value(wanted) !== value(stored)).map(([header]) => header);
}
