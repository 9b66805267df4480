// The 落实反馈 loop of a 批示 (rules: instruction-rules.ts): the campaign's lead answers an open one with
// 落实情况 and evidence files, its author or the campaign's 分管领导 closes it (办结) or asks again. Each
// step is one transaction: the state change (guarded by state and version in the where-clause, so a
// stale or doubled step changes nothing), the step's history row, its audit record and the inbox
// message to the other side. Who may take a step is in the query (lib/auth/scope.ts).
import "server-only";
import { may } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { answerableInstructions, decidableInstructions } from "@/lib/auth/scope";
import { detectFileType } from "@/lib/attachments/mutations";
import { checkUpload, MAX_FILE_BYTES } from "@/lib/attachments/rules";
import { audit } from "@/lib/audit/record";
import { chinaDay, now } from "@/lib/clock";
import { db, WRITE_TX, type Tx } from "@/lib/db";
import { invalid, type ActionResult } from "@/lib/errors";
import { notifyPeople } from "@/lib/inbox/notify";
import { log } from "@/lib/ops/log";
import { removeStoredFile, storeFile } from "@/lib/storage/files";
import { isoDay } from "@/lib/validation/form-fields";
import { MAX_ANSWER_FILES, mayTake, STEPS } from "./instruction-rules";
import { answerSchema, decideSchema } from "./schemas";

export type InstructionResult = ActionResult<{ commentId: string; version: number; state: string }>;

const NOT_FOUND = { ok: false, error: "notFound" } as const;

function fileError(key: string) {
  return { ok: false as const, error: "invalid" as const, fieldErrors: { files: [key] } };
}

const INSTRUCTION_SELECT = {
  id: true,
  state: true,
  version: true,
  body: true,
  authorId: true,
  dueDate: true,
  campaignId: true,
  campaign: { select: { name: true, leadingOfficialId: true, plan: { select: { orgId: true } }, leads: { select: { userId: true } } } },
} as const;

/** The first words of a 批示, to name it in a message. */
function excerpt(body: string): string {
  // Without its closing punctuation: the message's own sentence follows it.
  const flat = body
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[。．.！!；;，,]+$/u, "");
  return flat.length > 30 ? `${flat.slice(0, 30)}…` : flat;
}

/** The current version and state, for a refused stale step. */
async function current(tx: Tx, id: string) {
  const row = await tx.comment.findUnique({ where: { id }, select: { state: true, version: true } });
  return { state: row?.state ?? null, version: row?.version ?? null };
}

/** 落实反馈: the lead's answer to an open 批示, with up to MAX_ANSWER_FILES evidence files. */
export async function answerInstruction(user: SessionUser, raw: unknown, files: readonly File[] = []): Promise<InstructionResult> {
  const parsed = answerSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  if (!may(user, "leadOwn")) return { ok: false, error: "forbidden" };
  const { commentId, version, body } = parsed.data;
  const scope = { id: commentId, ...answerableInstructions(user) };
  // Checked before any file is read or stored (and again in the transaction).
  const found = await db().comment.findFirst({ where: scope, select: { state: true } });
  if (!found) return NOT_FOUND;
  if (!mayTake("ANSWER", found.state)) return { ok: false, error: "locked", status: found.state ?? "NONE" };
  if (files.length > MAX_ANSWER_FILES) return fileError("validation.tooManyAnswerFiles");
  const checked = [];
  for (const file of files) {
    if (file.size > MAX_FILE_BYTES) return fileError("validation.fileTooLarge");
    const buffer = new Uint8Array(await file.arrayBuffer());
    const check = checkUpload({ fileName: file.name, size: buffer.byteLength, detected: await detectFileType(buffer) });
    if (!check.ok) return fileError(check.error);
    checked.push({ ...check, buffer });
  }

  const stored: { storageKey: string; sha256: string; size: number; fileName: string; mime: string }[] = [];
  let committed = false;
  try {
    for (const file of checked) stored.push({ ...(await storeFile(file.buffer)), fileName: file.fileName, mime: file.mime });
    const result = await db().$transaction(async (tx): Promise<InstructionResult> => {
      const comment = await tx.comment.findFirst({ where: scope, select: INSTRUCTION_SELECT });
      if (!comment) return NOT_FOUND;
      if (!mayTake("ANSWER", comment.state)) return { ok: false, error: "locked", status: comment.state ?? "NONE" };
      const at = now();
      const { count } = await tx.comment.updateMany({
        where: { ...scope, state: { in: [...STEPS.ANSWER.from] }, version },
        data: { state: STEPS.ANSWER.to, version: { increment: 1 } },
      });
      if (count === 0) return { ok: false, error: "conflict", current: await current(tx, commentId) };
      const step = await tx.instructionStep.create({ data: { commentId, kind: "ANSWER", body, byId: user.id, createdAt: at, dueDate: comment.dueDate } });
      for (const file of stored) {
        await tx.attachment.create({
          data: {
            campaignId: comment.campaignId,
            instructionStepId: step.id,
            fileName: file.fileName,
            mimeType: file.mime,
            size: file.size,
            sha256: file.sha256,
            storageKey: file.storageKey,
            uploadedById: user.id,
            createdAt: at,
          },
        });
      }
      await audit(tx, {
        actor: user,
        action: "instruction.answer",
        entityType: "Comment",
        entityId: commentId,
        orgId: comment.campaign.plan.orgId,
        campaignId: comment.campaignId,
        oldValues: { state: comment.state },
        newValues: { state: STEPS.ANSWER.to, answer: body, files: stored.map((f) => ({ fileName: f.fileName, sha256: f.sha256 })) },
      });
      await notifyPeople(tx, {
        kind: "instructionAnswered",
        to: [comment.authorId],
        actorId: user.id,
        values: { campaign: comment.campaign.name, instruction: excerpt(comment.body), name: user.name },
        path: `/campaigns/${comment.campaignId}#instruction-${commentId}`,
        at,
      });
      return { ok: true, data: { commentId, version: version + 1, state: STEPS.ANSWER.to } };
    }, WRITE_TX);
    committed = result.ok;
    return result;
  } finally {
    if (!committed) {
      for (const file of stored) {
        await removeStoredFile(file.storageKey).catch((error: unknown) => {
          log().error({ err: error, storageKey: file.storageKey }, "could not remove an unrecorded answer file");
        });
      }
    }
  }
}

