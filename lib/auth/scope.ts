// Permission as part of the query: a record the user may not see or change is simply not found.
import type { Prisma } from "@/generated/prisma/client";
import { hasRole, type SessionUser } from "./roles";

export function visiblePlans(user: SessionUser): Prisma.PlanWhereInput {
  return { orgId: { in: user.orgIds } };
}

export function visibleCampaigns(user: SessionUser): Prisma.CampaignWhereInput {
  return { plan: visiblePlans(user) };
}

/** Campaigns whose progress this user may write: their own as a lead; any visible one as admin. */
export function reportableCampaigns(user: SessionUser): Prisma.CampaignWhereInput {
  if (hasRole(user, "ADMIN")) return visibleCampaigns(user);
  if (!hasRole(user, "LEAD")) return { id: { in: [] } };
  return { ...visibleCampaigns(user), leads: { some: { userId: user.id } } };
}

export function visibleUsers(user: SessionUser): Prisma.UserWhereInput {
  return { orgId: { in: user.orgIds } };
}
