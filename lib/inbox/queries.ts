// The inbox: a person's own messages (scoped by ownNotifications in every query), the unread count for
// the header, and what needs them now (the top of the inbox, where leaders land).
import "server-only";
import { may } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { answerableInstructions, decidableInstructions, ownNotifications, reviewableCampaigns, visiblePlans } from "@/lib/auth/scope";
import { getBoard } from "@/lib/board/queries";
import { instructionsAt } from "@/lib/comments/open";
import { db } from "@/lib/db";

export function unreadCount(user: SessionUser): Promise<number> {
  return db().notification.count({ where: { ...ownNotifications(user), readAt: null } });
}

export const INBOX_PAGE = 100;

export function listInbox(user: SessionUser, take = INBOX_PAGE) {
  return db().notification.findMany({
    where: ownNotifications(user),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true, reminder: { select: { level: true } } },
  });
}

/** A submitted report this user decides on, past any 初审 (lib/reports/review.ts READY_FOR_DECISION). */
function awaitingReview(user: SessionUser) {
  return db().progressReport.findMany({
    where: {
      status: "SUBMITTED",
      OR: [{ preReviewedAt: { not: null } }, { campaign: { plan: { preReview: false } } }],
      campaign: { ...reviewableCampaigns(user), plan: { status: "ACTIVE" } },
    },
    orderBy: [{ submittedAt: "asc" }],
    take: 50,
    select: { id: true, month: true, year: true, submittedAt: true, campaign: { select: { id: true, number: true, name: true } } },
  });
}

/** Campaigns red now on the active plans of the user's own town (a county user follows /county instead). */
async function redCampaigns(user: SessionUser) {
  const plans = await db().plan.findMany({ where: { ...visiblePlans(user), orgId: user.orgId, status: "ACTIVE" }, select: { id: true } });
  const red: { id: string; number: number; name: string; planId: string }[] = [];
  for (const plan of plans) {
    const board = await getBoard(user, plan.id, null);
    if (!board || board.refused) continue;
    for (const c of board.campaigns) if (c.status.light === "RED") red.push({ id: c.id, number: c.number, name: c.name, planId: plan.id });
  }
  return red;
}

/**
 * What needs this person now. Leaders (who write 批示): reports waiting for their decision, escalations to
 * them not yet read, answered 批示 waiting for their 办结, campaigns that turned red since they last
 * acknowledged the red list. Leads: 批示 on their campaigns waiting for their answer.
 */
export async function needsYou(user: SessionUser) {
  const toAnswer = may(user, "leadOwn") ? await instructionsAt({ ...answerableInstructions(user), state: "OPEN" }) : [];
  if (!may(user, "comment")) return { leader: false as const, toAnswer };
  const [reports, escalations, answered, red, seen] = await Promise.all([
    awaitingReview(user),
    db().notification.findMany({
      where: { ...ownNotifications(user), readAt: null, reminder: { level: { in: ["OFFICIAL", "PRINCIPAL"] } } },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, title: true, link: true, createdAt: true },
    }),
    instructionsAt({ ...decidableInstructions(user), state: "ANSWERED" }),
    redCampaigns(user),
    db().user.findUnique({ where: { id: user.id }, select: { redSeenCampaignIds: true } }),
  ]);
  const acknowledged = new Set(seen?.redSeenCampaignIds ?? []);
  return {
    leader: true as const,
    toAnswer,
    reports,
    escalations,
    answered,
    newlyRed: red.filter((c) => !acknowledged.has(c.id)),
  };
}

export type NeedsYou = Awaited<ReturnType<typeof needsYou>>;

/** The red campaigns as the acknowledgement records them (the same list the inbox showed). */
export async function currentRedIds(user: SessionUser): Promise<string[]> {
  return (await redCampaigns(user)).map((c) => c.id);
}
