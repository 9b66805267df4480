import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { recordInitialPlan } from "@/lib/plans/history/versioning";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { db, WRITE_TX, type Tx } from "@/lib/db";
import { invalid, type ActionResult } from "@/lib/errors";
import { planRollover, type Baseline, type NewTask } from "./rollover";
import { loadRolloverSource } from "./source";
import { rolloverSchema } from "./schemas";

export interface RolledPlan {
  planId: string;
  baselines: Baseline[];
  carriedTasks: number;
}

const titleTaken = (): ActionResult<never> => ({ ok: false, error: "invalid", fieldErrors: { title: ["rollover.errors.titleTaken"] } });

/**
 * Creates next year's plan from this year's in one transaction with its audit record. Only office
 * staff and admins reach the source plan at all (the role is part of the query); the plan must not
 * have changed since the preview (version), the year must be the next one, and the org must not
 * already have a plan of that year with that title.
 */
export async function rollPlanForward(user: SessionUser, raw: unknown): Promise<ActionResult<RolledPlan>> {
  const parsed = rolloverSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  try {
    return await db().$transaction(async (tx): Promise<ActionResult<RolledPlan>> => {
      const source = await loadRolloverSource(tx, user, input.planId);
      if (!source) return { ok: false, error: "notFound" };
      if (source.version !== input.version) return { ok: false, error: "conflict", current: { version: source.version, title: source.title } };
      if (input.year !== source.year + 1) return { ok: false, error: "invalid", fieldErrors: { year: ["rollover.errors.yearNotNext"] } };
      const taken = await tx.plan.findFirst({ where: { orgId: source.orgId, year: input.year, title: input.title }, select: { id: true } });
      if (taken) return titleTaken();

      const rows = planRollover(source, { title: input.title, carryUnfinishedTasks: input.carryUnfinishedTasks });
      const plan = await tx.plan.create({ data: rows.plan });
      for (const c of rows.campaigns) {
        const { indicators, tasks, cooperatingDepartmentIds, leadUserIds, ...fields } = c;
        const campaign = await tx.campaign.create({
          data: {
            ...fields,
            planId: plan.id,
            cooperating: { create: cooperatingDepartmentIds.map((departmentId) => ({ departmentId })) },
            leads: { create: leadUserIds.map((userId) => ({ userId })) },
            indicators: { create: indicators.map((i) => ({ ...i, planId: plan.id })) },
          },
        });
        await createTasks(tx, campaign.id, null, tasks);
      }
      await tx.indicator.createMany({ data: rows.planIndicators.map((i) => ({ ...i, planId: plan.id })) });
      await recordInitialPlan(tx, plan.id, user);

      await audit(tx, {
        actor: user,
        action: "plan.rollover",
        entityType: "Plan",
        entityId: plan.id,
        orgId: source.orgId,
        newValues: {
          rolledFrom: { planId: source.id, year: source.year, title: source.title },
          ...rows.plan,
          campaigns: rows.campaigns.length,
          indicators: rows.baselines.length,
          carryUnfinishedTasks: input.carryUnfinishedTasks,
          carriedTasks: rows.carriedTasks,
          // Which month each baseline is from, and which are provisional or still missing.
          baselines: rows.baselines.map((b) => ({ key: b.key, value: b.value, month: b.month, provisional: b.provisional })),
        },
      });
      return { ok: true, data: { planId: plan.id, baselines: rows.baselines, carriedTasks: rows.carriedTasks } };
    }, WRITE_TX);
  } catch (error) {
    // Two rolls under the same title at once: the second meets the unique (org, year, title).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return titleTaken();
    throw error;
  }
}

async function createTasks(tx: Tx, campaignId: string, parentId: string | null, tasks: NewTask[]): Promise<void> {
  for (const { children, ...task } of tasks) {
    const created = await tx.task.create({ data: { ...task, campaignId, parentId } });
    await createTasks(tx, campaignId, created.id, children);
  }
}
