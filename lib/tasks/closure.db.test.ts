// 销号 of tasks: the state machine (申请 → 退回 → 申请 → 确认), who may ask and who may
// decide, the board counting only closed tasks as done, and 逾期原因/整改措施 on an overdue task, read
// back from the 月报. Evidence files go to a temporary folder (lib/env reads DUBAN_FILES_DIR once).
import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it, vi } from "vitest";
import { uploadTaskEvidence } from "@/lib/attachments/mutations";
import { verifyAuditChain } from "@/lib/audit/verify";
import type { SessionUser } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { buildSummary } from "@/lib/summary/build";
import { createTranslator } from "next-intl";
import { taskReason } from "@/lib/board/reasons";
import { boardOf } from "@/lib/testing/board";
import zh from "@/messages/zh-CN.json";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import * as fixtures from "@/lib/testing/fixtures/files";
import { sessionUser } from "@/lib/testing/users";
import { askClosure, decideClosure } from "./closure";
import { updateTaskProgress } from "./mutations";

const FILES_DIR = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = await mkdtemp(join(tmpdir(), "duban-closure-test-"));
  process.env.DUBAN_FILES_DIR = dir;
  return dir;
});

afterAll(async () => {
  await rm(FILES_DIR, { recursive: true, force: true });
});

const LATE = { overdueReason: "征地手续延误", remedy: "倒排工期，每周调度" };
const png = (seed: number) => new File([new Uint8Array(fixtures.png(seed))], `现场照片${seed}.png`, { type: "image/png" });

