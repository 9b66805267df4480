// The drop-down lists of the workbook (kept on its hidden 选项 sheet): which columns use each,
// and whether a value outside the list may be typed (only 单位: units vary from plan to plan).
import { ACCUMULATIONS, COMMON_UNITS, DIRECTIONS, DISTRIBUTIONS, YES_NO, type SheetId } from "./format";

export type ListId = "units" | "departments" | "directions" | "accumulations" | "distributions" | "yesNo";

export interface ListSpec {
  id: ListId;
  title: string;
  columns: { sheet: SheetId; key: string }[];
  freeEntry?: boolean;
  /** Excel's message when a value outside the list is typed. */
  error: string;
}

export const LISTS: ListSpec[] = [
  { id: "units", title: "单位", columns: [{ sheet: "indicators", key: "unit" }], freeEntry: true, error: "可从列表中选择，也可直接填写。" },
  { id: "departments", title: "部门", columns: [{ sheet: "campaigns", key: "leadDepartment" }], error: "请选择系统中已有的部门；新部门请先请管理员添加。" },
  { id: "directions", title: "方向", columns: [{ sheet: "indicators", key: "direction" }], error: "请选择“越高越好”或“越低越好”。" },
  { id: "accumulations", title: "类型", columns: [{ sheet: "indicators", key: "accumulation" }], error: "请选择“累计”或“存量”。" },
  { id: "distributions", title: "进度分配", columns: [{ sheet: "indicators", key: "distribution" }], error: "请选择平均、前高后低、前低后高或逐月填写。" },
  { id: "yesNo", title: "是否", columns: [{ sheet: "indicators", key: "baselineIsSample" }], error: "请选择“是”或“否”。" },
];

/** The lists for a town: its departments, and the common units followed by the ones it already uses. */
export function townLists(departments: string[], units: string[]): Record<ListId, string[]> {
  return {
    units: [...new Set([...COMMON_UNITS, ...units])],
    departments,
    directions: Object.keys(DIRECTIONS),
    accumulations: Object.keys(ACCUMULATIONS),
    distributions: Object.keys(DISTRIBUTIONS),
    yesNo: Object.keys(YES_NO),
  };
}
