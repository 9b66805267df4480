// Who reviews a campaign's reports, as the report page names them: the campaign's 分管领导, a leader
// named for the campaign, and the town's principal leaders (主要领导). Who may actually approve or
// return is a where-clause (reviewableCampaigns, preReviewableCampaigns in lib/auth/scope.ts).
import type { Prisma } from "@/generated/prisma/client";

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
