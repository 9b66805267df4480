import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { reportableCampaigns } from "@/lib/auth/scope";
import { daysBefore, now } from "@/lib/clock";
import { db } from "@/lib/db";
import { ARRIVED } from "@/lib/reminders/schedule";
import { deskCampaign } from "./view";

/** A lead's desk: their campaigns with the due month's report, returned reports, overdue tasks, new comments. */
export async function getLeadHome(user: SessionUser) {
  const today = now();
  const me = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { commentsSeenAt: true } });
  const campaigns = await db().campaign.findMany({
    // A draft plan (e.g. next year's, just rolled forward) has nothing to report yet.
    where: { AND: [reportableCampaigns(user), { plan: { status: "ACTIVE" } }] },
    orderBy: [{ plan: { year: "desc" } }, { number: "asc" }],
    select: {
      id: true,
      number: true,
      name: true,
      plan: { select: { year: true, reportDueDay: true, title: true } },
      reports: { orderBy: [{ month: "desc" }, { revision: "desc" }], select: { id: true, month: true, revision: true, status: true, returnReason: true } },
      tasks: {
        where: { dueDate: { lt: today }, status: { not: "CANCELLED" }, closure: { not: "CLOSED" } },
        orderBy: { dueDate: "asc" },
        select: { id: true, title: true, dueDate: true, percentDone: true },
      },
    },
  });
  const rows = campaigns.map(({ tasks, ...c }) => deskCampaign({ ...c, overdueTasks: tasks }, today));
  const since = me.commentsSeenAt ?? daysBefore(today, 30);
  const comments = await db().comment.findMany({
    where: { campaign: reportableCampaigns(user), createdAt: { gt: since }, authorId: { not: user.id } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: {
      id: true,
      body: true,
      createdAt: true,
      author: { select: { name: true, title: true } },
      campaign: { select: { id: true, name: true } },
      report: { select: { month: true } },
    },
  });
  const recent = await db().reminder.findMany({
    where: { toUserId: user.id, createdAt: { gt: daysBefore(today, 30) } },
    orderBy: { createdAt: "desc" },
    take: 30,
    select: {
      id: true,
      month: true,
      year: true,
      createdAt: true,
      campaign: { select: { id: true, name: true, reports: { where: { status: { in: [...ARRIVED] } }, select: { year: true, month: true } } } },
      sentBy: { select: { name: true } },
    },
  });
  // A reminder leaves the desk once its month's report has arrived.
  const reminders = recent
    .filter((r) => !r.campaign.reports.some((p) => p.year === r.year && p.month === r.month))
    .slice(0, 10)
    .map((r) => ({ ...r, campaign: { id: r.campaign.id, name: r.campaign.name } }));
  return { campaigns: rows, comments, reminders };
}
