// What happens to a submitted report: the office's 初审 (when the plan asks for one), the leader's
// approval or return, and the lead's withdrawal before any of that starts. Who may do each is part
// of the query (reviewableCampaigns in lib/auth/scope.ts): a report the user may not act on is simply not found.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { reportableCampaigns } from "@/lib/auth/scope";
import { now } from "@/lib/clock";
import { db, WRITE_TX, type Tx } from "@/lib/db";
import { notifyPeople } from "@/lib/inbox/notify";
import { invalid, type ActionResult } from "@/lib/errors";
import { preReviewableCampaigns, reviewableCampaigns } from "@/lib/auth/scope";
import type { SavedReport } from "./save";
import { preReviewSchema, reviewSchema, withdrawSchema } from "./schemas";
import { snapshot } from "./snapshot";

const RETURN_NOTICE_CAMPAIGN = { name: true, plan: { select: { orgId: true, preReview: true } }, leads: { select: { userId: true } } } as const;

/** A returned report reaches its leads' inboxes, in the transaction that returns it. */
async function tellLeadsReturned(
  tx: Tx,
  user: SessionUser,
  report: { id: string; campaignId: string; year: number; month: number; campaign: { name: string; leads: { userId: string }[] } },
  reason: string,
) {
  await notifyPeople(tx, {
    kind: "reportReturned",
    to: report.campaign.leads.map((l) => l.userId),
    actorId: user.id,
    values: { campaign: report.campaign.name, month: report.month, year: report.year, name: user.name, reason: reason || "—" },
    path: `/campaigns/${report.campaignId}/reports/${report.month}`,
    at: now(),
  });
}

/** Reported as the status of a report whose leader must wait for the office's 初审. */
export const AWAITING_PRE_REVIEW = "AWAITING_PRE_REVIEW";

/** A submitted report that has passed 初审, or whose plan has none: its leader may decide. */
const READY_FOR_DECISION: Prisma.ProgressReportWhereInput = {
  status: "SUBMITTED",
  OR: [{ preReviewedAt: { not: null } }, { campaign: { plan: { preReview: false } } }],
};

/** The campaign's leader (or a principal leader, or an admin) approves a submitted report, which locks it, or returns it with a reason. */
export async function reviewReport(user: SessionUser, raw: unknown): Promise<ActionResult<SavedReport>> {
  const parsed = reviewSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { reportId, version, decision, reason } = parsed.data;
  return db().$transaction(async (tx): Promise<ActionResult<SavedReport>> => {
    const scope = { id: reportId, campaign: reviewableCampaigns(user) };
    const report = await tx.progressReport.findFirst({ where: scope, include: { campaign: { select: RETURN_NOTICE_CAMPAIGN } } });
    if (!report) return { ok: false, error: "notFound" };
    if (report.status !== "SUBMITTED") return { ok: false, error: "locked", status: report.status };
    if (report.campaign.plan.preReview && !report.preReviewedAt) return { ok: false, error: "locked", status: AWAITING_PRE_REVIEW };
    const status = decision === "approve" ? "APPROVED" : "RETURNED";
    const { count } = await tx.progressReport.updateMany({
      where: { AND: [scope, READY_FOR_DECISION, { version }] },
      data: {
        status,
        reviewedAt: now(),
        reviewedById: user.id,
        returnReason: decision === "return" ? reason : null,
        version: { increment: 1 },
      },
    });
    if (count === 0) return { ok: false, error: "conflict", current: await snapshot(tx, reportId) };
    await audit(tx, {
      actor: user,
      action: decision === "approve" ? "report.approve" : "report.return",
      entityType: "ProgressReport",
      entityId: reportId,
      orgId: report.campaign.plan.orgId,
      campaignId: report.campaignId,
      oldValues: { status: report.status, returnReason: report.returnReason },
      newValues: { status, returnReason: decision === "return" ? reason : null },
    });
    if (decision === "return") await tellLeadsReturned(tx, user, report, reason ?? "");
    return { ok: true, data: { reportId, version: version + 1, status } };
  }, WRITE_TX);
}

