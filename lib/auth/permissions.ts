// What each role may do: one table of named permissions. Pure, so pages use it to decide what to
// show and the server to decide what to allow. A permission says which roles may do a kind of thing
// at all; which records they may do it to is scoped in the query (lib/auth/scope.ts).
import type { Role } from "@/generated/prisma/enums";
import type { SessionUser } from "./roles";

export const PERMISSIONS = {
  /** Plan keeping: plans, campaigns, indicators, tasks, owners; the import and the rollover. */
  keepPlan: ["ADMIN", "STAFF"],
  /** The department list (党政办 and admins). */
  keepDepartments: ["ADMIN", "STAFF"],
  /** 批示 on a campaign. Who reviews a report is not a role but the organisation: reviewableCampaigns. */
  comment: ["ADMIN", "LEADER"],
  /** 催办: remind a campaign's leads. */
  remind: ["ADMIN", "LEADER", "STAFF"],
  /** The monthly summary (月报) at all: the whole plan (exportAll) or one's own campaigns (leadOwn). */
  export: ["ADMIN", "LEADER", "STAFF", "VIEWER", "LEAD"],
  /** The whole plan's monthly summary (月报). Viewers too: oversight (e.g. the town's 纪委) reads everything. */
  exportAll: ["ADMIN", "LEADER", "STAFF", "VIEWER"],
  /** The audit trail (审计记录), read-only: admins, leadership, and viewers for oversight. */
  readAudit: ["ADMIN", "LEADER", "VIEWER"],
  /** The system's own audit records (those of no organisation). */
  readSystemAudit: ["ADMIN"],
  /** Users, sign-in limits, other people's sessions. */
  administer: ["ADMIN"],
  /** Write progress for some campaign at all (which ones: reportableCampaigns); the desk at /my. */
  reportProgress: ["ADMIN", "LEAD"],
  /** Lead campaigns of one's own: report, export and see the desk for those only. */
  leadOwn: ["LEAD"],
  /** Decide pending changes of targets (which ones: decidablePlanChanges). */
  decidePlanChanges: ["ADMIN", "LEADER"],
  /** 申请销号: ask that a finished task of one's own campaign be closed (which tasks: closableTasks). */
  askTaskClosure: ["ADMIN", "LEAD"],
  /** Confirm or return a 销号 (which: confirmableClosures; the plan says 分管领导 or office staff). */
  confirmTaskClosure: ["ADMIN", "LEADER", "STAFF"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether the user holds one of the roles the permission names. */
export function may(user: Pick<SessionUser, "roles">, permission: Permission): boolean {
  const roles: readonly Role[] = PERMISSIONS[permission];
  return user.roles.some((r) => roles.includes(r));
}
