// An audit record in words: its action, its entity and each changed field as "old → new", with
// status codes, yes/no, times and record ids shown the way people read them. The campaign page's
// trail, the audit viewer and its export all use this, so the three say the same thing.
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import type { Json } from "./canonical";

/** The catalogue at its root: next-intl's getTranslations() or createTranslator() without a namespace. */
export interface RootTranslator {
  (key: string): string;
  has(key: string): boolean;
}

export interface AuditWords {
  t: RootTranslator;
  locale: Locale;
  /** Record ids (tasks, indicators, people …) that appear in the values, and their names. */
  names: Record<string, string>;
  /** Longer texts are cut to this many characters (the export keeps them whole). */
  limit?: number;
}

/** Catalogue keys cannot contain dots: "report.submit" is listed as "report_submit". */
export const actionKey = (action: string) => action.replace(/\./g, "_");

function first(t: RootTranslator, keys: string[]): string | undefined {
  const key = keys.find((k) => t.has(k));
  return key === undefined ? undefined : t(key);
}

const CATALOGUE_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

export function actionText(t: RootTranslator, action: string): string {
  const key = actionKey(action);
  return (CATALOGUE_KEY.test(key) && first(t, [`audit.actions.${key}`, `auditLog.actions.${key}`])) || action;
}

export function fieldText(t: RootTranslator, field: string): string {
  return (CATALOGUE_KEY.test(field) && first(t, [`audit.fields.${field}`, `auditLog.fields.${field}`])) || field;
}

export function entityText(t: RootTranslator, entityType: string): string {
  return (CATALOGUE_KEY.test(entityType) && first(t, [`auditLog.entities.${entityType}`])) || entityType;
}

/** Codes stored as values (report and task states, roles) in words. */
function codeText(t: RootTranslator, value: string): string | undefined {
  if (!/^[A-Z][A-Z_]*$/.test(value)) return undefined;
  return first(t, [`reportStatus.${value}`, `tasks.status.${value}`, `roles.${value}`]);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const EMPTY = "—";

function clip(text: string, limit: number | undefined): string {
  return limit !== undefined && text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/** One value in words; nested objects (e.g. a report's figures keyed by indicator) as "name value" lists. */
export function valueText(value: Json | undefined, words: AuditWords, depth = 0): string {
  const { t, names, limit } = words;
  if (value === null || value === undefined || value === "") return EMPTY;
  if (typeof value === "boolean") return t(value ? "auditLog.yes" : "auditLog.no");
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    const named = names[value] ?? codeText(t, value) ?? (ISO_TIME.test(value) ? formatDateTime(value, words.locale) : value);
    return clip(named, limit);
  }
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== "object")) return value.length ? value.map((v) => valueText(v, words, depth + 1)).join("、") : EMPTY;
    return `[${value.length}]`;
  }
  const separator = depth === 0 ? "；" : "，";
  return Object.entries(value)
    .map(([k, v]) => `${names[k] ?? fieldText(t, k)} ${valueText(v, words, depth + 1)}`)
    .join(separator);
}

export interface FieldChange {
  field: string;
  /** null when the record has no old value for the field (something created, not changed). */
  old: string | null;
  new: string;
}

function asObject(values: unknown): Record<string, Json> {
  if (values === null || values === undefined) return {};
  if (typeof values === "object" && !Array.isArray(values)) return values as Record<string, Json>;
  return { value: values as Json };
}

/** Each field of the record, old → new, in words. */
export function describeChanges(oldValues: unknown, newValues: unknown, words: AuditWords): FieldChange[] {
  const oldV = asObject(oldValues);
  const newV = asObject(newValues);
  const keys = [...new Set([...Object.keys(newV), ...Object.keys(oldV)])];
  return keys.map((k) => ({
    field: fieldText(words.t, k),
    old: k in oldV ? valueText(oldV[k], words) : null,
    new: valueText(newV[k], words),
  }));
}

/** Changes as one line of text per side, for a file: "状态：待审核；退回理由：—". */
export function changeLines(changes: FieldChange[]): { old: string; new: string } {
  const side = (pick: (c: FieldChange) => string | null) =>
    changes
      .map((c) => [c.field, pick(c)] as const)
      .filter((pair): pair is readonly [string, string] => pair[1] !== null)
      .map(([field, value]) => `${field}：${value}`)
      .join("；");
  return { old: side((c) => c.old), new: side((c) => c.new) };
}

/** Action codes whose words (in either language) contain the text: free-text search finds "提交审核". */
export function actionsMatching(text: string, translators: RootTranslator[], codes: string[]): string[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [];
  return codes.filter((code) => translators.some((t) => actionText(t, code).toLowerCase().includes(needle)));
}

/** Who did it: the system's own records (no actor) in words. */
export function actorText(t: RootTranslator, record: { actorId: string | null; actorName: string }): string {
  return record.actorId === null && record.actorName === "system" ? t("auditLog.system") : record.actorName;
}

/** A record as the viewer and the export show it. */
export interface RecordInWords {
  person: string;
  action: string;
  entityType: string;
  /** The entity's name when it is known to the reader, else "". */
  entityName: string;
  campaign: string;
  changes: FieldChange[];
}

export function describeRecord(
  r: { actorId: string | null; actorName: string; action: string; entityType: string; entityId: string; campaignId: string | null; oldValues: unknown; newValues: unknown },
  words: AuditWords,
): RecordInWords {
  const { t, names } = words;
  return {
    person: actorText(t, r),
    action: actionText(t, r.action),
    entityType: entityText(t, r.entityType),
    entityName: names[r.entityId] ?? "",
    campaign: r.campaignId ? (names[r.campaignId] ?? r.campaignId) : "",
    changes: describeChanges(r.oldValues, r.newValues, words),
  };
}
