// Names for the record ids an audit record carries (its entity, a report's figures keyed by
// indicator, a user's department …), so the viewer and the export say "任务 A" and not a cuid.
// Looked up within what the reader may see: an id outside their organisations stays an id.
import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { visibleCampaigns, visiblePlans, visibleUsers } from "@/lib/auth/scope";
import { db } from "@/lib/db";

const CUID = /^c[a-z0-9]{20,31}$/;
const CHUNK = 1000;

function collect(value: unknown, into: Set<string>): void {
  if (typeof value === "string") {
    if (CUID.test(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, into);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (CUID.test(k)) into.add(k);
      collect(v, into);
    }
  }
}

type Named = { entityId: string; campaignId: string | null; oldValues: unknown; newValues: unknown };

export function idsIn(records: Named[]): string[] {
  const ids = new Set<string>();
  for (const r of records) {
    collect(r.entityId, ids);
    collect(r.campaignId, ids);
    collect(r.oldValues, ids);
    collect(r.newValues, ids);
  }
  return [...ids];
}

async function namesOf(user: SessionUser, ids: string[]): Promise<[string, string][]> {
  const where = { id: { in: ids } };
  const [plans, campaigns, indicators, tasks, users, departments] = await Promise.all([
    db().plan.findMany({ where: { ...where, ...visiblePlans(user) }, select: { id: true, title: true } }),
    db().campaign.findMany({ where: { ...where, ...visibleCampaigns(user) }, select: { id: true, name: true } }),
    db().indicator.findMany({ where: { ...where, plan: visiblePlans(user) }, select: { id: true, name: true } }),
    db().task.findMany({ where: { ...where, campaign: visibleCampaigns(user) }, select: { id: true, title: true } }),
    db().user.findMany({ where: { ...where, ...visibleUsers(user) }, select: { id: true, name: true } }),
    db().department.findMany({ where: { ...where, orgId: { in: user.orgIds } }, select: { id: true, name: true } }),
  ]);
  return [
    ...plans.map((p) => [p.id, p.title] as [string, string]),
    ...campaigns.map((c) => [c.id, c.name] as [string, string]),
    ...indicators.map((i) => [i.id, i.name] as [string, string]),
    ...tasks.map((t) => [t.id, t.title] as [string, string]),
    ...users.map((u) => [u.id, u.name] as [string, string]),
    ...departments.map((d) => [d.id, d.name] as [string, string]),
  ];
}

export async function auditNames(user: SessionUser, records: Named[]): Promise<Record<string, string>> {
  const ids = idsIn(records);
  const names: Record<string, string> = {};
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const [id, name] of await namesOf(user, ids.slice(i, i + CHUNK))) names[id] = name;
  }
  return names;
}
