// Who reviews a campaign's reports, as where-clauses: a report the user may not review is simply not
// found. The review follows the organisation: the campaign's 分管领导, a leader named for the campaign,
// and the town's principal leaders (主要领导) decide; the town's office staff (党政办) do the 初审 when
// the plan asks for one; admins keep both powers. Everything is checked against the database rows
// (roles held, disabled, principal), not only the session.
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { visibleCampaigns } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/roles";

/** Organisations in which the user holds the role (a county role reaches its towns). */
function heldIn(user: SessionUser, role: Role, withTowns: boolean): Prisma.OrganizationWhereInput {
  const held = { roleAssignments: { some: { userId: user.id, role } } };
  return withTowns ? { OR: [held, { parent: held }] } : held;
}

/** The user as an active leader of the campaign's own town. */
function activeLeader(user: SessionUser): Prisma.UserWhereInput {
  return { id: user.id, disabled: false, roles: { some: { role: "LEADER" } } };
}

/** Campaigns whose submitted reports this user may approve or return. */
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

/** The people a campaign's report page names as its reviewers. */
const person = { id: true, name: true, title: true, disabled: true, roles: { where: { role: "LEADER" }, select: { role: true } } } as const;

/** The campaign's own reviewers, for reviewersOf (add planReviewersSelect under its plan). */
export const reviewersSelect = {
  leadingOfficial: { select: person },
  reviewer: { select: person },
} satisfies Prisma.CampaignSelect;

/** The plan's part: whether it has 初审, and its town's principal leaders. */
export const planReviewersSelect = {
  preReview: true,
  org: {
    select: {
      users: {
        where: { isPrincipal: true, disabled: false, roles: { some: { role: "LEADER" } } },
        orderBy: { name: "asc" },
        select: { id: true, name: true, title: true },
      },
    },
  },
} satisfies Prisma.PlanSelect;

type ReviewerPerson = { id: string; name: string; title: string | null; disabled: boolean; roles: unknown[] } | null;

export interface Reviewer {
  id: string;
  name: string;
  title: string | null;
  /** Why this person reviews: 分管领导, named for the campaign, or principal leader. */
  as: "official" | "named" | "principal";
}

/** Each reviewer once, in the order the office would name them. */
export function reviewersOf(c: {
  leadingOfficial: ReviewerPerson;
  reviewer: ReviewerPerson;
  plan: { org: { users: { id: string; name: string; title: string | null }[] } };
}): Reviewer[] {
  const out: Reviewer[] = [];
  const add = (p: { id: string; name: string; title: string | null } | null, as: Reviewer["as"]) => {
    if (p && !out.some((r) => r.id === p.id)) out.push({ id: p.id, name: p.name, title: p.title, as });
  };
  // The same conditions as reviewableCampaigns: an active user who still holds the LEADER role.
  const active = (p: ReviewerPerson) => !!p && !p.disabled && p.roles.length > 0;
  if (active(c.leadingOfficial)) add(c.leadingOfficial, "official");
  if (active(c.reviewer)) add(c.reviewer, "named");
  for (const p of c.plan.org.users) add(p, "principal");
  return out;
}
