// Who may export what: staff, leaders and admins the whole plan; a campaign lead their own
// campaigns only; anyone else nothing. Part of the query, like every other permission.
import type { Prisma } from "@/generated/prisma/client";
import { can, hasRole, type SessionUser } from "@/lib/auth/roles";
import { visibleCampaigns } from "@/lib/auth/scope";

export function exportableCampaigns(user: SessionUser): Prisma.CampaignWhereInput {
  if (can.exportAll(user)) return visibleCampaigns(user);
  if (hasRole(user, "LEAD")) return { ...visibleCampaigns(user), leads: { some: { userId: user.id } } };
  return { id: { in: [] } };
}

export function canExport(user: SessionUser): boolean {
  return can.exportAll(user) || hasRole(user, "LEAD");
}

/** Archived summaries a user may download again: the plan's whole-plan ones and their own. */
export function downloadableSummaries(user: SessionUser): Prisma.SummaryArchiveWhereInput {
  const plan = { orgId: { in: user.orgIds } };
  if (can.exportAll(user)) return { plan };
  if (hasRole(user, "LEAD")) return { plan, generatedById: user.id };
  return { id: { in: [] } };
}
