// What the plan-keeping pages load: the record to edit (only within the plans the user keeps) and
// the choices its form offers.
import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { keepableCampaigns, keepableOrgs, keepablePlans } from "@/lib/auth/scope";

/** Towns this user can create a plan for. */
export function keepableTowns(user: SessionUser) {
  return db().organization.findMany({ where: { AND: [{ kind: "TOWN" }, keepableOrgs(user)] }, orderBy: { code: "asc" }, select: { id: true, name: true } });
}

export function planForEdit(user: SessionUser, planId: string) {
  return db().plan.findFirst({
    where: { AND: [{ id: planId }, keepablePlans(user)] },
    include: {
      org: { select: { name: true } },
      indicators: { where: { campaignId: null }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true, unit: true } },
    },
  });
}

const person = { id: true, name: true, title: true } as const;
const byName = { name: "asc" } as const;

/**
 * The departments and people a campaign of `orgId` can have: the town's departments, its leaders
 * (leading official) and its leads. The campaign's current people are offered too, eligible or not.
 */
export async function campaignChoices(orgId: string, current: { leadingOfficialId?: string | null; reviewerId?: string | null; leadIds?: string[] } = {}) {
  const eligible = (role: "LEADER" | "LEAD", keep: string[]) => ({ orgId, OR: [{ disabled: false, roles: { some: { role } } }, { id: { in: keep } }] });
  const [departments, leaders, leads] = await Promise.all([
    db().department.findMany({ where: { orgId }, orderBy: byName, select: { id: true, name: true } }),
    db().user.findMany({
      where: eligible(
        "LEADER",
        [current.leadingOfficialId, current.reviewerId].filter((id): id is string => !!id),
      ),
      orderBy: byName,
      select: person,
    }),
    db().user.findMany({ where: eligible("LEAD", current.leadIds ?? []), orderBy: byName, select: person }),
  ]);
  return { departments, leaders, leads };
}

/** The number a new campaign of the plan gets by default: one after the last. */
export async function nextCampaignNumber(planId: string): Promise<number> {
  const last = await db().campaign.aggregate({ where: { planId }, _max: { number: true } });
  return (last._max.number ?? 0) + 1;
}

export type CampaignChoices = Awaited<ReturnType<typeof campaignChoices>>;

export function campaignForEdit(user: SessionUser, campaignId: string) {
  return db().campaign.findFirst({
    where: { AND: [{ id: campaignId }, keepableCampaigns(user)] },
    include: {
      plan: { select: { id: true, title: true, year: true, orgId: true } },
      cooperating: { select: { departmentId: true } },
      leads: { select: { userId: true } },
    },
  });
}

/** The plan (for a town-wide indicator) or the campaign an indicator belongs to. */
export function indicatorForEdit(user: SessionUser, indicatorId: string) {
  return db().indicator.findFirst({
    where: { AND: [{ id: indicatorId }, { plan: keepablePlans(user) }] },
    include: {
      trajectory: { orderBy: { month: "asc" } },
      plan: { select: { id: true, title: true, year: true, baselineYear: true, status: true, targetChangeNeedsApproval: true } },
      campaign: { select: { id: true, name: true } },
    },
  });
}

/** A campaign for its indicator and task forms: the plan year, the town, and the top-level tasks a sub-task can hang under. */
export function campaignForForms(user: SessionUser, campaignId: string) {
  return db().campaign.findFirst({
    where: { AND: [{ id: campaignId }, keepableCampaigns(user)] },
    select: {
      id: true,
      name: true,
      plan: { select: { id: true, year: true, baselineYear: true, orgId: true, status: true, targetChangeNeedsApproval: true } },
      tasks: { where: { parentId: null }, orderBy: [{ sortOrder: "asc" }, { dueDate: "asc" }], select: { id: true, title: true } },
    },
  });
}

export function taskForEdit(user: SessionUser, campaignId: string, taskId: string) {
  return db().task.findFirst({
    where: { AND: [{ id: taskId, campaignId }, { campaign: keepableCampaigns(user) }] },
    include: { _count: { select: { children: true } } },
  });
}

/** People who can own a task: the town's active users, and the task's current owner. */
export function ownerChoices(orgId: string, keep: string | null = null) {
  return db().user.findMany({
    where: { orgId, OR: [{ disabled: false }, ...(keep ? [{ id: keep }] : [])] },
    orderBy: byName,
    select: person,
  });
}
