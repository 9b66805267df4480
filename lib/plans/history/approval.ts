import "server-only";
// A leader decides a change of targets that the plan sent for approval. Approved, it comes into
// force now (from the month it asked for; if that month has since been reported, it is a 调整 and
// the decision note is its reason); rejected, the plan stays as it was. Audited with the decision.
import { z } from "zod";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { db, WRITE_TX } from "@/lib/db";
import { invalid, type ActionResult } from "@/lib/errors";
import { decidablePlanChanges } from "@/lib/auth/scope";
import { loadPlanHistory } from "./history";
import { applyIndicatorPlan, closedMonth } from "./versioning";
import { readIndicatorPlan } from "./versions";

const decisionSchema = z.object({
  versionId: z.string().min(1).max(64),
  decision: z.enum(["approve", "reject"], { message: "validation.choice" }),
  note: z
    .string()
    .trim()
    .max(500, "validation.tooLong")
    .optional()
    .transform((v) => v || null),
});

export async function decidePlanChange(user: SessionUser, raw: unknown): Promise<ActionResult<{ status: string }>> {
  const parsed = decisionSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { versionId, decision, note } = parsed.data;
  return db().$transaction(async (tx): Promise<ActionResult<{ status: string }>> => {
    const version = await tx.planVersion.findFirst({
      where: { id: versionId, ...decidablePlanChanges(user) },
      select: {
        id: true,
        planId: true,
        indicatorId: true,
        fromMonth: true,
        reason: true,
        payload: true,
        plan: { select: { id: true, year: true, orgId: true } },
        indicator: { select: { campaignId: true } },
      },
    });
    if (!version || !version.indicatorId) return { ok: false, error: "notFound" };
    const at = now();
    if (decision === "reject") {
      const { count } = await tx.planVersion.updateMany({
        where: { id: versionId, status: "PENDING" },
        data: { status: "REJECTED", decidedById: user.id, decidedAt: at, decisionNote: note },
      });
      if (count === 0) return { ok: false, error: "locked", status: "DECIDED" };
    } else {
      const payload = readIndicatorPlan(version.payload);
      if (!payload) return { ok: false, error: "notFound" };
      const adjusting = version.fromMonth <= closedMonth(version.plan.year, at);
      if (adjusting && !version.reason && !note) return { ok: false, error: "invalid", fieldErrors: { note: ["validation.adjustmentReason"] } };
      // The months before it applies keep the plan in force when it is approved.
      const history = await loadPlanHistory(version.plan, tx);
      const stored = await tx.indicator.findUniqueOrThrow({ where: { id: version.indicatorId }, select: { id: true, targetValue: true, trajectory: true } });
      const planned = payload.planned.map((v, i) => (i + 1 < version.fromMonth ? (history.indicatorAt(stored, i + 1, at).planned[i] ?? v) : v));
      const { count } = await tx.planVersion.updateMany({
        where: { id: versionId, status: "PENDING" },
        data: {
          status: "IN_FORCE",
          kind: adjusting ? "ADJUSTMENT" : "CHANGE",
          reason: version.reason ?? note,
          payload: { target: payload.target, planned },
          inForceAt: at,
          decidedById: user.id,
          decidedAt: at,
          decisionNote: note,
        },
      });
      if (count === 0) return { ok: false, error: "locked", status: "DECIDED" };
      await applyIndicatorPlan(tx, version.indicatorId, { target: payload.target, planned });
    }
    const status = decision === "approve" ? "IN_FORCE" : "REJECTED";
    await audit(tx, {
      actor: user,
      action: decision === "approve" ? "planChange.approve" : "planChange.reject",
      entityType: "Indicator",
      entityId: version.indicatorId,
      orgId: version.plan.orgId,
      campaignId: version.indicator?.campaignId ?? null,
      oldValues: { status: "PENDING" },
      newValues: { status, versionId, fromMonth: version.fromMonth, note },
    });
    return { ok: true, data: { status } };
  }, WRITE_TX);
}
