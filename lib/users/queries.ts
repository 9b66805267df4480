import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { visibleCampaigns, visibleUsers } from "@/lib/auth/scope";
import { db } from "@/lib/db";

/** Users for the admin page; never the password hash. */
export function listUsers(admin: SessionUser) {
  return db().user.findMany({
    where: visibleUsers(admin),
    orderBy: [{ disabled: "asc" }, { username: "asc" }],
    select: {
      id: true,
      username: true,
      name: true,
      title: true,
      disabled: true,
      mustChangePassword: true,
      version: true,
      mobile: true,
      email: true,
      org: { select: { name: true } },
      department: { select: { name: true } },
      roles: { select: { role: true } },
      leadOf: { select: { campaign: { select: { number: true, name: true } } } },
    },
  });
}

/** One user as the edit form starts from, or null when the admin cannot reach them. */
export function userForEdit(admin: SessionUser, userId: string) {
  return db().user.findFirst({
    where: { id: userId, ...visibleUsers(admin) },
    select: {
      id: true,
      username: true,
      name: true,
      title: true,
      orgId: true,
      departmentId: true,
      isPrincipal: true,
      disabled: true,
      mustChangePassword: true,
      version: true,
      org: { select: { name: true } },
      roles: { select: { role: true } },
      leadOf: { where: { campaign: visibleCampaigns(admin) }, select: { campaignId: true } },
    },
  });
}

/** What the user form offers: the admin's organisations, their departments, and the campaigns of their plans. */
export async function userFormChoices(admin: SessionUser) {
  const [orgs, departments, campaigns] = await Promise.all([
    db().organization.findMany({
      where: { id: { in: admin.orgIds } },
      orderBy: [{ kind: "asc" }, { code: "asc" }],
      select: { id: true, name: true, parentId: true },
    }),
    db().department.findMany({ where: { orgId: { in: admin.orgIds } }, orderBy: { name: "asc" }, select: { id: true, name: true, orgId: true } }),
    db().campaign.findMany({
      where: visibleCampaigns(admin),
      orderBy: [{ plan: { year: "desc" } }, { plan: { title: "asc" } }, { number: "asc" }],
      select: { id: true, number: true, name: true, plan: { select: { id: true, title: true, orgId: true } } },
    }),
  ]);
  return {
    orgs: orgs.map((o) => ({ id: o.id, name: o.name, parentId: o.parentId })),
    departments,
    campaigns: campaigns.map((c) => ({ id: c.id, number: c.number, name: c.name, planId: c.plan.id, planTitle: c.plan.title, orgId: c.plan.orgId })),
  };
}

export type UserFormChoices = Awaited<ReturnType<typeof userFormChoices>>;
