import "server-only";
import { cache } from "react";
import { can, hasRole, type SessionUser } from "@/lib/auth/roles";
import { visibleCampaigns } from "@/lib/auth/scope";
import { db } from "@/lib/db";

/**
 * Everything the monthly report page shows: the campaign's indicators (with the month's planned
 * value and the previous month's actual), its tasks, every revision of the month's report (newest
 * first) with values, task updates, evidence and comments, and what this user may do with it.
 */
export const getReportPage = cache(async (user: SessionUser, campaignId: string, month: number) => {
  const campaign = await db().campaign.findFirst({
    where: { id: campaignId, ...visibleCampaigns(user) },
    select: {
      id: true,
      number: true,
      name: true,
      nameEn: true,
      plan: { select: { id: true, title: true, year: true, baselineYear: true, isSample: true, reportDueDay: true } },
      leads: { select: { userId: true } },
      indicators: {
        orderBy: { sortOrder: "asc" },
        select: {
          id: true,
          name: true,
          nameEn: true,
          unit: true,
          decimals: true,
          baselineValue: true,
          targetValue: true,
          direction: true,
          // The whole trajectory: the page reads the month's planned value through the plan's history (./plan.ts).
          trajectory: { select: { month: true, plannedValue: true } },
          values: {
            where: { month: month - 1, report: { status: "APPROVED" } },
            orderBy: { reportedAt: "desc" },
            take: 1,
            select: { value: true },
          },
        },
      },
      tasks: {
        orderBy: [{ parentId: "asc" }, { sortOrder: "asc" }, { dueDate: "asc" }],
        select: { id: true, title: true, parentId: true, dueDate: true, percentDone: true, status: true, owner: { select: { name: true } } },
      },
    },
  });
  if (!campaign) return null;
  const year = campaign.plan.year;
  const revisions = await db().progressReport.findMany({
    where: { campaignId, year, month },
    orderBy: { revision: "desc" },
    include: {
      values: { select: { indicatorId: true, value: true, note: true } },
      taskUpdates: { select: { taskId: true, percentDone: true, status: true } },
      attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true, mimeType: true, createdAt: true, uploadedBy: { select: { name: true } } } },
      comments: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, author: { select: { name: true, title: true } } } },
      createdBy: { select: { name: true } },
      submittedBy: { select: { name: true } },
      reviewedBy: { select: { name: true } },
    },
  });
  const isLead = hasRole(user, "ADMIN") || (hasRole(user, "LEAD") && campaign.leads.some((l) => l.userId === user.id));
  const latest = revisions[0] ?? null;
  return {
    campaign,
    revisions,
    latest,
    may: {
      edit: isLead && (!latest || latest.status === "DRAFT" || latest.status === "RETURNED"),
      review: can.review(user) && latest?.status === "SUBMITTED",
      correct: isLead && latest?.status === "APPROVED",
      comment: can.comment(user) && !!latest,
    },
  };
});

/** Each month's latest report state for a campaign (the campaign page's report strip). */
export function listCampaignReports(campaignId: string, year: number) {
  return db().progressReport.findMany({
    where: { campaignId, year },
    orderBy: [{ month: "asc" }, { revision: "desc" }],
    distinct: ["month"],
    select: { id: true, month: true, revision: true, status: true, submittedAt: true, reviewedAt: true },
  });
}
