// Reading the audit trail: for admins, leaders and viewers (read-only oversight), and only their own
// organisations' records (the system's own, which belong to no organisation, for admins alone). The
// scope is part of the query's WHERE, so a record outside it is never fetched. Newest first, paged by id.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { may } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { visibleAudit, visibleCampaigns, visibleUsers } from "@/lib/auth/scope";
import { daysBefore, startOfChinaDay } from "@/lib/clock";
import { db } from "@/lib/db";
import { invalid, type FieldErrors } from "@/lib/errors";
import { withDraftsRedacted } from "@/lib/reports/visibility";
import { auditNames } from "./names";
import { auditFilterSchema, type AuditFilters } from "./schemas";
import { actionsNamed } from "./wording";

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_LIMIT = 10_000;

export function auditWhere(user: SessionUser, f: AuditFilters): Prisma.AuditRecordWhereInput {
  const and: Prisma.AuditRecordWhereInput[] = [visibleAudit(user)];
  if (f.actor) and.push({ actorId: f.actor });
  if (f.campaign) and.push({ campaignId: f.campaign });
  if (f.entity) and.push({ entityType: f.entity });
  if (f.action) and.push({ action: f.action });
  // "to 2018-04-10" takes the whole of that day in China, up to 23:59:59.999.
  if (f.from) and.push({ at: { gte: startOfChinaDay(f.from) } });
  if (f.to) and.push({ at: { lt: daysBefore(startOfChinaDay(f.to), -1) } });
  if (f.q) {
    const contains = { contains: f.q, mode: "insensitive" as const };
    const named = actionsNamed(f.q);
    and.push({ OR: [{ actorName: contains }, { action: contains }, { entityId: contains }, ...(named.length ? [{ action: { in: named } }] : [])] });
  }
  return { AND: and };
}

const rowSelect = {
  id: true,
  at: true,
  actorId: true,
  actorName: true,
  action: true,
  entityType: true,
  entityId: true,
  campaignId: true,
  oldValues: true,
  newValues: true,
} satisfies Prisma.AuditRecordSelect;

/** redacted: a draft's content left out for a reader who may not see it (lib/reports/visibility.ts). */
export type AuditRow = Prisma.AuditRecordGetPayload<{ select: typeof rowSelect }> & { redacted?: true };

export interface AuditFilterOptions {
  people: { id: string; name: string; username: string }[];
  campaigns: { id: string; number: number; name: string; year: number }[];
  entityTypes: string[];
  actions: string[];
}

/** What the filter form offers: the people and campaigns the user can see, and the entity types and actions on record. */
export async function auditFilterOptions(user: SessionUser): Promise<AuditFilterOptions> {
  const scope = visibleAudit(user);
  const [people, campaigns, entityTypes, actions] = await Promise.all([
    db().user.findMany({ where: visibleUsers(user), select: { id: true, name: true, username: true }, orderBy: [{ name: "asc" }, { username: "asc" }] }),
    db().campaign.findMany({
      where: visibleCampaigns(user),
      select: { id: true, number: true, name: true, plan: { select: { year: true } } },
      orderBy: [{ plan: { year: "desc" } }, { number: "asc" }],
    }),
    // SELECT DISTINCT, in the database (findMany's distinct would read every record).
    db().auditRecord.groupBy({ by: ["entityType"], where: scope, orderBy: { entityType: "asc" } }),
    db().auditRecord.groupBy({ by: ["action"], where: scope, orderBy: { action: "asc" } }),
  ]);
  return {
    people,
    campaigns: campaigns.map((c) => ({ id: c.id, number: c.number, name: c.name, year: c.plan.year })),
    entityTypes: entityTypes.map((e) => e.entityType),
    actions: actions.map((a) => a.action),
  };
}

export type AuditSearch =
  | { ok: true; filters: AuditFilters; rows: AuditRow[]; older: string | null; names: Record<string, string>; options: AuditFilterOptions }
  | { ok: false; error: "invalid"; fieldErrors: FieldErrors; options: AuditFilterOptions }
  | { ok: false; error: "forbidden" };

/** One page of the trail under the filters (raw from the URL), with names for the ids it shows. */
export async function searchAudit(user: SessionUser, raw: unknown): Promise<AuditSearch> {
  if (!may(user, "readAudit")) return { ok: false, error: "forbidden" };
  const parsed = auditFilterSchema.safeParse(raw);
  const options = await auditFilterOptions(user);
  if (!parsed.success) {
    const result = invalid(parsed.error);
    return { ok: false, error: "invalid", fieldErrors: "fieldErrors" in result ? result.fieldErrors : {}, options };
  }
  const filters = parsed.data;
  const where = auditWhere(user, filters);
  const found = await db().auditRecord.findMany({
    where: filters.before === undefined ? where : { AND: [where, { id: { lt: filters.before } }] },
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: rowSelect,
  });
  const rows = await withDraftsRedacted(user, found.slice(0, AUDIT_PAGE_SIZE));
  const older = found.length > AUDIT_PAGE_SIZE ? (rows.at(-1)?.id.toString() ?? null) : null;
  return { ok: true, filters, rows, older, names: await auditNames(user, rows), options };
}

/** Every record under the filters, newest first, up to the export limit (the page cursor is ignored). */
export async function auditForExport(user: SessionUser, filters: AuditFilters): Promise<{ rows: AuditRow[]; truncated: boolean }> {
  const found = await db().auditRecord.findMany({
    where: auditWhere(user, filters),
    orderBy: { id: "desc" },
    take: AUDIT_EXPORT_LIMIT + 1,
    select: rowSelect,
  });
  return { rows: await withDraftsRedacted(user, found.slice(0, AUDIT_EXPORT_LIMIT)), truncated: found.length > AUDIT_EXPORT_LIMIT };
}
