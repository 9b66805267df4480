import "server-only";
import { audit } from "@/lib/audit/record";
import { can, type SessionUser } from "@/lib/auth/roles";
import { reportableCampaigns, visibleCampaigns } from "@/lib/auth/scope";
import { isFutureMonth, now } from "@/lib/clock";
import { db, WRITE_TX, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { invalid, type ActionResult } from "@/lib/errors";
import { commentSchema, correctionSchema, parseReport, reviewSchema } from "./schemas";

export interface SavedReport {
  reportId: string;
  version: number;
  status: string;
}

const EDITABLE = new Set(["DRAFT", "RETURNED"]);

/** The report's content, for the audit record and for "what changed" in a conflict. */
async function snapshot(tx: Tx, reportId: string) {
  const r = await tx.progressReport.findUniqueOrThrow({
    where: { id: reportId },
    include: {
      values: { select: { indicatorId: true, value: true, note: true } },
      taskUpdates: { select: { taskId: true, percentDone: true, status: true } },
    },
  });
  return {
    status: r.status,
    version: r.version,
    progressText: r.progressText,
    problemsText: r.problemsText,
    nextStepsText: r.nextStepsText,
    values: Object.fromEntries(r.values.map((v) => [v.indicatorId, v.value.toFixed()])),
    tasks: Object.fromEntries(r.taskUpdates.map((t) => [t.taskId, `${t.percentDone}% ${t.status}`])),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * Saves a campaign's monthly report as the lead types (intent "save") or submits it for review
 * (intent "submit"). Only the campaign's leads (and admins) reach the campaign at all; only a
 * draft or returned report can change; the version the form was loaded with must still be the
 * report's version, or nothing is written and the caller gets what is there now.
 */
export async function saveReport(user: SessionUser, raw: Record<string, unknown>): Promise<ActionResult<SavedReport>> {
  const campaignId = typeof raw.campaignId === "string" ? raw.campaignId : "";
  try {
    return await db().$transaction(async (tx): Promise<ActionResult<SavedReport>> => {
      const campaign = await tx.campaign.findFirst({
        where: { id: campaignId, ...reportableCampaigns(user) },
        select: {
          id: true,
          plan: { select: { year: true, orgId: true } },
          indicators: { select: { id: true, decimals: true } },
          tasks: { select: { id: true } },
        },
      });
      if (!campaign) return { ok: false, error: "notFound" };

      const parsed = parseReport(raw, campaign.indicators, campaign.tasks);
      if (!parsed.ok) return { ok: false, error: "invalid", fieldErrors: parsed.fieldErrors };
      const input = parsed.data;
      if (input.year !== campaign.plan.year) return { ok: false, error: "invalid", fieldErrors: { month: ["validation.wrongYear"] } };
      const today = now();
      if (isFutureMonth(input.year, input.month, today)) {
        return { ok: false, error: "invalid", fieldErrors: { month: ["validation.futureMonth"] } };
      }

      const latest = await tx.progressReport.findFirst({
        where: { campaignId, year: input.year, month: input.month },
        orderBy: { revision: "desc" },
      });
      const narrative = { progressText: input.progressText, problemsText: input.problemsText, nextStepsText: input.nextStepsText };
      let reportId: string;
      let before: Awaited<ReturnType<typeof snapshot>> | null = null;
      if (!latest) {
        if (input.version !== 0) return { ok: false, error: "notFound" };
        const created = await tx.progressReport.create({
          data: { campaignId, year: input.year, month: input.month, ...narrative, createdById: user.id },
        });
        reportId = created.id;
      } else {
        if (!EDITABLE.has(latest.status)) return { ok: false, error: "locked", status: latest.status };
        if (latest.version !== input.version) return { ok: false, error: "conflict", current: await snapshot(tx, latest.id) };
        before = await snapshot(tx, latest.id);
        const { count } = await tx.progressReport.updateMany({
          where: { id: latest.id, version: input.version, status: { in: ["DRAFT", "RETURNED"] } },
          data: { ...narrative, version: { increment: 1 } },
        });
        if (count === 0) return { ok: false, error: "conflict", current: await snapshot(tx, latest.id) };
        reportId = latest.id;
      }

      const submitting = input.intent === "submit";
      const at = today;
      for (const ind of campaign.indicators) {
        const v = input.values.get(ind.id);
        if (!v) {
          await tx.indicatorValue.deleteMany({ where: { reportId, indicatorId: ind.id } });
          continue;
        }
        await tx.indicatorValue.upsert({
          where: { reportId_indicatorId: { reportId, indicatorId: ind.id } },
          create: { reportId, indicatorId: ind.id, month: input.month, value: v.value, note: v.note, reportedById: user.id, reportedAt: at },
          update: { value: v.value, note: v.note, reportedById: user.id, reportedAt: at },
        });
      }
      for (const task of campaign.tasks) {
        const t = input.tasks.get(task.id);
        if (!t) {
          await tx.taskUpdate.deleteMany({ where: { reportId, taskId: task.id } });
          continue;
        }
        await tx.taskUpdate.upsert({
          where: { reportId_taskId: { reportId, taskId: task.id } },
          create: { reportId, taskId: task.id, month: input.month, ...t, reportedById: user.id, reportedAt: at },
          update: { ...t, reportedById: user.id, reportedAt: at },
        });
        // Submitting states each task's progress as of now: the task itself follows.
        if (submitting) await tx.task.update({ where: { id: task.id }, data: { ...t, version: { increment: 1 } } });
      }
      if (submitting) {
        await tx.progressReport.update({
          where: { id: reportId },
          // A report returned and submitted again was on time (or late) by when it first came in.
          data: { status: "SUBMITTED", submittedAt: at, submittedById: user.id, firstSubmittedAt: latest?.firstSubmittedAt ?? at },
        });
      }
      const after = await snapshot(tx, reportId);
      await audit(tx, {
        actor: user,
        action: submitting ? "report.submit" : before ? "report.save" : "report.create",
        entityType: "ProgressReport",
        entityId: reportId,
        orgId: campaign.plan.orgId,
        campaignId,
        oldValues: before ? pick(before, after) : null,
        newValues: before ? pick(after, before) : { ...after, month: input.month, year: input.year },
      });
      return { ok: true, data: { reportId, version: after.version, status: after.status } };
    }, WRITE_TX);
  } catch (error) {
    // Two first saves of the same month at once: the second meets the unique (campaign, month, revision).
    if (isUniqueViolation(error)) {
      return { ok: false, error: "conflict", current: {} };
    }
    throw error;
  }
}

/** The fields of a whose value differs in b (nested maps compared entry by entry). */
function pick(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a)) {
    if (k === "updatedAt") continue;
    const w = b[k];
    if (v && typeof v === "object" && w && typeof w === "object") {
      const inner = pick(v as Record<string, unknown>, w as Record<string, unknown>);
      for (const key of Object.keys(w)) if (!(key in (v as object))) inner[key] = null;
      if (Object.keys(inner).length) out[k] = inner;
    } else if (JSON.stringify(v) !== JSON.stringify(w)) out[k] = v;
  }
  return out;
}

/** A leader approves a submitted report (it is then locked) or returns it to its lead with a reason. */
export async function reviewReport(user: SessionUser, raw: unknown): Promise<ActionResult<SavedReport>> {
  const parsed = reviewSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { reportId, version, decision, reason } = parsed.data;
  if (!can.review(user)) return { ok: false, error: "notFound" };
  return db().$transaction(async (tx): Promise<ActionResult<SavedReport>> => {
    const scope = { id: reportId, campaign: visibleCampaigns(user) };
    const report = await tx.progressReport.findFirst({ where: scope, include: { campaign: { select: { plan: { select: { orgId: true } } } } } });
    if (!report) return { ok: false, error: "notFound" };
    if (report.status !== "SUBMITTED") return { ok: false, error: "locked", status: report.status };
    const status = decision === "approve" ? "APPROVED" : "RETURNED";
    const { count } = await tx.progressReport.updateMany({
      where: { ...scope, version, status: "SUBMITTED" },
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
    return { ok: true, data: { reportId, version: version + 1, status } };
  }, WRITE_TX);
}

/**
 * A correction after approval: a new revision of the month's report, starting as a copy of the
 * approved one. The approved revision stays as it is, with its own trail.
 */
export async function startCorrection(user: SessionUser, raw: unknown): Promise<ActionResult<SavedReport>> {
  const parsed = correctionSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  try {
    return await db().$transaction(async (tx): Promise<ActionResult<SavedReport>> => {
      const approved = await tx.progressReport.findFirst({
        where: { id: parsed.data.reportId, campaign: reportableCampaigns(user) },
        include: { values: true, taskUpdates: true, campaign: { select: { plan: { select: { orgId: true } } } } },
      });
      if (!approved) return { ok: false, error: "notFound" };
      const newer = await tx.progressReport.findFirst({
        where: { campaignId: approved.campaignId, year: approved.year, month: approved.month, revision: { gt: approved.revision } },
      });
      if (approved.status !== "APPROVED" || newer) return { ok: false, error: "locked", status: newer?.status ?? approved.status };
      const at = now();
      const revision = await tx.progressReport.create({
        data: {
          campaignId: approved.campaignId,
          year: approved.year,
          month: approved.month,
          revision: approved.revision + 1,
          progressText: approved.progressText,
          problemsText: approved.problemsText,
          nextStepsText: approved.nextStepsText,
          createdById: user.id,
          values: {
            create: approved.values.map((v) => ({ indicatorId: v.indicatorId, month: v.month, value: v.value, note: v.note, reportedById: user.id, reportedAt: at })),
          },
          taskUpdates: {
            create: approved.taskUpdates.map((t) => ({ taskId: t.taskId, month: t.month, percentDone: t.percentDone, status: t.status, note: t.note, reportedById: user.id, reportedAt: at })),
          },
        },
      });
      await audit(tx, {
        actor: user,
        action: "report.correction",
        entityType: "ProgressReport",
        entityId: revision.id,
        orgId: approved.campaign.plan.orgId,
        campaignId: approved.campaignId,
        newValues: { correctionOf: approved.id, revision: revision.revision, year: approved.year, month: approved.month },
      });
      return { ok: true, data: { reportId: revision.id, version: revision.version, status: revision.status } };
    }, WRITE_TX);
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "conflict", current: {} };
    throw error;
  }
}

/** 批示: a leader's comment on a campaign, one of its reports or one of its tasks. */
export async function addComment(user: SessionUser, raw: unknown): Promise<ActionResult<{ commentId: string }>> {
  const parsed = commentSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  if (!can.comment(user)) return { ok: false, error: "notFound" };
  const { campaignId, reportId, taskId, body } = parsed.data;
  return db().$transaction(async (tx): Promise<ActionResult<{ commentId: string }>> => {
    const campaign = await tx.campaign.findFirst({
      where: {
        id: campaignId,
        ...visibleCampaigns(user),
        ...(reportId ? { reports: { some: { id: reportId } } } : {}),
        ...(taskId ? { tasks: { some: { id: taskId } } } : {}),
      },
      select: { id: true, plan: { select: { orgId: true } } },
    });
    if (!campaign) return { ok: false, error: "notFound" };
    const comment = await tx.comment.create({ data: { campaignId, reportId, taskId, authorId: user.id, body, createdAt: now() } });
    await audit(tx, {
      actor: user,
      action: "comment.add",
      entityType: "Comment",
      entityId: comment.id,
      orgId: campaign.plan.orgId,
      campaignId,
      newValues: { body, reportId: reportId ?? null, taskId: taskId ?? null },
    });
    return { ok: true, data: { commentId: comment.id } };
  }, WRITE_TX);
}

/** The lead has read the new comments on their campaigns. */
export async function markCommentsSeen(user: SessionUser): Promise<void> {
  await db().user.update({ where: { id: user.id }, data: { commentsSeenAt: now() } });
}
