// What the audit viewer's filters may say. They arrive in the URL (the filter form is a GET, so a
// filtered view can be shared as a link), so anything may arrive; errors are catalogue keys.
import { z } from "zod";

/** The filters, in the order the form and the links carry them. */
export const AUDIT_FILTER_KEYS = ["actor", "campaign", "entity", "action", "from", "to", "q"] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day that exists: 2018-02-30 is refused rather than rolled over into March. */
export function isCalendarDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

// An empty form field means "any", the same as a missing one.
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

const recordId = z
  .string()
  .max(64, { error: "auditLog.invalidFilter" })
  .regex(/^[A-Za-z0-9_-]+$/, { error: "auditLog.invalidFilter" });
const day = z.string().refine(isCalendarDay, { error: "auditLog.invalidDate" });

export const auditFilterSchema = z
  .object({
    actor: optional(recordId),
    campaign: optional(recordId),
    entity: optional(z.string().regex(/^[A-Za-z]{1,40}$/, { error: "auditLog.invalidFilter" })),
    action: optional(z.string().regex(/^[A-Za-z][A-Za-z.]{0,59}$/, { error: "auditLog.invalidFilter" })),
    from: optional(day),
    to: optional(day),
    q: optional(z.string().max(100, { error: "auditLog.textTooLong" })),
    /** Keyset cursor: the page holds records older than this id. */
    before: optional(
      z
        .string()
        .regex(/^\d{1,19}$/, { error: "auditLog.invalidFilter" })
        .transform((v) => BigInt(v)),
    ),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { error: "auditLog.dateOrder", path: ["to"] });

export type AuditFilters = z.output<typeof auditFilterSchema>;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

/** The filter fields of a page's or route's query string (the first value of a repeated one). */
export function filtersFromParams(params: Params): Record<string, string | undefined> {
  const get = (key: string) => {
    if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  return Object.fromEntries([...AUDIT_FILTER_KEYS, "before"].map((k) => [k, get(k)]));
}

/** The query string that carries the same filters (for the export links and the next page). */
export function filterQuery(filters: Partial<Record<AuditFilterKey, string | undefined>>, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  for (const [k, v] of Object.entries(extra)) query.set(k, v);
  return query.toString();
}
