import "server-only";
import { cache } from "react";
import type { Prisma } from "@/generated/prisma/client";
import { may } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { reportableCampaigns, visibleCampaigns } from "@/lib/auth/scope";
import { OFFICIAL_VALUE } from "@/lib/reports/official";
import { db } from "@/lib/db";
import { readableReports } from "@/lib/auth/scope";
import { preReviewableCampaigns, reviewableCampaigns } from "@/lib/auth/scope";
import { planReviewersSelect, reviewersOf, reviewersSelect } from "./reviewers";

const revisionContent = {
  values: { select: { indicatorId: true, value: true, note: true, decreaseReason: true } },
  taskUpdates: { select: { taskId: true, percentDone: true, status: true } },
  attachments: {
    orderBy: { createdAt: "asc" },
    select: { id: true, fileName: true, size: true, mimeType: true, createdAt: true, uploadedBy: { select: { name: true } } },
  },
  comments: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, author: { select: { name: true, title: true } } } },
  createdBy: { select: { name: true } },
  submittedBy: { select: { name: true } },
  reviewedBy: { select: { name: true } },
  preReviewedBy: { select: { name: true } },
} satisfies Prisma.ProgressReportInclude;

/** A draft as others see it: that it exists, when it was started, and the comments on it (which are not its content). */
const draftStub = {
  id: true,
  revision: true,
  status: true,
  version: true,
  createdAt: true,
  comments: revisionContent.comments,
} satisfies Prisma.ProgressReportSelect;

type Full = Prisma.ProgressReportGetPayload<{ include: typeof revisionContent }> & { hidden: false };
type Stub = Prisma.ProgressReportGetPayload<{ select: typeof draftStub }> & { hidden: true };
export type ReportRevision = Full | Stub;

/**
 * Everything the monthly report page shows: the campaign's indicators (with the month's planned
 * value and the previous month's official figure), its tasks, every revision of the month's report
 * (newest first; a draft's content only for those who may read it), who reviews it, and what this
 * user may do with it.
 */
export const getReportPage = cache(async (user: SessionUser, campaignId: string, month: number) => {
  const campaign = await db().campaign.findFirst({
    where: { id: campaignId, ...visibleCampaigns(user) },
    select: {
      id: true,
      number: true,
      name: true,
      nameEn: true,
      plan: { select: { id: true, title: true, year: true, baselineYear: true, isSample: true, reportDueDay: true, ...planReviewersSelect } },
      ...reviewersSelect,
      indicators: {
        orderBy: { sortOrder: "asc" },
        select: {
          id: true,
          name: true,
          nameEn: true,
          unit: true,
          decimals: true,
          allowOutOfRange: true,
          accumulation: true,
          baselineValue: true,
          targetValue: true,
          direction: true,
          // The whole trajectory: the page reads the month's planned value through the plan's history (./plan.ts).
          trajectory: { select: { month: true, plannedValue: true } },
          // The figure a year-to-date value is compared with: the month before's, as it counts.
          values: {
            where: { month: month - 1, ...OFFICIAL_VALUE },
            orderBy: { reportedAt: "desc" },
            take: 1,
            select: { value: true },
          },
        },
      },
      tasks: {
        orderBy: [{ parentId: "asc" }, { sortOrder: "asc" }, { dueDate: "asc" }],
        select: {
          id: true,
          title: true,
          parentId: true,
          dueDate: true,
          percentDone: true,
          status: true,
          closure: true,
          version: true,
          owner: { select: { name: true } },
        },
      },
    },
  });
  if (!campaign) return null;
  const year = campaign.plan.year;
  const month_ = { campaignId, year, month };
  const readable = readableReports(user);
  const [full, stubs, mayReport, mayReview, mayPreReview] = await Promise.all([
    db().progressReport.findMany({ where: { ...month_, ...readable }, include: revisionContent }),
    db().progressReport.findMany({ where: { ...month_, NOT: readable }, select: draftStub }),
    db().campaign.count({ where: { id: campaignId, ...reportableCampaigns(user) } }),
    db().campaign.count({ where: { AND: [{ id: campaignId }, reviewableCampaigns(user)] } }),
    db().campaign.count({ where: { AND: [{ id: campaignId }, preReviewableCampaigns(user)] } }),
  ]);
  const revisions: ReportRevision[] = [...full.map((r) => ({ ...r, hidden: false as const })), ...stubs.map((r) => ({ ...r, hidden: true as const }))].sort(
    (a, b) => b.revision - a.revision,
  );
  const latest = revisions[0] ?? null;
  // The newest revision whose content this user may read (an approved report under a correction draft).
  const shown = revisions.find((r): r is Full => !r.hidden) ?? null;
  const isLead = mayReport > 0;
  const submitted = latest?.status === "SUBMITTED" && !latest.hidden ? latest : null;
  const preReview = campaign.plan.preReview;
  const awaitingPreReview = !!submitted && preReview && !submitted.preReviewedAt;
  return {
    campaign,
    revisions,
    latest,
    shown,
    reviewers: reviewersOf(campaign),
    preReview,
    awaitingPreReview,
    may: {
      edit: isLead && (!latest || latest.status === "DRAFT" || latest.status === "RETURNED"),
      // The review panels go only to those who may decide (the actions check again, in their own query).
      preReview: mayPreReview > 0 && awaitingPreReview,
      review: mayReview > 0 && !!submitted && !awaitingPreReview,
      withdraw: isLead && !!submitted && !submitted.preReviewedAt,
      correct: isLead && latest?.status === "APPROVED",
      comment: may(user, "comment") && !!latest,
    },
  };
});

/** Each month's latest report state for a campaign (the campaign page's report strip: states only, never a draft's content). */
export function listCampaignReports(campaignId: string, year: number) {
  return db().progressReport.findMany({
    where: { campaignId, year },
    orderBy: [{ month: "asc" }, { revision: "desc" }],
    distinct: ["month"],
    select: { id: true, month: true, revision: true, status: true, submittedAt: true, reviewedAt: true },
  });
}
