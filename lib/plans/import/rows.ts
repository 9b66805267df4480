// Each data sheet's row, as a zod schema over its cells (keyed by column key), plus the checks
// across the fields of one row. Messages are keys under planImport.errors.
import Decimal from "decimal.js";
import { z } from "zod";
import { choice, date, decimal, decimalOf, integer, isEmpty, lines, list, requiredDate, requiredInteger, requiredText, text, type Raw } from "./cells";
import { ACCUMULATIONS, defaultDecimals, DIRECTIONS, DISTRIBUTIONS, LIMITS, MONTH_HEADERS, YES_NO } from "./format";
import type { CampaignRow, ErrorKey, ErrorValues, IndicatorRow, PlanRow, TaskRow } from "./types";

/** A problem found across the fields of one row, placed at one of its columns. */
export interface FieldProblem {
  column: string;
  key: ErrorKey;
  values?: ErrorValues;
}

const planSchema = z.object({
  year: requiredInteger(2000, 2100),
  baselineYear: requiredInteger(1990, 2100),
  title: requiredText(LIMITS.title),
  goals: lines,
  rules: lines,
  reportDueDay: integer(1, 28, 5).transform((n) => n as number),
  escalateAfterDays: integer(0, 30, 3).transform((n) => n as number),
});

const campaignSchema = z.object({
  number: requiredInteger(1, 999),
  name: requiredText(LIMITS.name),
  nameEn: text(LIMITS.long),
  leadDepartment: text(LIMITS.short),
  cooperating: list,
  leadingOfficial: text(LIMITS.short),
  leads: list,
  startDate: date(),
  endDate: date(),
  description: text(LIMITS.text),
});

const indicatorSchema = z.object({
  campaignNumber: integer(1, 999, null),
  name: requiredText(LIMITS.name),
  unit: requiredText(LIMITS.unit),
  decimals: integer(0, 4, null),
  direction: choice(DIRECTIONS).transform((v) => v as IndicatorRow["direction"]),
  accumulation: choice(ACCUMULATIONS).transform((v) => v as IndicatorRow["accumulation"]),
  baseline: decimal(),
  baselineIsSample: choice(YES_NO, false).transform((v) => v === true),
  baselineNote: text(LIMITS.long),
  target: decimal(),
  distribution: choice(DISTRIBUTIONS, null),
  ...Object.fromEntries(MONTH_HEADERS.map((_, i) => [`m${i + 1}`, decimal()])),
  dataSource: text(LIMITS.long),
});

const weight = z
  .custom<Raw>(() => true)
  .transform((r, ctx) => {
    if (isEmpty(r)) return "1";
    const d = decimalOf(r);
    // As the task form takes it: more than 0, at most 100, two decimals (the column's).
    if (d.ok && /^\d+(\.\d{1,2})?$/.test(d.value) && new Decimal(d.value).gt(0) && new Decimal(d.value).lte(LIMITS.maxWeight)) return d.value;
    ctx.addIssue({ code: "custom", message: d.ok || d.key !== "notANumber" ? "weight" : "notANumber" });
    return z.NEVER;
  });

const taskSchema = z.object({
  campaignNumber: requiredInteger(1, 999),
  key: requiredText(LIMITS.key),
  parentKey: text(LIMITS.key),
  title: requiredText(LIMITS.taskTitle),
  owner: text(LIMITS.short),
  startDate: date(),
  dueDate: requiredDate(),
  weight,
});

type Row<T> = Omit<T, "row">;
export type Cells = Record<string, Raw>;

export interface RowSpec<T> {
  schema: { safeParse(cells: Cells): z.ZodSafeParseResult<Row<T>> };
  /** Checks across fields, given a row whose every field is valid. */
  check: (row: Row<T>) => FieldProblem[];
}

const endAfterStart = (start: string | null, end: string | null, endColumn: string): FieldProblem[] =>
  start && end && end < start ? [{ column: endColumn, key: "endBeforeStart" }] : [];

const plan: RowSpec<PlanRow> = {
  schema: planSchema,
  check: (r) => (r.baselineYear >= r.year ? [{ column: "baselineYear", key: "baselineNotBefore" }] : []),
};

const campaigns: RowSpec<CampaignRow> = {
  schema: campaignSchema,
  check: (r) => endAfterStart(r.startDate, r.endDate, "endDate"),
};

type IndicatorFields = z.output<typeof indicatorSchema> & Record<string, unknown>;

const indicators: RowSpec<IndicatorRow> = {
  schema: indicatorSchema.transform((r: IndicatorFields) => {
    const months = MONTH_HEADERS.map((_, i) => (r[`m${i + 1}`] as string | null) ?? null);
    return {
      campaignNumber: r.campaignNumber,
      name: r.name,
      unit: r.unit,
      decimals: r.decimals ?? defaultDecimals(r.unit),
      direction: r.direction,
      accumulation: r.accumulation,
      baseline: r.baseline,
      baselineIsSample: r.baselineIsSample,
      baselineNote: r.baselineNote,
      target: r.target,
      distribution: r.distribution,
      months,
      dataSource: r.dataSource,
    };
  }),
  check: (r) => {
    // Figures in the indicator's own decimals, as the indicator form takes them.
    const figures: [string, string | null][] = [
      ["baseline", r.baseline],
      ["target", r.target],
      ...r.months.map((m, i): [string, string | null] => [`m${i + 1}`, m]),
    ];
    const problems: FieldProblem[] = figures.flatMap(([column, v]) =>
      v !== null && new Decimal(v).decimalPlaces() > r.decimals ? [{ column, key: "tooManyDecimals" as const, values: { max: r.decimals } }] : [],
    );
    if (r.distribution === "monthly") {
      problems.push(...r.months.flatMap((m, i) => (m === null ? [{ column: `m${i + 1}`, key: "monthRequired" as const }] : [])));
      const december = r.months[11];
      if (r.accumulation === "CUMULATIVE" && r.target !== null && december && !new Decimal(december).eq(r.target))
        problems.push({ column: "m12", key: "trajectoryEnd" });
      return problems;
    }
    if (r.months.some((m) => m !== null)) problems.push({ column: "distribution", key: "monthsNeedMonthly" });
    if (r.distribution !== null && r.target === null) problems.push({ column: "target", key: "targetRequired" });
    return problems;
  },
};

const tasks: RowSpec<TaskRow> = {
  schema: taskSchema,
  check: (r) => endAfterStart(r.startDate, r.dueDate, "dueDate"),
};

export const ROW_SPECS = { plan, campaigns, indicators, tasks };
