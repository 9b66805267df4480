// The plan workbook (计划导入模板): the one format town office staff fill in Excel, the import
// reads, and the export writes. Pure definitions; parse.ts, diff.ts, apply.ts and write.ts follow it.
//
// Sheets. 说明 (how to fill it in), 计划 (one row), 战役, 指标, 任务, and a hidden 选项 sheet
// holding the drop-down lists (单位: common units and the town's, free entry allowed; 牵头单位: the
// town's departments; 方向, 类型, 进度分配, 基数为示例: fixed words). Row 1 holds the Chinese headers
// (frozen, each with a note saying how to fill it); a column is found by its header, so columns may
// be moved, and columns with other headers are ignored. The template has one grey example row per
// sheet whose first cell reads 示例: any row whose first cell is 示例 is skipped on import, as is
// any row with every cell empty. A merged cell counts for each row it covers.
//
// Who and where. An import goes into the importing user's own town, for ADMIN or STAFF held there
// (a county keeper imports into no town). The plan is the town's plan of that 年度 + 计划名称; when
// there is none the import creates it as a DRAFT: a draft is on nobody's desk, off the county
// overview and not what the test API links leads to, yet its pages and board work as for any plan,
// and office staff make it active on the plan's edit page once they have checked it.
//
// Identity (natural keys). A campaign: 序号. An indicator: its campaign (empty = town-wide) +
// 指标名称. A task: its campaign + 任务编号, kept in Task.key (an existing column; the demo seed
// fills it, the plan forms leave it empty). A task stored without a key is exported as "#" + its
// id, which matches it back. Moving an indicator or a task to another campaign, or renaming an
// indicator, therefore makes a new row (and leaves the old one).
//
// Values. An empty cell clears an optional field (the export writes every value, so a round trip
// changes nothing). Rows missing from the file are never deleted. Departments and people must
// already exist in the town: 牵头单位/配合单位 by name, 分管领导/责任人 by username or by name (a
// name shared by two accounts must be given as the username; the export writes the name when it
// finds exactly that person, else the username). Lists in a cell are separated by 、 (also ，,;；
// or a new line; never spaces, which names may contain). Numbers are exact decimal strings (never
// floats). Dates are Excel dates or text such as 2018-03-31 (also 2018/3/31, 2018年3月31日).
// What the plan forms (lib/plans, lib/campaigns, lib/indicators, lib/tasks) refuse, the import refuses too: a 基数年份 not before
// 年度; dates outside the plan year; a 分管领导 without the LEADER role or a 责任人 without the LEAD
// role, or a disabled account, unless already in that place; the lead department also listed as
// cooperating; figures with more decimals than 小数位 (at most 4, the columns' scale) or of 10^15
// and more; a weight not in (0, 100] with two decimals; tasks nested more than one level. Unlike
// the indicator form, 目标 may be empty (a plan rolled into a new year has no targets yet).
//
// Monthly plan (TrajectoryPoint). 进度分配 平均/前高后低/前低后高 generates the twelve planned
// values from 基数/目标 exactly as lib/indicators/trajectory.ts does (rounded to 小数位); 逐月填写 takes
// them from 1月…12月 (a cumulative indicator's December equal to its target); empty means no
// monthly plan. The export writes the shape whose generated values equal the stored ones, else
// 逐月填写 with the stored values.
//
// Not in the workbook, and so never changed by an import: the plan's English title, summary and
// status, sample flags other than 基数为示例, indicator English names, task status and progress,
// reports and actuals.
import { MAX_DECIMALS, MAX_WEIGHT, TEXT_LIMITS } from "@/lib/validation/limits";
import type { Shape } from "@/lib/indicators/trajectory";

export const SHEET = {
  guide: "说明",
  plan: "计划",
  campaigns: "战役",
  indicators: "指标",
  tasks: "任务",
  lists: "选项",
} as const;

export type SheetId = "plan" | "campaigns" | "indicators" | "tasks";
export const DATA_SHEETS: readonly SheetId[] = ["plan", "campaigns", "indicators", "tasks"];

/** The first cell of the template's example rows; such rows are never imported. */
export const EXAMPLE_MARK = "示例";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Data rows per sheet; far above a town's plan (about 300 rows in all). */
export const MAX_ROWS = 2000;

export interface ColumnSpec {
  key: string;
  header: string;
  /** Said in the 说明 sheet and as the header cell's note. */
  hint: string;
  width: number;
  required?: boolean;
}

const col = (key: string, header: string, width: number, hint: string, required = false): ColumnSpec => ({ key, header, width, hint, required });

export const PLAN_COLUMNS = [
  col("year", "年度", 8, "计划年度，如 2018。", true),
  col("baselineYear", "基数年份", 10, "对照的基数年份，早于年度，通常为上一年，如 2017。", true),
  col("title", "计划名称", 24, "如“2018年十大战役”。同一年度内名称不重复；年度和名称相同即更新该计划。", true),
  col("goals", "目标", 40, "年度目标，每行一条（单元格内换行：Alt+Enter）。"),
  col("rules", "工作要求", 40, "工作要求，每行一条。"),
  col("reportDueDay", "报送截止日", 10, "每月几号前报送上月进度，1–28，空白为 5。"),
  col("escalateAfterDays", "催办升级天数", 12, "逾期几天后升级催办分管领导，0–30，空白为 3。"),
] as const satisfies readonly ColumnSpec[];

