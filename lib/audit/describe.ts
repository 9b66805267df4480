// An audit record in words: its action, its entity and each changed field as "old → new", with
// status codes, yes/no, times and record ids shown the way people read them. The campaign page's
// trail, the audit viewer and its export all use this, so the three say the same thing.
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import type { Json } from "./canonical";

/** The catalogue at its root: next-intl's getTranslations() or createTranslator() without a namespace. */
export interface RootTranslator {
  (key: string, values?: Record<string, string | number>): string;
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

/**
 * A field's label: the entity's own first (a user's `title` is 职务, a plan's is 计划名称), then the
 * labels shared by every entity.
 */
export function fieldText(t: RootTranslator, field: string, entityType?: string): string {
  if (!CATALOGUE_KEY.test(field)) return field;
  const own = entityType && CATALOGUE_KEY.test(entityType) ? [`auditLog.entityFields.${entityType}.${field}`] : [];
  return first(t, [...own, `audit.fields.${field}`, `auditLog.fields.${field}`]) || field;
}

/**
 * Bookkeeping that says nothing to a reader (the row's organisation, its optimistic-lock version, when it
 * was last touched, where a file is stored): kept in the record, left out of the words.
 */
export const BOOKKEEPING_FIELDS = new Set(["orgId", "version", "updatedAt", "versionId", "storageKey"]);

export function entityText(t: RootTranslator, entityType: string): string {
  return (CATALOGUE_KEY.test(entityType) && first(t, [`auditLog.entities.${entityType}`])) || entityType;
}

/**
 * Where the catalogue words a stored code, by the field that holds it: the same code means different
 * things in different fields (a plan's ACTIVE is 执行中, a plan change's PENDING is 待审批).
 */
const CODE_WORDS: Record<string, string[]> = {
  "Plan.status": ["planAdmin.plan.statusOptions"],
  "Indicator.status": ["planChanges.status"],
  "Task.status": ["tasks.status"],
  "ProgressReport.status": ["reportStatus"],
  direction: ["planAdmin.indicator.directionOptions"],
  accumulation: ["auditLog.accumulation"],
  kind: ["planChanges.kind"],
  step: ["notify.step"],
  notifyChannels: ["notify.channel"],
  channel: ["notify.channel"],
  roles: ["roles"],
  role: ["roles"],
  by: ["auditLog.by"],
};
/** A code in a field not listed above: the first namespace that knows it. */
const ANY_CODE = ["reportStatus", "tasks.status", "roles", "planChanges.status", "notify.step", "notify.channel"];

function codeText(t: RootTranslator, value: string, place: Place): string | undefined {
  const listed = (place.entityType && CODE_WORDS[`${place.entityType}.${place.field}`]) || (place.field && CODE_WORDS[place.field]) || undefined;
  // Upper-case codes anywhere; a field listed above may also hold lower-case ones ("self", "admin").
  if (!(listed ? CATALOGUE_KEY : /^[A-Z][A-Z_]*$/).test(value)) return undefined;
  return first(
    t,
    (listed ?? ANY_CODE).map((ns) => `${ns}.${value}`),
  );
}

/** Where a value sits: the record's entity type and the field that holds it (for a code's words). */
interface Place {
  entityType?: string;
  field?: string;
}

/** A record's id (cuid) as stored; one the reader cannot see, or that is gone, is never shown raw. */
const RECORD_ID = /^c[a-z0-9]{20,31}$/;
/** Month keys of a figure by month (同比 baselines, a trajectory): "3" → 3月. */
const MONTH_KEY = /^(?:[1-9]|1[0-2])$/;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const EMPTY = "—";

function clip(text: string, limit: number | undefined): string {
  return limit !== undefined && text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/** One value in words; nested objects (e.g. a report's figures keyed by indicator) as "name value" lists. */
export function valueText(value: Json | undefined, words: AuditWords, depth = 0, place: Place = {}): string {
  const { t, names, limit } = words;
  if (value === null || value === undefined || value === "") return EMPTY;
  if (typeof value === "boolean") return t(value ? "auditLog.yes" : "auditLog.no");
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    const named =
      names[value] ??
      codeText(t, value, place) ??
      (RECORD_ID.test(value) ? t("auditLog.unknownRecord") : ISO_TIME.test(value) ? formatDateTime(value, words.locale) : value);
    return clip(named, limit);
  }
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== "object"))
      return value.length ? value.map((v) => valueText(v, words, depth + 1, place)).join("、") : EMPTY;
    return t("auditLog.items", { count: value.length });
  }
  const separator = depth === 0 ? "；" : "，";
  return Object.entries(value)
    .filter(([k]) => !BOOKKEEPING_FIELDS.has(k))
    .map(([k, v]) => `${keyText(k, words, place)} ${valueText(v, words, depth + 1, { entityType: place.entityType, field: k })}`)
    .join(separator);
}

/** A key inside a value: a record's name, a month, or a field's label. */
function keyText(key: string, words: AuditWords, place: Place): string {
  if (words.names[key]) return words.names[key];
  if (RECORD_ID.test(key)) return words.t("auditLog.unknownRecord");
  if (MONTH_KEY.test(key)) return words.t("auditLog.monthKey", { month: key });
  return fieldText(words.t, key, place.entityType);
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

/** Each field of the record, old → new, in words, labelled as fields of its entity type. */
export function describeChanges(oldValues: unknown, newValues: unknown, words: AuditWords, entityType?: string): FieldChange[] {
  const oldV = asObject(oldValues);
  const newV = asObject(newValues);
  const keys = [...new Set([...Object.keys(newV), ...Object.keys(oldV)])].filter((k) => !BOOKKEEPING_FIELDS.has(k));
  return keys.map((k) => {
    const place = { entityType, field: k };
    return {
      field: keyText(k, words, place),
      old: k in oldV ? valueText(oldV[k], words, 0, place) : null,
      new: valueText(newV[k], words, 0, place),
    };
  });
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
  r: {
    actorId: string | null;
    actorName: string;
    action: string;
    entityType: string;
    entityId: string;
    campaignId: string | null;
    oldValues: unknown;
    newValues: unknown;
  },
  words: AuditWords,
): RecordInWords {
  const { t, names } = words;
  return {
    person: actorText(t, r),
    action: actionText(t, r.action),
    entityType: entityText(t, r.entityType),
    entityName: names[r.entityId] ?? "",
    campaign: r.campaignId ? (names[r.campaignId] ?? t("auditLog.unknownRecord")) : "",
    changes: describeChanges(r.oldValues, r.newValues, words, r.entityType),
  };
}