/** 办结, or 再次要求 with a note (back to OPEN, optionally with a new deadline): by its author or the campaign's 分管领导. */
export async function decideInstruction(user: SessionUser, raw: unknown): Promise<InstructionResult> {
  const parsed = decideSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  if (!may(user, "comment")) return { ok: false, error: "forbidden" };
  const { commentId, version, decision, note, dueDate } = parsed.data;
  if (decision === "askAgain" && dueDate && isoDay(dueDate)! < chinaDay()) {
    return { ok: false, error: "invalid", fieldErrors: { dueDate: ["validation.dueInPast"] } };
  }
  const step = decision === "close" ? "CLOSE" : "ASK_AGAIN";
  const scope = { id: commentId, ...decidableInstructions(user) };
  return db().$transaction(async (tx): Promise<InstructionResult> => {
    const comment = await tx.comment.findFirst({ where: scope, select: INSTRUCTION_SELECT });
    if (!comment) return NOT_FOUND;
    if (!mayTake(step, comment.state)) return { ok: false, error: "locked", status: comment.state ?? "NONE" };
    const at = now();
    const to = STEPS[step].to;
    const { count } = await tx.comment.updateMany({
      where: { ...scope, state: { in: [...STEPS[step].from] }, version },
      data:
        step === "CLOSE"
          ? { state: to, closedAt: at, version: { increment: 1 } }
          : // Asked again: a new round, so a new overdue reminder when this one runs late too.
            { state: to, version: { increment: 1 }, overdueRemindedAt: null, ...(dueDate ? { dueDate } : {}) },
    });
    if (count === 0) return { ok: false, error: "conflict", current: await current(tx, commentId) };
    await tx.instructionStep.create({
      data: { commentId, kind: step, body: note, byId: user.id, createdAt: at, dueDate: (step === "ASK_AGAIN" ? dueDate : null) ?? comment.dueDate },
    });
    await audit(tx, {
      actor: user,
      action: step === "CLOSE" ? "instruction.close" : "instruction.askAgain",
      entityType: "Comment",
      entityId: commentId,
      orgId: comment.campaign.plan.orgId,
      campaignId: comment.campaignId,
      oldValues: { state: comment.state, dueDate: isoDay(comment.dueDate) },
      newValues: { state: to, note: note || null, dueDate: isoDay(dueDate ?? comment.dueDate) },
    });
    await notifyPeople(tx, {
      kind: step === "CLOSE" ? "instructionClosed" : "instructionAskedAgain",
      to: comment.campaign.leads.map((l) => l.userId),
      actorId: user.id,
      values: { campaign: comment.campaign.name, instruction: excerpt(comment.body), name: user.name, note: note || "—" },
      path: `/campaigns/${comment.campaignId}#instruction-${commentId}`,
      at,
    });
    return { ok: true, data: { commentId, version: version + 1, state: to } };
  }, WRITE_TX);
}

export { excerpt as instructionExcerpt };