/**
 * 初审: the town's office staff check a submitted report for completeness and pass it to its
 * leader, or return it to its lead with a reason. Only where the plan asks for it, once per submission.
 */
export async function preReviewReport(user: SessionUser, raw: unknown): Promise<ActionResult<SavedReport>> {
  const parsed = preReviewSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { reportId, version, decision, reason } = parsed.data;
  return db().$transaction(async (tx): Promise<ActionResult<SavedReport>> => {
    const scope = { id: reportId, campaign: preReviewableCampaigns(user) };
    const report = await tx.progressReport.findFirst({ where: scope, include: { campaign: { select: RETURN_NOTICE_CAMPAIGN } } });
    if (!report) return { ok: false, error: "notFound" };
    if (report.status !== "SUBMITTED" || report.preReviewedAt) return { ok: false, error: "locked", status: report.status };
    const at = now();
    const passing = decision === "pass";
    const { count } = await tx.progressReport.updateMany({
      where: { ...scope, status: "SUBMITTED", preReviewedAt: null, version },
      data: passing
        ? { preReviewedAt: at, preReviewedById: user.id, version: { increment: 1 } }
        : { status: "RETURNED", reviewedAt: at, reviewedById: user.id, returnReason: reason, version: { increment: 1 } },
    });
    if (count === 0) return { ok: false, error: "conflict", current: await snapshot(tx, reportId) };
    await audit(tx, {
      actor: user,
      action: passing ? "report.preApprove" : "report.preReturn",
      entityType: "ProgressReport",
      entityId: reportId,
      orgId: report.campaign.plan.orgId,
      campaignId: report.campaignId,
      oldValues: { status: report.status, returnReason: report.returnReason },
      newValues: passing ? { status: report.status, preReviewedAt: at.toISOString() } : { status: "RETURNED", returnReason: reason },
    });
    if (!passing) await tellLeadsReturned(tx, user, report, reason ?? "");
    const status = passing ? "SUBMITTED" : "RETURNED";
    return { ok: true, data: { reportId, version: version + 1, status } };
  }, WRITE_TX);
}

/** 撤回: the lead takes a submitted report back to a draft, as long as nobody has started reviewing it. */
export async function withdrawReport(user: SessionUser, raw: unknown): Promise<ActionResult<SavedReport>> {
  const parsed = withdrawSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { reportId, version } = parsed.data;
  return db().$transaction(async (tx): Promise<ActionResult<SavedReport>> => {
    const scope = { id: reportId, campaign: reportableCampaigns(user) };
    const report = await tx.progressReport.findFirst({ where: scope, include: { campaign: { select: RETURN_NOTICE_CAMPAIGN } } });
    if (!report) return { ok: false, error: "notFound" };
    // The review has started once the office passed it at 初审 (or anyone decided: then it is no longer SUBMITTED).
    if (report.status !== "SUBMITTED" || report.preReviewedAt) return { ok: false, error: "locked", status: report.status };
    const { count } = await tx.progressReport.updateMany({
      where: { ...scope, status: "SUBMITTED", preReviewedAt: null, version },
      data: { status: "DRAFT", submittedAt: null, submittedById: null, version: { increment: 1 } },
    });
    if (count === 0) return { ok: false, error: "conflict", current: await snapshot(tx, reportId) };
    await audit(tx, {
      actor: user,
      action: "report.withdraw",
      entityType: "ProgressReport",
      entityId: reportId,
      orgId: report.campaign.plan.orgId,
      campaignId: report.campaignId,
      oldValues: { status: report.status, submittedAt: report.submittedAt?.toISOString() ?? null },
      newValues: { status: "DRAFT", submittedAt: null },
    });
    return { ok: true, data: { reportId, version: version + 1, status: "DRAFT" } };
  }, WRITE_TX);
}
