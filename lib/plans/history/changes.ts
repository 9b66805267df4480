import "server-only";
// The plan's changes as people read them: every change since the plan was first set (target,
// trajectory, task dates, rules), when it applies from, who asked and why; and the changes of
// targets waiting for a leader's approval, with who may decide them. Decided on the server: the
// permission to decide is part of the query (decidablePlanChanges).
import type { SessionUser } from "@/lib/auth/roles";
import { decidablePlanChanges, visiblePlans } from "@/lib/auth/scope";
import { db } from "@/lib/db";

export async function listPlanChanges(user: SessionUser, planId: string) {
  const [changes, decidable] = await Promise.all([
    db().planVersion.findMany({
      where: { planId, plan: visiblePlans(user), kind: { not: "INITIAL" } },
      orderBy: { requestedAt: "desc" },
      take: 100,
      select: {
        id: true,
        kind: true,
        status: true,
        fromMonth: true,
        reason: true,
        payload: true,
        requestedAt: true,
        inForceAt: true,
        decidedAt: true,
        decisionNote: true,
        requestedBy: { select: { name: true } },
        decidedBy: { select: { name: true } },
        indicator: {
          select: {
            id: true,
            name: true,
            unit: true,
            decimals: true,
            campaign: { select: { number: true, name: true, leadingOfficial: { select: { name: true } } } },
          },
        },
        task: { select: { id: true, title: true, campaign: { select: { number: true, name: true } } } },
      },
    }),
    db().planVersion.findMany({ where: { planId, ...decidablePlanChanges(user) }, select: { id: true } }),
  ]);
  const mayDecide = new Set(decidable.map((d) => d.id));
  return changes.map((c) => ({ ...c, mayDecide: mayDecide.has(c.id) }));
}

export type PlanChangeRow = Awaited<ReturnType<typeof listPlanChanges>>[number];
