// Saving a campaign's monthly report as the lead types, and submitting it for review.
import "server-only";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { reportableCampaigns } from "@/lib/auth/scope";
import { OFFICIAL_VALUE } from "@/lib/reports/official";
import { isFutureMonth, now } from "@/lib/clock";
import { db, WRITE_TX, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import type { ActionResult, FieldErrors } from "@/lib/errors";
import { checkDecreases, NARRATIVE_FIELDS, parseReport, type ParsedReport } from "./schemas";
import { changes } from "@/lib/audit/diff";
import { snapshot, type ReportSnapshot } from "./snapshot";

export interface SavedReport {
  reportId: string;
  version: number;
  status: string;
  /** A draft saved all but these fields (typed wrongly; what was stored for them stays). */
  fieldErrors?: FieldErrors;
}

/** A task whose progress someone saved after the report form was loaded. */
export interface MovedTask {
  id: string;
  title: string;
  percentDone: number;
  status: string;
  version: number;
  /** Who saved it last, and when (from its newest progress update). */
  by: string | null;
  at: string | null;
}

const EDITABLE = ["DRAFT", "RETURNED"] as const;

/** Thrown inside the transaction when a task moved between the check and the write: everything rolls back. */
class TaskMoved extends Error {}

/**
 * Saves a campaign's monthly report as the lead types (intent "save") or submits it for review
 * (intent "submit"). Only the campaign's leads (and admins) reach the campaign at all; only a
 * draft or returned report can change; the version the form was loaded with must still be the
 * report's version, or nothing is written and the caller gets what is there now.
 *
 * A draft saves every field typed correctly and reports the others (their stored values stay); a
 * submit needs every field right. Submitting states each task's progress, so it carries the
 * version each task had when the form was loaded: if someone saved a task meanwhile (on the task
 * page), nothing is written and the caller gets the tasks that moved.
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
          indicators: { select: { id: true, decimals: true, unit: true, allowOutOfRange: true, accumulation: true } },
          tasks: { select: { id: true, version: true, closure: true } },
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
      const submitting = input.intent === "submit";
      const cumulative = campaign.indicators.filter((i) => i.accumulation === "CUMULATIVE").map((i) => i.id);
      const fieldErrors: FieldErrors = {
        ...parsed.fieldErrors,
        ...checkDecreases(input.values, await previousFigures(tx, cumulative, input.month), submitting),
      };
      if (submitting && Object.keys(fieldErrors).length) return { ok: false, error: "invalid", fieldErrors };

      const latest = await tx.progressReport.findFirst({
        where: { campaignId, year: input.year, month: input.month },
        orderBy: { revision: "desc" },
      });
      if (latest && !(EDITABLE as readonly string[]).includes(latest.status)) return { ok: false, error: "locked", status: latest.status };
      if (latest ? latest.version !== input.version : input.version !== 0) {
        return latest ? { ok: false, error: "conflict", current: await snapshot(tx, latest.id) } : { ok: false, error: "notFound" };
      }
      if (submitting) {
        // Also a task the form still had open that was asked for meanwhile: its progress would be lost.
        const onForm = campaign.tasks.filter((t) => t.closure === "OPEN" || typeof raw[`task.${t.id}.percent`] === "string");
        const moved = await movedTasks(tx, onForm, input.taskVersions);
        if (moved.length) return { ok: false, error: "conflict", current: { ...(latest ? await snapshot(tx, latest.id) : { version: 0 }), movedTasks: moved } };
      }

      // A narrative part typed too long keeps what was stored for it.
      const narrative = Object.fromEntries(NARRATIVE_FIELDS.map((f) => [f, input.skipped.has(f) ? (latest?.[f] ?? "") : input[f]])) as Record<
        (typeof NARRATIVE_FIELDS)[number],
        string
      >;
      let reportId: string;
      let before: ReportSnapshot | null = null;
      if (!latest) {
        const created = await tx.progressReport.create({
          data: { campaignId, year: input.year, month: input.month, ...narrative, createdById: user.id },
        });
        reportId = created.id;
      } else {
        before = await snapshot(tx, latest.id);
        const { count } = await tx.progressReport.updateMany({
          where: { id: latest.id, version: input.version, status: { in: [...EDITABLE] } },
          data: { ...narrative, version: { increment: 1 } },
        });
        if (count === 0) return { ok: false, error: "conflict", current: await snapshot(tx, latest.id) };
        reportId = latest.id;
      }

      await writeContent(tx, user, reportId, input, campaign, today);
      if (submitting) {
        await tx.progressReport.update({
          where: { id: reportId },
          // A resubmitted report goes through 初审 again, and was on time (or late) by when it first came in.
          data: {
            status: "SUBMITTED",
            submittedAt: today,
            submittedById: user.id,
            firstSubmittedAt: latest?.firstSubmittedAt ?? today,
            preReviewedAt: null,
            preReviewedById: null,
          },
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
        ...(before
          ? changes(before, after, { nested: true, ignore: ["updatedAt"] })
          : { oldValues: null, newValues: { ...after, month: input.month, year: input.year } }),
      });
      const unsaved = Object.keys(fieldErrors).length ? { fieldErrors } : {};
      return { ok: true, data: { reportId, version: after.version, status: after.status, ...unsaved } };
    }, WRITE_TX);
  } catch (error) {
    if (error instanceof TaskMoved) {
      const tasks = await db().task.findMany({ where: { campaignId, campaign: reportableCampaigns(user) }, select: { id: true, version: true } });
      return { ok: false, error: "conflict", current: { movedTasks: await movedTasks(db(), tasks, parsedVersions(raw)) } };
    }
    // Two first saves of the same month at once: the second meets the unique (campaign, month, revision).
    if (isUniqueViolation(error)) {
      return { ok: false, error: "conflict", current: {} };
    }
    throw error;
  }
}

/** The figures, task progress and (on submit) the tasks themselves, each only where typed correctly. */
async function writeContent(
  tx: Tx,
  user: SessionUser,
  reportId: string,
  input: ParsedReport,
  campaign: { indicators: { id: string }[]; tasks: { id: string; closure: string }[] },
  at: Date,
) {
  const submitting = input.intent === "submit";
  for (const ind of campaign.indicators) {
    if (input.skipped.has(`value.${ind.id}`)) continue;
    const v = input.values.get(ind.id);
    if (!v) {
      await tx.indicatorValue.deleteMany({ where: { reportId, indicatorId: ind.id } });
      continue;
    }
    const fields = { value: v.value, note: v.note, decreaseReason: v.decreaseReason, reportedById: user.id, reportedAt: at };
    await tx.indicatorValue.upsert({
      where: { reportId_indicatorId: { reportId, indicatorId: ind.id } },
      create: { reportId, indicatorId: ind.id, month: input.month, ...fields },
      update: fields,
    });
  }
  for (const task of campaign.tasks) {
    // A task asked for or closed (销号) keeps its own progress and history: the report neither states
    // it (a line saved before the request is dropped) nor touches the task, so a leader deciding it
    // meanwhile is not refused as stale.
    if (task.closure !== "OPEN") {
      await tx.taskUpdate.deleteMany({ where: { reportId, taskId: task.id } });
      continue;
    }
    if (input.skipped.has(`task.${task.id}`)) continue;
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
    // Submitting states each task's progress as of now: the task itself follows, if it is still
    // as the form saw it (checked before any write; this catches a save in between).
    if (submitting) {
      const { count } = await tx.task.updateMany({
        where: { id: task.id, version: input.taskVersions.get(task.id) ?? -1 },
        data: { ...t, version: { increment: 1 } },
      });
      if (count === 0) throw new TaskMoved();
    }
  }
}

/** The month before's latest official figure of each of these indicators (none before January). */
async function previousFigures(tx: Tx, indicatorIds: string[], month: number): Promise<Map<string, string>> {
  if (month <= 1 || indicatorIds.length === 0) return new Map();
  const rows = await tx.indicatorValue.findMany({
    where: { indicatorId: { in: indicatorIds }, month: month - 1, ...OFFICIAL_VALUE },
    orderBy: [{ indicatorId: "asc" }, { reportedAt: "desc" }],
    distinct: ["indicatorId"],
    select: { indicatorId: true, value: true },
  });
  return new Map(rows.map((r) => [r.indicatorId, r.value.toFixed()]));
}

/** Tasks whose version is no longer the one the form was loaded with, as they are now. */
async function movedTasks(tx: Tx, tasks: { id: string; version: number }[], loaded: Map<string, number>): Promise<MovedTask[]> {
  const ids = tasks.filter((t) => loaded.has(t.id) && loaded.get(t.id) !== t.version).map((t) => t.id);
  if (ids.length === 0) return [];
  const rows = await tx.task.findMany({
    where: { id: { in: ids } },
    orderBy: [{ sortOrder: "asc" }, { dueDate: "asc" }],
    select: {
      id: true,
      title: true,
      percentDone: true,
      status: true,
      version: true,
      // Who moved it: a save on the task page or a submitted report. A report still being written
      // (draft or returned) states the task on every autosave without moving it; counting those
      // would name this very lead as the one who changed it.
      updates: {
        where: { OR: [{ reportId: null }, { report: { status: { notIn: [...EDITABLE] } } }] },
        orderBy: { reportedAt: "desc" },
        take: 1,
        select: { reportedAt: true, reportedBy: { select: { name: true } } },
      },
    },
  });
  return rows.map((t) => ({
    id: t.id,
    title: t.title,
    percentDone: t.percentDone,
    status: t.status,
    version: t.version,
    by: t.updates[0]?.reportedBy.name ?? null,
    at: t.updates[0]?.reportedAt.toISOString() ?? null,
  }));
}

function parsedVersions(raw: Record<string, unknown>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of Object.entries(raw)) {
    const m = k.match(/^taskVersion\.(.+)$/);
    if (m?.[1] && typeof v === "string" && /^\d{1,9}$/.test(v)) out.set(m[1], Number(v));
  }
  return out;
}