export const CAMPAIGN_COLUMNS = [
  col("number", "序号", 6, "战役序号，1、2、3……，用来确定是哪个战役。", true),
  col("name", "战役名称", 28, "如“平安建设提升战”。", true),
  col("nameEn", "英文名称", 28, "可不填。"),
  col("leadDepartment", "牵头单位", 14, "系统中已有的部门名称（可从下拉列表选择）。"),
  col("cooperating", "配合单位", 28, "系统中已有的部门名称（牵头单位除外），多个用“、”分隔。"),
  col("leadingOfficial", "分管领导", 10, "有“领导”角色的系统用户，填姓名或用户名。"),
  col("leads", "责任人", 16, "负责填报、有“责任人”角色的系统用户，姓名或用户名，多个用“、”分隔。"),
  col("startDate", "开始日期", 12, "计划年度内的日期，如 2018-01-01。"),
  col("endDate", "结束日期", 12, "计划年度内的日期，不早于开始日期。"),
  col("description", "说明", 40, "战役的工作内容说明。"),
] as const satisfies readonly ColumnSpec[];

export const MONTH_HEADERS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

export const INDICATOR_COLUMNS = [
  col("campaignNumber", "所属战役序号", 12, "所属战役的序号；空白表示全镇指标。"),
  col("name", "指标名称", 26, "同一战役内名称不重复，用来确定是哪个指标。", true),
  col("unit", "单位", 10, "如 亿元、%、家（可从下拉列表选择，也可直接填写）。", true),
  col("decimals", "小数位", 8, "填报保留几位小数，0–4；空白时计数单位（个、家、户等）为 0，其余为 2。"),
  col("direction", "方向", 10, "越高越好 或 越低越好。", true),
  col("accumulation", "类型", 8, "累计（年内累计数，月度计划从 0 增长到目标）或 存量（比率、浓度等，月度计划从基数过渡到目标）。", true),
  col("baseline", "基数", 12, "基数年份的数值，小数位数不超过“小数位”。"),
  col("baselineIsSample", "基数为示例", 10, "是 或 否（空白为否）；“是”表示基数不是正式数据。"),
  col("baselineNote", "基数说明", 18, "如“同比增长17.49%”。"),
  col("target", "目标", 12, "本年度目标值，小数位数不超过“小数位”。"),
  col("distribution", "进度分配", 12, "平均、前高后低、前低后高：按目标自动生成各月计划值；逐月填写：填写 1月至12月；空白：不设月度计划。"),
  ...MONTH_HEADERS.map((h, i) => col(`m${i + 1}`, h, 8, "逐月填写时该月末的计划值（累计指标填年内累计数，12月等于目标）。")),
  col("dataSource", "数据来源", 14, "如“镇统计站”。"),
] as const satisfies readonly ColumnSpec[];

export const TASK_COLUMNS = [
  col("campaignNumber", "所属战役序号", 12, "任务所属战役的序号。", true),
  col("key", "任务编号", 14, "同一战役内不重复的编号（自定，如 c6-map），用来确定是哪个任务。", true),
  col("parentKey", "上级任务编号", 14, "下级任务填写同一战役中上级任务的编号；任务只分一级。"),
  col("title", "任务名称", 36, "任务内容。", true),
  col("owner", "责任人", 10, "系统用户的姓名或用户名。"),
  col("startDate", "开始日期", 12, "计划年度内的日期，如 2018-01-08。"),
  col("dueDate", "截止日期", 12, "计划年度内的日期，不早于开始日期。", true),
  col("weight", "权重", 8, "计算战役进度时的权重，大于 0、不超过 100，最多 2 位小数；空白为 1。"),
] as const satisfies readonly ColumnSpec[];

export const COLUMNS: Record<SheetId, readonly ColumnSpec[]> = {
  plan: PLAN_COLUMNS,
  campaigns: CAMPAIGN_COLUMNS,
  indicators: INDICATOR_COLUMNS,
  tasks: TASK_COLUMNS,
};

/** The header of a column, by sheet and key. */
export function headerOf(sheet: SheetId, key: string): string {
  const found = COLUMNS[sheet].find((c) => c.key === key);
  if (!found) throw new Error(`no column ${key} on ${sheet}`);
  return found.header;
}

// ---------- the words of the lists ----------

export const DIRECTIONS = { 越高越好: "HIGHER_BETTER", 越低越好: "LOWER_BETTER" } as const;
export const ACCUMULATIONS = { 累计: "CUMULATIVE", 存量: "LEVEL" } as const;
export type Distribution = Shape | "monthly";
export const DISTRIBUTIONS: Record<string, Distribution> = { 平均: "even", 前高后低: "front", 前低后高: "back", 逐月填写: "monthly" };
export const YES_NO = { 是: true, 否: false } as const;

export const labelOf = <V>(table: Record<string, V>, value: V): string => Object.entries(table).find(([, v]) => v === value)?.[0] ?? "";

/** The 单位 list: common units first (free entry is allowed too). */
export const COMMON_UNITS = [
  "亿元",
  "万元",
  "元",
  "%",
  "个",
  "家",
  "户",
  "人",
  "次",
  "件",
  "起",
  "天",
  "批次",
  "项",
  "处",
  "座",
  "村",
  "条",
  "头",
  "亩",
  "平方米",
  "公里",
  "吨",
  "微克/立方米",
];

/** Counts are whole numbers; money, areas, rates and concentrations keep two decimals (as the demo seed does). */
const COUNT_UNITS = new Set(["头", "天", "家", "批次", "个", "户", "起", "件", "人", "次", "宗", "处", "座", "村", "条", "项"]);
export const defaultDecimals = (unit: string): number => (COUNT_UNITS.has(unit) ? 0 : 2);

/** The import's limits: the forms' own (lib/validation/limits.ts). */
export const LIMITS = { ...TEXT_LIMITS, maxDecimals: MAX_DECIMALS, maxWeight: MAX_WEIGHT } as const;

/** A task key the export writes for a task stored without one: "#" and the task's id. */
export const ID_KEY_PREFIX = "#";
