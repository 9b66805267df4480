import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { hasRole, type SessionUser } from "@/lib/auth/roles";
import { reportableCampaigns, visibleCampaigns } from "@/lib/auth/scope";

/** A campaign with its indicators (whole trajectory, reported values newest first) and its task tree. */
export const getCampaign = cache(async (user: SessionUser, id: string) => {
  const campaign = await db().campaign.findFirst({
    where: { id, ...visibleCampaigns(user) },
    include: {
      plan: { select: { id: true, title: true, year: true, baselineYear: true, isSample: true } },
      leadDepartment: { select: { name: true } },
      cooperating: { select: { department: { select: { name: true } } } },
      leadingOfficial: { select: { name: true, title: true } },
      leads: { select: { user: { select: { id: true, name: true, title: true } } } },
      indicators: {
        orderBy: { sortOrder: "asc" },
        include: {
          trajectory: { orderBy: { month: "asc" } },
          values: {
            orderBy: [{ month: "desc" }, { reportedAt: "desc" }],
            include: { reportedBy: { select: { name: true } } },
          },
        },
      },
      tasks: {
        where: { parentId: null },
        orderBy: [{ sortOrder: "asc" }, { dueDate: "asc" }],
        include: {
          owner: { select: { name: true } },
          children: { orderBy: [{ sortOrder: "asc" }, { dueDate: "asc" }], include: { owner: { select: { name: true } } } },
        },
      },
    },
  });
  if (!campaign) return null;
  const canReport =
    hasRole(user, "ADMIN") ||
    (hasRole(user, "LEAD") && campaign.leads.some((l) => l.user.id === user.id));
  return { campaign, canReport };
});

/** A task the user may update, with its campaign; null when it does not exist or is not theirs. */
export function getReportableTask(user: SessionUser, campaignId: string, taskId: string) {
  return db().task.findFirst({
    where: { id: taskId, campaignId, campaign: reportableCampaigns(user) },
    include: {
      campaign: { select: { id: true, name: true, number: true, plan: { select: { year: true } } } },
      owner: { select: { name: true } },
      updates: { orderBy: { reportedAt: "desc" }, take: 6, include: { reportedBy: { select: { name: true } } } },
    },
  });
}
