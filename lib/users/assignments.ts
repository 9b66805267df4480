// Where a person is placed: their department, roles and the campaigns they lead. Checked against
// what the admin may reach, inside the write's own transaction.
import "server-only";
import type { Role } from "@/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/roles";
import { visibleCampaigns } from "@/lib/auth/scope";
import type { Tx } from "@/lib/db";
import type { FieldErrors } from "@/lib/errors";

export interface Placement {
  /** The organisation of the person being placed (not the admin's). */
  orgId: string;
  departmentId: string | null;
  roles: Role[];
  campaignIds: string[];
}

/**
 * A department must be of the person's own organisation; campaigns must be of plans the admin
 * sees and of the person's organisation (or, for a county, its towns); only a lead reports for a
 * campaign, so leading one needs the LEAD role.
 */
export async function placementErrors(tx: Tx, admin: SessionUser, p: Placement): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (p.departmentId) {
    const department = await tx.department.findFirst({ where: { id: p.departmentId, orgId: p.orgId }, select: { id: true } });
    if (!department) errors.departmentId = ["users.departmentInvalid"];
  }
  if (p.campaignIds.length > 0) {
    const found = await tx.campaign.count({
      where: {
        id: { in: p.campaignIds },
        AND: [visibleCampaigns(admin), { plan: { OR: [{ orgId: p.orgId }, { org: { parentId: p.orgId } }] } }],
      },
    });
    if (found !== p.campaignIds.length) errors.campaignIds = ["users.campaignsInvalid"];
    else if (!p.roles.includes("LEAD")) errors.campaignIds = ["users.campaignsNeedLead"];
  }
  return errors;
}

/** Makes the person's roles exactly `roles` (held in their own organisation). */
export async function replaceRoles(tx: Tx, userId: string, orgId: string, roles: Role[]): Promise<void> {
  await tx.roleAssignment.deleteMany({ where: { userId, role: { notIn: roles } } });
  await tx.roleAssignment.createMany({ data: roles.map((role) => ({ userId, role, orgId })), skipDuplicates: true });
}

/** Makes the campaigns the person leads, among those the admin sees, exactly `campaignIds`. */
export async function replaceLeads(tx: Tx, admin: SessionUser, userId: string, campaignIds: string[]): Promise<void> {
  await tx.campaignLead.deleteMany({ where: { userId, campaignId: { notIn: campaignIds }, campaign: visibleCampaigns(admin) } });
  await tx.campaignLead.createMany({ data: campaignIds.map((campaignId) => ({ campaignId, userId })), skipDuplicates: true });
}
