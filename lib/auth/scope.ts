// Permission as part of the query: a record the user may not see or change is simply not found.
// Every where-clause that says which records a user may reach lives here, named after what the
// user may do with them: visible…, keepable…, reportable…, reviewable…, exportable… (a function
// of the user, returning a Prisma where-input). Which roles may do a thing at all is
// lib/auth/permissions.ts; a clause for a user without the permission matches nothing.
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { may, PERMISSIONS } from "./permissions";
import type { SessionUser } from "./roles";

const NOTHING = { id: { in: [] as string[] } };

// Reading

export function visiblePlans(user: SessionUser): Prisma.PlanWhereInput {
  return { orgId: { in: user.orgIds } };
}

export function visibleCampaigns(user: SessionUser): Prisma.CampaignWhereInput {
  return { plan: visiblePlans(user) };
}

export function visibleUsers(user: SessionUser): Prisma.UserWhereInput {
  return { orgId: { in: user.orgIds } };
}

/** Audit records: the user's organisations', and the system's own (no organisation) for admins. */
export function visibleAudit(user: SessionUser): Prisma.AuditRecordWhereInput {
  const own: Prisma.AuditRecordWhereInput = { orgId: { in: user.orgIds } };
  return may(user, "readSystemAudit") ? { OR: [own, { orgId: null }] } : own;
}

/**
 * Reports whose content this user may read: anything submitted at some point, and drafts of
 * campaigns they report for (an unsubmitted draft is its leads' and admins' only, see
 * lib/reports/visibility.ts).
 */
export function readableReports(user: SessionUser): Prisma.ProgressReportWhereInput {
  return { OR: [{ status: { not: "DRAFT" } }, { campaign: reportableCampaigns(user) }] };
}

// Keeping the plan

/** Organisations this user keeps plans for: their own (or a county's towns) where they hold a keeper role. */
export function keepableOrgs(user: SessionUser): Prisma.OrganizationWhereInput {
  if (!may(user, "keepPlan")) return NOTHING;
  const held = { roleAssignments: { some: { userId: user.id, role: { in: [...PERMISSIONS.keepPlan] } } } };
  return { id: { in: user.orgIds }, OR: [held, { parent: held }] };
}

export function keepablePlans(user: SessionUser): Prisma.PlanWhereInput {
  return { org: keepableOrgs(user) };
}

export function keepableCampaigns(user: SessionUser): Prisma.CampaignWhereInput {
  return { plan: keepablePlans(user) };
}

/** Plans this user may roll forward into the next year: office staff and admins, within the plans they see. */
export function rollablePlans(user: SessionUser): Prisma.PlanWhereInput {
  return may(user, "keepPlan") ? visiblePlans(user) : NOTHING;
}

/** The department list of the user's organisations (for those who may keep departments). */
export function keepableDepartments(user: SessionUser): Prisma.DepartmentWhereInput {
  return { orgId: { in: user.orgIds } };
}

/**
 * Pending changes this user may approve or reject: an admin any of the plan; a leader those of the
 * campaigns they lead as 分管领导, and those of the town's own plan-wide indicators.
 */
export function decidablePlanChanges(user: SessionUser): Prisma.PlanVersionWhereInput {
  if (!may(user, "decidePlanChanges")) return NOTHING;
  if (may(user, "administer")) return { status: "PENDING", plan: visiblePlans(user) };
  return {
    status: "PENDING",
    plan: visiblePlans(user),
    OR: [{ indicator: { campaign: { leadingOfficialId: user.id } } }, { indicator: { campaignId: null }, plan: { orgId: user.orgId } }],
  };
}

// Reporting and review

/** Campaigns whose progress this user may write: their own as a lead; any visible one as admin. */
export function reportableCampaigns(user: SessionUser): Prisma.CampaignWhereInput {
  if (may(user, "administer")) return visibleCampaigns(user);
  if (!may(user, "leadOwn")) return NOTHING;
  return { ...visibleCampaigns(user), leads: { some: { userId: user.id } } };
}

/** Organisations in which the user holds the role (a county role reaches its towns). */
function heldIn(user: SessionUser, role: Role, withTowns: boolean): Prisma.OrganizationWhereInput {
  const held = { roleAssignments: { some: { userId: user.id, role } } };
  return withTowns ? { OR: [held, { parent: held }] } : held;
}