describe.each(DB_KINDS)("销号 of tasks (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");

  /** An open, unfinished task of the campaign, not yet used by another test. */
  const used = new Set<string>();
  async function openTask(campaignNumber: number, where: { dueDate?: { lt: Date } | { gt: Date } } = {}) {
    const task = await t.prisma.task.findFirstOrThrow({
      where: {
        campaign: { number: campaignNumber },
        closure: "OPEN",
        percentDone: { lt: 100 },
        status: { not: "CANCELLED" },
        id: { notIn: [...used] },
        ...where,
      },
      orderBy: { id: "asc" },
      include: { campaign: { select: { leadingOfficial: { select: { username: true } }, leads: { select: { user: { select: { username: true } } } } } } },
    });
    used.add(task.id);
    return task;
  }

  async function leadOf(task: Awaited<ReturnType<typeof openTask>>) {
    return sessionUser(task.campaign.leads[0]?.user.username ?? "");
  }

  async function finish(lead: SessionUser, taskId: string) {
    const task = await t.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(
      await updateTaskProgress(lead, { campaignId: task.campaignId, taskId, version: String(task.version), percentDone: "100", status: "DONE", ...LATE }),
    ).toEqual({ ok: true });
    return t.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
  }

  const version = async (taskId: string) => String((await t.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).version);

  it("walks 申请 → 退回 with a reason → 申请 again → 确认; each step audited and the next person notified", async () => {
    const task = await openTask(1);
    const lead = await leadOf(task);
    const official = await sessionUser(task.campaign.leadingOfficial?.username ?? "");
    const finished = await finish(lead, task.id);
    const ask = { campaignId: task.campaignId, taskId: task.id, note: "管网已全部完工并通过验收" };

    // No evidence yet: refused, nothing written.
    const auditBefore = await t.prisma.auditRecord.count();
    expect(await askClosure(lead, { ...ask, version: String(finished.version) })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { evidence: ["validation.closureEvidence"] },
    });
    expect(await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ closure: "OPEN", version: finished.version });
    expect(await t.prisma.taskClosureRequest.count({ where: { taskId: task.id } })).toBe(0);
    expect(await t.prisma.auditRecord.count()).toBe(auditBefore);

    expect(await uploadTaskEvidence(lead, task.id, png(1))).toMatchObject({ ok: true });
    expect(await askClosure(lead, { ...ask, version: String(finished.version) })).toEqual({ ok: true });
    expect(await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ closure: "REQUESTED", closedAt: null });
    expect(await t.prisma.taskClosureRequest.findFirstOrThrow({ where: { taskId: task.id } })).toMatchObject({
      status: "PENDING",
      note: ask.note,
      requestedById: lead.id,
    });
    expect(await t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({
      action: "task.closure.ask",
      entityId: task.id,
      actorId: lead.id,
    });
    const asked = await t.prisma.notification.findFirstOrThrow({ where: { userId: official.id, kind: "closureAsked" }, orderBy: { createdAt: "desc" } });
    expect(asked.title).toContain(task.title);

    // While asked: progress and evidence are frozen, a second request is refused.
    const frozen = await version(task.id);
    expect(
      await updateTaskProgress(lead, { campaignId: task.campaignId, taskId: task.id, version: frozen, percentDone: "90", status: "IN_PROGRESS", ...LATE }),
    ).toEqual({ ok: false, error: "locked", status: "REQUESTED" });
    expect(await uploadTaskEvidence(lead, task.id, png(2))).toEqual({ ok: false, error: "locked", status: "REQUESTED" });
    expect(await askClosure(lead, { ...ask, version: frozen })).toEqual({ ok: false, error: "locked", status: "REQUESTED" });

    // A return needs its reason.
    expect(await decideClosure(official, { taskId: task.id, version: frozen, decision: "return" })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { reason: ["validation.closureReturnReason"] },
    });
    expect(await decideClosure(official, { taskId: task.id, version: frozen, decision: "return", reason: "缺少验收报告" })).toEqual({ ok: true });
    expect(await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ closure: "OPEN", closedAt: null });
    expect(await t.prisma.taskClosureRequest.findFirstOrThrow({ where: { taskId: task.id } })).toMatchObject({
      status: "RETURNED",
      returnReason: "缺少验收报告",
      decidedById: official.id,
    });
    expect(await t.prisma.notification.count({ where: { userId: lead.id, kind: "closureReturned", body: { contains: "缺少验收报告" } } })).toBe(1);

    // Asked again with one more file; a stale confirmation changes nothing; the right one closes the task.
    expect(await uploadTaskEvidence(lead, task.id, png(3))).toMatchObject({ ok: true });
    expect(await askClosure(lead, { ...ask, note: "已补充验收报告", version: await version(task.id) })).toEqual({ ok: true });
    expect(await decideClosure(official, { taskId: task.id, version: frozen, decision: "confirm" })).toMatchObject({ ok: false, error: "conflict" });
    expect(await decideClosure(official, { taskId: task.id, version: await version(task.id), decision: "confirm" })).toEqual({ ok: true });
    const closed = await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(closed).toMatchObject({ closure: "CLOSED" });
    expect(closed.closedAt?.getTime()).toBeLessThanOrEqual(now().getTime());
    const requests = await t.prisma.taskClosureRequest.findMany({ where: { taskId: task.id }, orderBy: { requestedAt: "asc" } });
    expect(requests.map((r) => r.status)).toEqual(["RETURNED", "CONFIRMED"]);
    expect(await decideClosure(official, { taskId: task.id, version: String(closed.version), decision: "confirm" })).toEqual({
      ok: false,
      error: "locked",
      status: "CLOSED",
    });
    const actions = await t.prisma.auditRecord.findMany({ where: { entityId: task.id, action: { startsWith: "task.closure" } }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["task.closure.ask", "task.closure.return", "task.closure.ask", "task.closure.confirm"]);
    expect((await verifyAuditChain(t.prisma)).broken).toBeNull();
  });

  it("lets no lead of another campaign keep evidence or ask, and no one but the 分管领导 confirm", async () => {
    const task = await openTask(1);
    const lead = await leadOf(task);
    const finished = await finish(lead, task.id);
    const campaign1Leads = new Set(task.campaign.leads.map((l) => l.user.username));
    const stranger = await sessionUser(["lead2", "lead3", "lead4", "lead5"].find((u) => !campaign1Leads.has(u)) ?? "");
    expect(await uploadTaskEvidence(stranger, task.id, png(4))).toEqual({ ok: false, error: "notFound" });
    expect(await askClosure(stranger, { campaignId: task.campaignId, taskId: task.id, version: String(finished.version), note: "代为申请" })).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(
      await askClosure(await sessionUser("viewer"), { campaignId: task.campaignId, taskId: task.id, version: String(finished.version), note: "代为申请" }),
    ).toEqual({ ok: false, error: "notFound" });

    expect(await uploadTaskEvidence(lead, task.id, png(5))).toMatchObject({ ok: true });
    expect(await askClosure(lead, { campaignId: task.campaignId, taskId: task.id, version: String(finished.version), note: "完成" })).toEqual({ ok: true });
    const asked = await version(task.id);
    const official = task.campaign.leadingOfficial?.username;
    const otherLeader = ["leader", "leader2", "leader3"].find((u) => u !== official) ?? "";
    for (const username of [otherLeader, "staff", "viewer", lead.username]) {
      expect(await decideClosure(await sessionUser(username), { taskId: task.id, version: asked, decision: "confirm" }), username).toEqual({
        ok: false,
        error: "notFound",
      });
    }
    expect(await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ closure: "REQUESTED" });
  });

  it("hands the confirmation to office staff when the plan says so, and notifies them", async () => {
    await t.prisma.plan.update({ where: { id: t.demo.planId }, data: { closureConfirmedBy: "STAFF" } });
    try {
      const task = await openTask(1);
      const lead = await leadOf(task);
      const finished = await finish(lead, task.id);
      expect(await uploadTaskEvidence(lead, task.id, png(6))).toMatchObject({ ok: true });
      expect(await askClosure(lead, { campaignId: task.campaignId, taskId: task.id, version: String(finished.version), note: "完成" })).toEqual({ ok: true });
      const staff = await sessionUser("staff");
      expect(await t.prisma.notification.count({ where: { userId: staff.id, kind: "closureAsked", title: { contains: task.title } } })).toBe(1);
      const asked = await version(task.id);
      const official = await sessionUser(task.campaign.leadingOfficial?.username ?? "");
      expect(await decideClosure(official, { taskId: task.id, version: asked, decision: "confirm" })).toEqual({ ok: false, error: "notFound" });
      expect(await decideClosure(staff, { taskId: task.id, version: asked, decision: "confirm" })).toEqual({ ok: true });
      expect(await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ closure: "CLOSED" });
    } finally {
      await t.prisma.plan.update({ where: { id: t.demo.planId }, data: { closureConfirmedBy: "OFFICIAL" } });
    }
  });

  it("counts a task as done on the board only once its 销号 is confirmed", async () => {
    const task = await openTask(2);
    const lead = await leadOf(task);
    const official = await sessionUser(task.campaign.leadingOfficial?.username ?? "");
    const viewer = await sessionUser("viewer");
    const finished = await finish(lead, task.id);
    const shown = async () => (await boardOf(viewer, t.demo.planId)).campaigns.flatMap((c) => c.tasks).find((x) => x.id === task.id);

    const awaiting = await shown();
    expect(awaiting?.percentDone).toBe(100);
    expect(["awaitingClosure", "overdueAwaitingClosure"]).toContain(awaiting?.status.reason.key);

    expect(await uploadTaskEvidence(lead, task.id, png(7))).toMatchObject({ ok: true });
    expect(await askClosure(lead, { campaignId: task.campaignId, taskId: task.id, version: String(finished.version), note: "完成" })).toEqual({ ok: true });
    expect((await shown())?.status.reason.key).not.toBe("done");
    expect(await decideClosure(official, { taskId: task.id, version: await version(task.id), decision: "confirm" })).toEqual({ ok: true });
    expect((await shown())?.status).toMatchObject({ light: "GREEN", overdue: false, reason: { key: "done" } });
  });

  it("asks an overdue task's lead for 逾期原因 and 整改措施, and the 月报 gives them as the task's 原因", async () => {
    const task = await openTask(3, { dueDate: { lt: now() } });
    const lead = await leadOf(task);
    const base = {
      campaignId: task.campaignId,
      taskId: task.id,
      version: String(task.version),
      percentDone: String(task.percentDone + 1),
      status: "IN_PROGRESS",
    };
    expect(await updateTaskProgress(lead, base)).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { overdueReason: ["validation.overdueReason"], remedy: ["validation.remedy"] },
    });
    expect(await updateTaskProgress(lead, { ...base, overdueReason: "原材料涨价" })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { remedy: ["validation.remedy"] },
    });
    expect((await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).version).toBe(task.version);

    expect(await updateTaskProgress(lead, { ...base, overdueReason: "原材料涨价，施工方停工", remedy: "镇里协调供货，月底前复工" })).toEqual({ ok: true });
    expect(await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      overdueReason: "原材料涨价，施工方停工",
      remedy: "镇里协调供货，月底前复工",
    });

    const built = await buildSummary(await sessionUser("staff"), { planId: t.demo.planId, month: 3, campaignIds: [], locale: "zh-CN" });
    if (!built.ok) throw new Error(built.error);
    const row = built.summary.campaigns.flatMap((c) => c.overdueTasks).find((x) => x.title === task.title);
    expect(row?.reason).toBe("原材料涨价，施工方停工；整改措施：镇里协调供货，月底前复工");

    // The board says it too, with the task's light: the campaign page, the board's reasons and the meeting view read it from here.
    const onBoard = (await boardOf(await sessionUser("viewer"), t.demo.planId)).campaigns.flatMap((c) => c.tasks).find((x) => x.id === task.id);
    expect(onBoard?.overdueReason).toBe("原材料涨价，施工方停工");
    const st = createTranslator({ locale: "zh-CN", messages: zh, namespace: "status" });
    expect(onBoard && taskReason(st as never, onBoard)).toBe(`${task.title}：已逾期，完成 ${task.percentDone + 1}%（逾期原因：原材料涨价，施工方停工）`);
  });
});
