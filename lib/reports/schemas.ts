// The monthly progress report's input: what the form posts, parsed with zod, then checked
// against the campaign's own indicators and tasks. Error messages are catalogue keys
// (validation.*), keyed by the form field they belong to.
import Decimal from "decimal.js";
import { z } from "zod";
import { fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import { TASK_STATUSES } from "@/lib/tasks/schemas";
import { recordId } from "@/lib/validation/ids";
import { parseDecimalInput } from "@/lib/validation/numbers";
import { TEXT_LIMITS } from "@/lib/validation/limits";

export const NARRATIVE_FIELDS = ["progressText", "problemsText", "nextStepsText"] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];
export const NARRATIVE_MAX = 5000;
export const RETURN_REASON_MAX = TEXT_LIMITS.returnReason;

const id = recordId;
// Length is checked field by field in parseReport, so one overlong part does not refuse a draft's other fields.
const text = z.string().default("");

/** The fixed part of the form; indicator and task fields (value.<id>, task.<id>.percent …) are read separately. */
export const reportFormSchema = z.object({
  campaignId: id,
  year: z
    .string()
    .regex(/^\d{4}$/, "validation.month")
    .transform(Number),
  month: z
    .string()
    .regex(/^\d{1,2}$/, "validation.month")
    .transform(Number)
    .pipe(z.number().min(1, "validation.month").max(12, "validation.month")),
  /** 0 when the report does not exist yet. */
  version: z
    .string()
    .regex(/^\d{1,9}$/, "validation.invalid")
    .transform(Number),
  intent: z.enum(["save", "submit"]),
  progressText: text,
  problemsText: text,
  nextStepsText: text,
});

export type ReportForm = z.infer<typeof reportFormSchema>;

export interface IndicatorRule {
  id: string;
  decimals: number;
  unit: string;
  /** A % figure may leave 0–100 (and be negative: a growth rate). */
  allowOutOfRange: boolean;
}
export interface TaskRule {
  id: string;
  /** 销号: a task asked for or closed is not on the form (absent: open). */
  closure?: "OPEN" | "REQUESTED" | "CLOSED";
}

export interface ParsedReport extends ReportForm {
  values: Map<string, { value: string; note: string | null; decreaseReason: string | null }>;
  tasks: Map<string, { percentDone: number; status: (typeof TASK_STATUSES)[number] }>;
  /** The version each task had when the form was loaded: a submit over a newer task save is refused. */
  taskVersions: Map<string, number>;
  /** Fields typed wrongly (value.<id>, task.<id>, a narrative field): a draft saves the rest and leaves these as stored. */
  skipped: Set<string>;
}

/**
 * ok: the form can be saved; `fieldErrors` lists the fields typed wrongly (a draft saves the others,
 * a submit refuses them all). Not ok: the post itself is wrong (a forged field, a bad month), nothing is saved.
 */
export type ParseResult = { ok: true; data: ParsedReport; fieldErrors: FieldErrors } | { ok: false; fieldErrors: FieldErrors };

const MAX_ABS = new Decimal("1e15");
export const NOTE_MAX = 500;

/** Units whose figures are shares out of 100. */
export const isPercentUnit = (unit: string) => ["%", "％"].includes(unit.trim());

/** The error for a figure typed into an indicator's box, or its exact decimal string. */
export function checkValue(raw: string, ind: IndicatorRule): { value: string } | { error: string } {
  const parsed = parseDecimalInput(raw);
  if (parsed === null) return { error: "validation.notANumber" };
  const d = new Decimal(parsed);
  const percent = isPercentUnit(ind.unit);
  if (d.abs().gte(MAX_ABS)) return { error: "validation.tooLarge" };
  if (percent && !ind.allowOutOfRange && (d.isNegative() || d.gt(100))) return { error: "validation.percentOutOfRange" };
  if (d.isNegative() && !(percent && ind.allowOutOfRange)) return { error: "validation.negative" };
  if (d.decimalPlaces() > ind.decimals) return { error: ind.decimals === 0 ? "validation.wholeNumber" : "validation.tooManyDecimals" };
  return { value: d.toFixed() };
}

