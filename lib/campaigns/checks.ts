// A campaign's people and dates checked against its plan: departments of the plan's town, a leading
// official who is one of its leaders, leads who are its leads, dates within the plan year.
import "server-only";
import type { Tx } from "@/lib/db";
import type { FieldErrors } from "@/lib/errors";
import { withinYear } from "@/lib/validation/form-fields";

interface People {
  leadDepartmentId: string | null;
  cooperatingIds: string[];
  leadingOfficialId: string | null;
  reviewerId: string | null;
  leadIds: string[];
  startDate: Date | null;
  endDate: Date | null;
}

/** Who already holds a place on the campaign keeps it, even if no longer eligible to be chosen anew. */
interface Current {
  id: string;
  leadingOfficialId: string | null;
  reviewerId: string | null;
  leadIds: string[];
}

export async function campaignErrors(
  tx: Tx,
  plan: { id: string; orgId: string; year: number },
  c: People & { number: number },
  current?: Current,
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const add = (field: string, key: string) => (errors[field] ??= []).push(key);
  const departments = [...new Set([c.leadDepartmentId, ...c.cooperatingIds].filter((d): d is string => !!d))];
  const found = new Set((await tx.department.findMany({ where: { id: { in: departments }, orgId: plan.orgId }, select: { id: true } })).map((d) => d.id));
  if (c.leadDepartmentId && !found.has(c.leadDepartmentId)) add("leadDepartmentId", "validation.department");
  if (c.cooperatingIds.some((d) => !found.has(d))) add("cooperatingIds", "validation.department");
  else if (c.leadDepartmentId && c.cooperatingIds.includes(c.leadDepartmentId)) add("cooperatingIds", "validation.cooperatingIsLead");

  const active = { orgId: plan.orgId, disabled: false };
  const isLeader = async (id: string) => !!(await tx.user.findFirst({ where: { id, ...active, roles: { some: { role: "LEADER" } } }, select: { id: true } }));
  if (c.leadingOfficialId !== null && c.leadingOfficialId !== current?.leadingOfficialId && !(await isLeader(c.leadingOfficialId))) {
    add("leadingOfficialId", "validation.leadingOfficial");
  }
  if (c.reviewerId !== null && c.reviewerId !== current?.reviewerId && !(await isLeader(c.reviewerId))) add("reviewerId", "validation.reviewer");
  const newLeads = c.leadIds.filter((u) => !current?.leadIds.includes(u));
  if (newLeads.length && (await tx.user.count({ where: { id: { in: newLeads }, ...active, roles: { some: { role: "LEAD" } } } })) !== newLeads.length) {
    add("leadIds", "validation.leads");
  }
  if (c.startDate && !withinYear(c.startDate, plan.year)) add("startDate", "validation.dateOutsideYear");
  if (c.endDate && !withinYear(c.endDate, plan.year)) add("endDate", "validation.dateOutsideYear");
  const sameNumber = await tx.campaign.findFirst({
    where: { planId: plan.id, number: c.number, ...(current ? { id: { not: current.id } } : {}) },
    select: { id: true },
  });
  if (sameNumber) add("number", "validation.campaignNumberTaken");
  return errors;
}
