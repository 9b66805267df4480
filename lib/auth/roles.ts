// Roles and what each may do. Pure: used by the server checks and to decide what a page shows.
import type { Role } from "@/generated/prisma/enums";

export type { Role };

export interface SessionUser {
  id: string;
  username: string;
  name: string;
  orgId: string;
  /** The organisations whose plans this user may see: their own, plus the towns of a county. */
  orgIds: string[];
  roles: Role[];
  mustChangePassword: boolean;
}

export function hasRole(user: Pick<SessionUser, "roles">, ...roles: Role[]): boolean {
  return user.roles.some((r) => roles.includes(r));
}

export const can = {
  /** Plan keeping: campaigns, indicators, tasks, owners. */
  keepPlan: (u: SessionUser) => hasRole(u, "ADMIN", "STAFF"),
  // Who reviews a report is not a role but the organisation (the campaign's 分管领导 …): lib/reports/review-scope.ts.
  comment: (u: SessionUser) => hasRole(u, "ADMIN", "LEADER"),
  /** The whole plan's monthly summary (月报). Viewers too: oversight (e.g. the town's 纪委) reads everything. */
  exportAll: (u: SessionUser) => hasRole(u, "ADMIN", "LEADER", "STAFF", "VIEWER"),
  /** The audit trail (审计记录), read-only: admins, leadership, and viewers for oversight. */
  readAudit: (u: SessionUser) => hasRole(u, "ADMIN", "LEADER", "VIEWER"),
  administer: (u: SessionUser) => hasRole(u, "ADMIN"),
  /** Whether the user can write progress for some campaign at all (which ones is scoped in the query). */
  reportProgress: (u: SessionUser) => hasRole(u, "ADMIN", "LEAD"),
};

/** The user row (with roles and the org's child towns) as the session sees it. */
export const sessionUserSelect = {
  id: true,
  username: true,
  name: true,
  orgId: true,
  mustChangePassword: true,
  roles: { select: { role: true } },
  org: { select: { children: { select: { id: true } } } },
} as const;

export function toSessionUser(u: {
  id: string;
  username: string;
  name: string;
  orgId: string;
  mustChangePassword: boolean;
  roles: { role: Role }[];
  org: { children: { id: string }[] };
}): SessionUser {
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    orgId: u.orgId,
    orgIds: [u.orgId, ...u.org.children.map((c) => c.id)],
    roles: [...new Set(u.roles.map((r) => r.role))],
    mustChangePassword: u.mustChangePassword,
  };
}
