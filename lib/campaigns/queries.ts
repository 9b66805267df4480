import "server-only";
import { cache } from "react";
import type { Prisma } from "@/generated/prisma/client";
import { may } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { reportableCampaigns, visibleCampaigns } from "@/lib/auth/scope";
import { OFFICIAL_VALUE } from "@/lib/reports/official";
import { withDraftsRedacted } from "@/lib/reports/visibility";

/** A task's progress as stated directly or in a submitted report, newest first. */
const OFFICIAL_TASK_UPDATES = {
  where: OFFICIAL_VALUE,
  orderBy: { reportedAt: "desc" },
  select: { month: true, percentDone: true, reportedAt: true },
} satisfies Prisma.Task$updatesArgs;

/** A campaign with its indicators (whole trajectory, reported values newest first) and its task tree. */
/** Whether the user may see the campaign: one indexed lookup, asked before a page streams (its 404 must come first). */
export const campaignVisible = cache(async (user: SessionUser, id: string): Promise<boolean> => {
  return (await db().campaign.count({ where: { id, ...visibleCampaigns(user) } })) > 0;
});

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
            where: OFFICIAL_VALUE,
            orderBy: [{ month: "desc" }, { reportedAt: "desc" }],
            include: { reportedBy: { select: { name: true } }, report: { select: { status: true, revision: true } } },
          },
        },
      },
      tasks: {
        where: { parentId: null },
        orderBy: [{ sortOrder: "asc" }, { dueDate: "asc" }],
        include: {
          owner: { select: { name: true } },
          updates: OFFICIAL_TASK_UPDATES,
          children: {
            orderBy: [{ sortOrder: "asc" }, { dueDate: "asc" }],
            include: { owner: { select: { name: true } }, updates: OFFICIAL_TASK_UPDATES },
          },
        },
      },
    },
  });
  if (!campaign) return null;
  const canReport = may(user, "administer") || (may(user, "leadOwn") && campaign.leads.some((l) => l.user.id === user.id));
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

/** A 批示 as the campaign and report pages show it, with its 落实反馈 steps and their evidence. */
export const COMMENT_SELECT = {
  id: true,
  body: true,
  createdAt: true,
  reportId: true,
  authorId: true,
  state: true,
  dueDate: true,
  version: true,
  author: { select: { name: true, title: true } },
  report: { select: { month: true } },
  steps: {
    orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
    select: {
      id: true,
      kind: true,
      body: true,
      createdAt: true,
      by: { select: { name: true } },
      attachments: { select: { id: true, fileName: true }, orderBy: { createdAt: "asc" } },
    },
  },
} satisfies Prisma.CommentSelect;

/** The campaign's trail: its audit records, newest first (a draft's content only for who may read it), and its leadership comments. */
export async function getCampaignTrail(user: SessionUser, campaignId: string, take = 40) {
  const [audit, comments] = await Promise.all([
    db().auditRecord.findMany({ where: { campaignId }, orderBy: { id: "desc" }, take }),
    db().comment.findMany({
      where: { campaignId },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: COMMENT_SELECT,
    }),
  ]);
  return { audit: await withDraftsRedacted(user, audit), comments };
}
