// Who keeps a plan: office staff (STAFF) and admins, of the plan's town or of its county. The role
// is part of the query (through the role assignments), so a plan the user may not keep is simply
// not found, whatever the session says.
import type { Prisma } from "@/generated/prisma/client";
import { can, type SessionUser } from "@/lib/auth/roles";

const KEEPERS = ["ADMIN", "STAFF"] as const;

/** Organisations this user keeps plans for: their own (or a county's towns) where they hold a keeper role. */
export function keepableOrgs(user: SessionUser): Prisma.OrganizationWhereInput {
  if (!can.keepPlan(user)) return { id: { in: [] } };
  const held = { roleAssignments: { some: { userId: user.id, role: { in: [...KEEPERS] } } } };
  return { id: { in: user.orgIds }, OR: [held, { parent: held }] };
}

export function keepablePlans(user: SessionUser): Prisma.PlanWhereInput {
  return { org: keepableOrgs(user) };
}

export function keepableCampaigns(user: SessionUser): Prisma.CampaignWhereInput {
  return { plan: keepablePlans(user) };
}