/** The user as an active leader of the campaign's own town. */
function activeLeader(user: SessionUser): Prisma.UserWhereInput {
  return { id: user.id, disabled: false, roles: { some: { role: "LEADER" } } };
}

/**
 * Campaigns whose submitted reports this user may approve or return. The review follows the
 * organisation: the campaign's 分管领导, a leader named for the campaign, and the town's principal
 * leaders (主要领导) decide; admins too. Checked against the database rows (roles held, disabled,
 * principal), not only the session.
 */
export function reviewableCampaigns(user: SessionUser): Prisma.CampaignWhereInput {
  const leader = activeLeader(user);
  return {
    AND: [
      visibleCampaigns(user),
      {
        OR: [
          { plan: { org: heldIn(user, "ADMIN", true) } },
          { leadingOfficial: leader },
          { reviewer: leader },
          // A principal leader belongs to the campaign's town (a county leader is nobody's 主要领导 here).
          { plan: { org: { users: { some: { ...leader, isPrincipal: true } } } } },
        ],
      },
    ],
  };
}

/** Campaigns whose submitted reports this user may pass or return at 初审: the town's office staff, and admins. */
export function preReviewableCampaigns(user: SessionUser): Prisma.CampaignWhereInput {
  return {
    AND: [visibleCampaigns(user), { plan: { preReview: true, org: { OR: [heldIn(user, "STAFF", false), heldIn(user, "ADMIN", true)] } } }],
  };
}

// 销号 of tasks

/** Tasks whose 销号 this user may ask for, and whose evidence they keep: those of campaigns they report for. */
export function closableTasks(user: SessionUser): Prisma.TaskWhereInput {
  if (!may(user, "askTaskClosure")) return NOTHING;
  return { campaign: reportableCampaigns(user) };
}

/**
 * Tasks whose 销号 this user may confirm or return, as the plan says: the campaign's 分管领导 (an active
 * leader, checked against the database rows) or the town's office staff; admins either way.
 */
export function confirmableClosures(user: SessionUser): Prisma.TaskWhereInput {
  if (!may(user, "confirmTaskClosure")) return NOTHING;
  return {
    campaign: {
      AND: [
        visibleCampaigns(user),
        {
          OR: [
            { plan: { org: heldIn(user, "ADMIN", true) } },
            { plan: { closureConfirmedBy: "OFFICIAL" }, leadingOfficial: activeLeader(user) },
            { plan: { closureConfirmedBy: "STAFF", org: heldIn(user, "STAFF", false) } },
          ],
        },
      ],
    },
  };
}

// 批示 and their 落实反馈 (lib/comments/instructions.ts)

/** 批示 asking for an answer that this user may answer: those on campaigns they lead. */
export function answerableInstructions(user: SessionUser): Prisma.CommentWhereInput {
  if (!may(user, "leadOwn")) return NOTHING;
  return { state: { not: null }, campaign: { ...visibleCampaigns(user), leads: { some: { userId: user.id } } } };
}

/** 批示 this user may close (办结) or ask again: their own, and those on campaigns they lead as 分管领导. */
export function decidableInstructions(user: SessionUser): Prisma.CommentWhereInput {
  if (!may(user, "comment")) return NOTHING;
  return { state: { not: null }, campaign: visibleCampaigns(user), OR: [{ authorId: user.id }, { campaign: { leadingOfficialId: user.id } }] };
}

// The inbox

/** A person's own messages, and nobody else's. */
export function ownNotifications(user: SessionUser): Prisma.NotificationWhereInput {
  return { userId: user.id };
}

// The monthly summary (月报)

/** Campaigns this user may export: the whole plan for exportAll; a lead their own campaigns only. */
export function exportableCampaigns(user: SessionUser): Prisma.CampaignWhereInput {
  if (may(user, "exportAll")) return visibleCampaigns(user);
  if (may(user, "leadOwn")) return { ...visibleCampaigns(user), leads: { some: { userId: user.id } } };
  return NOTHING;
}

/** Archived summaries a user may download again: the plan's whole-plan ones and their own. */
export function downloadableSummaries(user: SessionUser): Prisma.SummaryArchiveWhereInput {
  const plan = { orgId: { in: user.orgIds } };
  if (may(user, "exportAll")) return { plan };
  if (may(user, "leadOwn")) return { plan, generatedById: user.id };
  return NOTHING;
}