/** Everything that was typed is checked; on submit, every part must also be there. */
export function parseReport(input: Record<string, unknown>, indicators: IndicatorRule[], tasks: TaskRule[]): ParseResult {
  const fieldErrors: FieldErrors = {};
  const add = (field: string, message: string) => (fieldErrors[field] ??= []).push(message);

  const base = reportFormSchema.safeParse(input);
  if (!base.success) return { ok: false, fieldErrors: fieldErrorsOf(base.error) };
  // Fields the form never has (a forged post) are an error, not silently dropped.
  const known = new Set([...Object.keys(reportFormSchema.shape), "reportId"]);
  for (const key of Object.keys(input)) {
    if (known.has(key) || key.startsWith("$")) continue;
    const indicatorField = key.match(/^(?:value|note|decrease)\.(.+)$/);
    const taskField = key.match(/^task\.(.+)\.(?:percent|status)$/) ?? key.match(/^taskVersion\.(.+)$/);
    const exists = indicatorField ? indicators.some((i) => i.id === indicatorField[1]) : !!taskField && tasks.some((t) => t.id === taskField[1]);
    if (!exists) add("form", "validation.unknownField");
  }
  const submit = base.data.intent === "submit";
  const str = (key: string) => {
    const v = input[key];
    return typeof v === "string" ? v : "";
  };
  const skipped = new Set<string>();

  const taskVersions: ParsedReport["taskVersions"] = new Map();
  for (const t of tasks) {
    const raw = str(`taskVersion.${t.id}`).trim();
    if (/^\d{1,9}$/.test(raw)) taskVersions.set(t.id, Number(raw));
    else if (raw || submit) add("form", "validation.unknownField");
  }
  if (fieldErrors.form) return { ok: false, fieldErrors: { form: ["validation.unknownField"] } };

  for (const field of NARRATIVE_FIELDS) {
    const trimmed = base.data[field].trim();
    base.data[field] = trimmed;
    // "无" (none) is a complete answer to 存在问题: one character is enough, blank is not.
    if (submit && trimmed.length === 0) add(field, "validation.narrativeRequired");
  }
  // Too long: the zod check above let it through as text; refuse it here, field by field.
  for (const field of NARRATIVE_FIELDS) {
    if (str(field).length > NARRATIVE_MAX) {
      add(field, "validation.tooLong");
      skipped.add(field);
    }
  }

  const values: ParsedReport["values"] = new Map();
  for (const ind of indicators) {
    const key = `value.${ind.id}`;
    const raw = str(key).trim();
    const note = str(`note.${ind.id}`).trim();
    const reason = str(`decrease.${ind.id}`).trim();
    if (note.length > NOTE_MAX) add(`note.${ind.id}`, "validation.noteTooLong");
    if (reason.length > NOTE_MAX) add(`decrease.${ind.id}`, "validation.noteTooLong");
    const bad = note.length > NOTE_MAX || reason.length > NOTE_MAX;
    if (!raw) {
      if (submit) add(key, "validation.valueRequired");
      if (bad) skipped.add(key);
      continue;
    }
    const checked = checkValue(raw, ind);
    if ("error" in checked) add(key, checked.error);
    if ("error" in checked || bad) skipped.add(key);
    else values.set(ind.id, { value: checked.value, note: note || null, decreaseReason: reason || null });
  }

  const taskValues: ParsedReport["tasks"] = new Map();
  for (const t of tasks) {
    // A task asked for or closed (销号) is shown locked, not as fields: nothing to read or require.
    if (t.closure !== undefined && t.closure !== "OPEN") continue;
    const pKey = `task.${t.id}.percent`;
    const sKey = `task.${t.id}.status`;
    const rawPercent = str(pKey).trim();
    const rawStatus = str(sKey);
    if (!rawPercent && !rawStatus) {
      if (submit) add(pKey, "validation.percentRequired");
      continue;
    }
    const p = parseDecimalInput(rawPercent);
    const status = z.enum(TASK_STATUSES).safeParse(rawStatus);
    const before = Object.keys(fieldErrors).length;
    if (!status.success) add(sKey, "validation.status");
    if (p === null || !/^\d+$/.test(p)) add(pKey, "validation.percentWhole");
    else if (Number(p) > 100) add(pKey, "validation.percentRange");
    else if (status.success) {
      const percentDone = Number(p);
      if (status.data === "DONE" && percentDone !== 100) add(pKey, "validation.doneMeans100");
      else if (percentDone === 100 && status.data !== "DONE" && status.data !== "CANCELLED") add(sKey, "validation.fullMeansDone");
      else taskValues.set(t.id, { percentDone, status: status.data });
    }
    if (Object.keys(fieldErrors).length > before) skipped.add(`task.${t.id}`);
  }

  return { ok: true, data: { ...base.data, values, tasks: taskValues, taskVersions, skipped }, fieldErrors };
}

/**
 * A year-to-date (累计) figure lower than the month before's official one is possible (a correction
 * by the statistics office) but never silent: it needs a reason, on submit. A reason given where the
 * figure did not fall is dropped. Returns the errors, and changes `values` in place.
 */
export function checkDecreases(values: ParsedReport["values"], previous: Map<string, string>, submit: boolean): FieldErrors {
  const errors: FieldErrors = {};
  for (const [id, v] of values) {
    const before = previous.get(id);
    const fell = before !== undefined && new Decimal(v.value).lt(before);
    if (!fell) v.decreaseReason = null;
    else if (submit && !v.decreaseReason) errors[`decrease.${id}`] = ["validation.decreaseReasonRequired"];
  }
  return errors;
}

const decisionFields = {
  reportId: id,
  version: z.coerce.number().int().min(1),
  reason: z.string().trim().max(RETURN_REASON_MAX, "validation.tooLong").default(""),
};
const reasonGiven = (v: { decision: string; reason: string }) => v.decision !== "return" || v.reason.length >= 2;
const reasonRequired = { path: ["reason"], message: "validation.reasonRequired" };

/** The leader's decision. */
export const reviewSchema = z.object({ ...decisionFields, decision: z.enum(["approve", "return"]) }).refine(reasonGiven, reasonRequired);

/** 初审: the office passes the report to its leader or returns it. */
export const preReviewSchema = z.object({ ...decisionFields, decision: z.enum(["pass", "return"]) }).refine(reasonGiven, reasonRequired);

export const withdrawSchema = z.object({ reportId: id, version: z.coerce.number().int().min(1) });

export const correctionSchema = z.object({ reportId: id });
