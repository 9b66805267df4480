// Creating and editing a plan. Staff and admins only (the role is in the query), each write in one
// transaction with its audit record; an edit must be based on the plan's current version.
import "server-only";
import { audit } from "@/lib/audit/record";
import { can, type SessionUser } from "@/lib/auth/roles";
import { db, WRITE_TX, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { changes } from "./diff";
import { fieldErrorsOf } from "./fields";
import { createPlanSchema, updatePlanSchema } from "./plan-schema";
import { keepableOrgs, keepablePlans } from "./scope";
import type { Saved } from "./types";


const titleTaken = (): Saved => ({ ok: false, error: "invalid", fieldErrors: { title: ["validation.planTitleTaken"] } });

const planSelect = {
  title: true,
  titleEn: true,
  year: true,
  baselineYear: true,
  goals: true,
  rules: true,
  reportDueDay: true,
  escalateAfterDays: true,
  status: true,
  preReview: true,
  version: true,
} as const;

async function snapshot(tx: Tx, planId: string) {
  return tx.plan.findUniqueOrThrow({ where: { id: planId }, select: planSelect });
}

export async function createPlan(user: SessionUser, raw: unknown): Promise<Saved> {
  if (!can.keepPlan(user)) return { ok: false, error: "forbidden" };
  const parsed = createPlanSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const { orgId, ...fields } = parsed.data;
  try {
    return await db().$transaction(async (tx): Promise<Saved> => {
      // Plans belong to towns: a county user picks one of the county's towns.
      const org = await tx.organization.findFirst({ where: { AND: [{ id: orgId, kind: "TOWN" }, keepableOrgs(user)] }, select: { id: true } });
      if (!org) return { ok: false, error: "invalid", fieldErrors: { orgId: ["validation.org"] } };
      if (await tx.plan.findFirst({ where: { orgId, year: fields.year, title: fields.title }, select: { id: true } })) return titleTaken();
      const plan = await tx.plan.create({ data: { orgId, ...fields }, select: { id: true } });
      await audit(tx, { actor: user, action: "plan.create", entityType: "Plan", entityId: plan.id, orgId, newValues: await snapshot(tx, plan.id) });
      return { ok: true, data: { id: plan.id } };
    }, WRITE_TX);
  } catch (error) {
    // Two people creating the same title at once: the second meets the unique (org, year, title).
    if (isUniqueViolation(error)) return titleTaken();
    throw error;
  }
}

export async function updatePlan(user: SessionUser, raw: unknown): Promise<Saved> {
  const parsed = updatePlanSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const { planId, version, ...fields } = parsed.data;
  try {
    return await db().$transaction(async (tx): Promise<Saved> => {
      const scope = { AND: [{ id: planId }, keepablePlans(user)] };
      const plan = await tx.plan.findFirst({ where: scope, select: { orgId: true, ...planSelect } });
      if (!plan) return { ok: false, error: "notFound" };
      const { orgId, ...before } = plan;
      if (before.version !== version) return { ok: false, error: "conflict", current: before };
      const baselineYear = fields.baselineYear ?? before.year - 1;
      if (baselineYear >= before.year) return { ok: false, error: "invalid", fieldErrors: { baselineYear: ["validation.baselineYear"] } };
      const taken = await tx.plan.findFirst({ where: { orgId, year: before.year, title: fields.title, id: { not: planId } }, select: { id: true } });
      if (taken) return titleTaken();
      const { count } = await tx.plan.updateMany({ where: { ...scope, version }, data: { ...fields, baselineYear, version: { increment: 1 } } });
      if (count === 0) return { ok: false, error: "conflict", current: await snapshot(tx, planId) };
      await audit(tx, { actor: user, action: "plan.update", entityType: "Plan", entityId: planId, orgId, ...changes(before, await snapshot(tx, planId)) });
      return { ok: true, data: { id: planId } };
    }, WRITE_TX);
  } catch (error) {
    if (isUniqueViolation(error)) return titleTaken();
    throw error;
  }
}
