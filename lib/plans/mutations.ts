// Creating and editing a plan. Staff and admins only (the role is in the query), each write in one
// transaction with its audit record; an edit must be based on the plan's current version.
import "server-only";
import { may } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { db, WRITE_TX, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { fieldErrorsOf, Refusal, refusable, type Saved } from "@/lib/errors";
import { parseChangeRequest, recordInitial, recordPlanRules } from "@/lib/plans/history/versioning";
import { DEFAULT_RULES, readRules } from "@/lib/status";
import { rulesFromForm } from "./rules";
import { changes } from "@/lib/audit/diff";
import type { z } from "zod";
import { scheduleFromForm, type Schedule } from "./schedule";
import { createPlanSchema, updatePlanSchema } from "./schemas";
import { keepableOrgs, keepablePlans } from "@/lib/auth/scope";

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
  lightRules: true,
  targetChangeNeedsApproval: true,
  status: true,
  preReview: true,
  documentIssuer: true,
  documentFirstMonth: true,
  remindDaysBefore: true,
  remindOnDueDay: true,
  escalatePrincipalAfterDays: true,
  closureConfirmedBy: true,
  version: true,
} as const;

/** The plan's own columns from the form; its rules (due day, escalation, thresholds) are versioned apart. */
function described(f: {
  baselineYear: number | null;
  title: string;
  titleEn: string | null;
  goals: string[];
  rules: string[];
  status: "DRAFT" | "ACTIVE" | "CLOSED";
  targetChangeNeedsApproval: boolean;
  preReview: boolean;
  documentIssuer: string | null;
  documentFirstMonth: number;
}) {
  return {
    title: f.title,
    titleEn: f.titleEn,
    goals: f.goals,
    rules: f.rules,
    status: f.status,
    targetChangeNeedsApproval: f.targetChangeNeedsApproval,
    preReview: f.preReview,
    documentIssuer: f.documentIssuer,
    documentFirstMonth: f.documentFirstMonth,
  };
}

/** The plan form read: its fields and, when the form showed it, the 催办 schedule; every field's error at once. */
function planForm<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): { ok: true; data: z.output<S>; schedule: { data: Schedule | Record<string, never> } } | { ok: false; refused: Saved } {
  const parsed = schema.safeParse(raw);
  const schedule = scheduleFromForm(raw);
  if (parsed.success && schedule.ok) return { ok: true, data: parsed.data, schedule };
  const fieldErrors = { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...(schedule.ok ? {} : schedule.fieldErrors) };
  return { ok: false, refused: { ok: false, error: "invalid", fieldErrors } };
}

async function snapshot(tx: Tx, planId: string) {
  return tx.plan.findUniqueOrThrow({ where: { id: planId }, select: planSelect });
}

export async function createPlan(user: SessionUser, raw: unknown): Promise<Saved> {
  if (!may(user, "keepPlan")) return { ok: false, error: "forbidden" };
  const form = planForm(createPlanSchema, raw);
  if (!form.ok) return form.refused;
  const { schedule } = form;
  const { orgId, ...fields } = form.data;
  try {
    return await db().$transaction(async (tx): Promise<Saved> => {
      // Plans belong to towns: a county user picks one of the county's towns.
      const org = await tx.organization.findFirst({ where: { AND: [{ id: orgId, kind: "TOWN" }, keepableOrgs(user)] }, select: { id: true } });
      if (!org) return { ok: false, error: "invalid", fieldErrors: { orgId: ["validation.org"] } };
      if (await tx.plan.findFirst({ where: { orgId, year: fields.year, title: fields.title }, select: { id: true } })) return titleTaken();
      const rules = rulesFromForm(DEFAULT_RULES, fields);
      if (!rules.ok) return { ok: false, error: "invalid", fieldErrors: rules.fieldErrors };
      const plan = await tx.plan.create({
        data: {
          orgId,
          year: fields.year,
          baselineYear: fields.baselineYear,
          ...described(fields),
          ...schedule.data,
          reportDueDay: fields.reportDueDay,
          escalateAfterDays: fields.escalateAfterDays,
          lightRules: rules.rules as object,
        },
        select: { id: true },
      });
      await recordInitial(
        tx,
        plan.id,
        { plan: true },
        { reportDueDay: fields.reportDueDay, escalateAfterDays: fields.escalateAfterDays, rules: rules.rules },
        user,
      );
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
  const form = planForm(updatePlanSchema, raw);
  if (!form.ok) return form.refused;
  const { schedule } = form;
  const { planId, version, ...fields } = form.data;
  try {
    return await refusable(() =>
      db().$transaction(async (tx): Promise<Saved> => {
        const scope = { AND: [{ id: planId }, keepablePlans(user)] };
        const plan = await tx.plan.findFirst({ where: scope, select: { id: true, orgId: true, ...planSelect } });
        if (!plan) return { ok: false, error: "notFound" };
        const { orgId, id, ...before } = plan;
        if (before.version !== version) return { ok: false, error: "conflict", current: before };
        const baselineYear = fields.baselineYear ?? before.year - 1;
        if (baselineYear >= before.year) return { ok: false, error: "invalid", fieldErrors: { baselineYear: ["validation.baselineYear"] } };
        const taken = await tx.plan.findFirst({ where: { orgId, year: before.year, title: fields.title, id: { not: planId } }, select: { id: true } });
        if (taken) return titleTaken();
        const current = readRules(before.lightRules);
        const rules = rulesFromForm(current, fields);
        if (!rules.ok) return { ok: false, error: "invalid", fieldErrors: rules.fieldErrors };
        const { count } = await tx.plan.updateMany({
          where: { ...scope, version },
          data: { ...described(fields), ...schedule.data, baselineYear, version: { increment: 1 } },
        });
        if (count === 0) return { ok: false, error: "conflict", current: await snapshot(tx, planId) };
        // The due day, escalation days and thresholds are the plan's history: judged as the plan stood before this edit.
        const request = parseChangeRequest(raw as Record<string, unknown>);
        const change = await recordPlanRules(
          tx,
          user,
          { id, year: before.year, status: before.status, targetChangeNeedsApproval: before.targetChangeNeedsApproval },
          request,
          { reportDueDay: before.reportDueDay, escalateAfterDays: before.escalateAfterDays, rules: current },
          { reportDueDay: fields.reportDueDay, escalateAfterDays: fields.escalateAfterDays, rules: rules.rules },
        );
        if (!change.ok) throw new Refusal({ ok: false, error: "invalid", fieldErrors: change.fieldErrors });
        const diff = changes(before, await snapshot(tx, planId));
        const planChange = change.outcome === "inForce" ? { planChange: { kind: change.kind, fromMonth: change.fromMonth, reason: request.reason } } : {};
        await audit(tx, {
          actor: user,
          action: change.kind === "ADJUSTMENT" ? "plan.adjust" : "plan.update",
          entityType: "Plan",
          entityId: planId,
          orgId,
          oldValues: diff.oldValues,
          newValues: { ...diff.newValues, ...planChange },
        });
        return { ok: true, data: { id: planId } };
      }, WRITE_TX),
    );
  } catch (error) {
    if (isUniqueViolation(error)) return titleTaken();
    throw error;
  }
}
