// The monthly progress report's input: what the form posts, parsed with zod, then checked
// against the campaign's own indicators and tasks. Error messages are catalogue keys
// (validation.*), keyed by the form field they belong to.
import Decimal from "decimal.js";
import { z } from "zod";
import { TASK_STATUSES } from "@/lib/tasks/schemas";
import { recordId } from "@/lib/validation/ids";
import { parseDecimalInput } from "@/lib/validation/numbers";

export const NARRATIVE_FIELDS = ["progressText", "problemsText", "nextStepsText"] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];
export const NARRATIVE_MAX = 5000;
export const RETURN_REASON_MAX = 1000;
export const COMMENT_MAX = 2000;

const id = recordId;
const text = (max: number) => z.string().max(max, "validation.tooLong").default("");

/** The fixed part of the form; indicator and task fields (value.<id>, task.<id>.percent …) are read separately. */
export const reportFormSchema = z.object({
  campaignId: id,
  year: z.string().regex(/^\d{4}$/, "validation.month").transform(Number),
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
  progressText: text(NARRATIVE_MAX),
  problemsText: text(NARRATIVE_MAX),
  nextStepsText: text(NARRATIVE_MAX),
});

export type ReportForm = z.infer<typeof reportFormSchema>;

export interface IndicatorRule {
  id: string;
  decimals: number;
}
export interface TaskRule {
  id: string;
}

export interface ParsedReport extends ReportForm {
  values: Map<string, { value: string; note: string | null }>;
  tasks: Map<string, { percentDone: number; status: (typeof TASK_STATUSES)[number] }>;
}

export type ParseResult = { ok: true; data: ParsedReport } | { ok: false; fieldErrors: Record<string, string[]> };

const MAX_ABS = new Decimal("1e15");

/** Everything that was typed is checked; on submit, every part must also be there. */
export function parseReport(input: Record<string, unknown>, indicators: IndicatorRule[], tasks: TaskRule[]): ParseResult {
  const fieldErrors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (fieldErrors[field] ??= []).push(message);

  const base = reportFormSchema.safeParse(input);
  if (!base.success) {
    for (const issue of base.error.issues) add(issue.path.join(".") || "form", issue.message.startsWith("validation.") ? issue.message : "validation.invalid");
    return { ok: false, fieldErrors };
  }
  const submit = base.data.intent === "submit";
  const str = (key: string) => {
    const v = input[key];
    return typeof v === "string" ? v : "";
  };

  for (const field of NARRATIVE_FIELDS) {
    const trimmed = base.data[field].trim();
    base.data[field] = trimmed;
    // "无" (none) is a complete answer to 存在问题: one character is enough, blank is not.
    if (submit && trimmed.length === 0) add(field, "validation.narrativeRequired");
  }

  const values: ParsedReport["values"] = new Map();
  for (const ind of indicators) {
    const key = `value.${ind.id}`;
    const raw = str(key).trim();
    const note = str(`note.${ind.id}`).trim();
    if (note.length > 500) add(`note.${ind.id}`, "validation.noteTooLong");
    if (!raw) {
      if (submit) add(key, "validation.valueRequired");
      continue;
    }
    const parsed = parseDecimalInput(raw);
    if (parsed === null) {
      add(key, "validation.notANumber");
      continue;
    }
    const d = new Decimal(parsed);
    if (d.isNegative()) add(key, "validation.negative");
    else if (d.abs().gte(MAX_ABS)) add(key, "validation.tooLarge");
    else if (d.decimalPlaces() > ind.decimals) add(key, ind.decimals === 0 ? "validation.wholeNumber" : "validation.tooManyDecimals");
    else values.set(ind.id, { value: d.toFixed(), note: note || null });
  }

  const taskValues: ParsedReport["tasks"] = new Map();
  for (const t of tasks) {
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
    if (!status.success) add(sKey, "validation.status");
    if (p === null || !/^\d+$/.test(p)) add(pKey, "validation.percentWhole");
    else if (Number(p) > 100) add(pKey, "validation.percentRange");
    else if (status.success) {
      const percentDone = Number(p);
      if (status.data === "DONE" && percentDone !== 100) add(pKey, "validation.doneMeans100");
      else if (percentDone === 100 && status.data !== "DONE" && status.data !== "CANCELLED") add(sKey, "validation.fullMeansDone");
      else taskValues.set(t.id, { percentDone, status: status.data });
    }
  }

  // Fields the form never has (a forged post) are an error, not silently dropped.
  const known = new Set([...Object.keys(reportFormSchema.shape), "reportId"]);
  for (const key of Object.keys(input)) {
    if (known.has(key) || key.startsWith("$")) continue;
    const m = key.match(/^(value|note)\.(.+)$/) ?? key.match(/^task\.(.+)\.(percent|status)$/);
    const target = m?.[1] === "value" || m?.[1] === "note" ? m[2] : m?.[1];
    if (!target || (!indicators.some((i) => i.id === target) && !tasks.some((t) => t.id === target))) add("form", "validation.unknownField");
  }

  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  return { ok: true, data: { ...base.data, values, tasks: taskValues } };
}

export const reviewSchema = z
  .object({
    reportId: id,
    version: z.coerce.number().int().min(1),
    decision: z.enum(["approve", "return"]),
    reason: z.string().trim().max(RETURN_REASON_MAX, "validation.tooLong").default(""),
  })
  .refine((v) => v.decision === "approve" || v.reason.length >= 2, { path: ["reason"], message: "validation.reasonRequired" });

export const correctionSchema = z.object({ reportId: id });

export const commentSchema = z.object({
  campaignId: id,
  reportId: id.optional().or(z.literal("").transform(() => undefined)),
  taskId: id.optional().or(z.literal("").transform(() => undefined)),
  body: z.string().trim().min(2, "validation.commentRequired").max(COMMENT_MAX, "validation.tooLong"),
});
