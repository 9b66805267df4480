import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { updateTaskProgress } from "./mutations";

/** Required when the demo task chosen happens to be overdue on the test's date; ignored otherwise. */
const LATE = { overdueReason: "雨季停工两周", remedy: "增加施工班组，周末加班" };

describe.each(DB_KINDS)("updateTaskProgress (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");

  async function taskOf(campaignNumber: number, index = 0) {
    // Open tasks only: a closed one (销号) is locked.
    const tasks = await t.prisma.task.findMany({ where: { campaign: { number: campaignNumber }, closure: "OPEN" }, orderBy: { id: "asc" } });
    const task = tasks[index];
    if (!task) throw new Error("no task");
    return task;
  }

  it("lets the campaign's lead record progress, with its history and audit record in the same write", async () => {
    const lead = await sessionUser("lead1");
    const task = await taskOf(1);
    const auditBefore = await t.prisma.auditRecord.count();
    const result = await updateTaskProgress(lead, {
      campaignId: task.campaignId,
      taskId: task.id,
      version: String(task.version),
      percentDone: "４２",
      status: "IN_PROGRESS",
      note: "推进中",
      ...LATE,
    });
    expect(result).toEqual({ ok: true });
    const after = await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(after).toMatchObject({ percentDone: 42, status: "IN_PROGRESS", version: task.version + 1 });
    const update = await t.prisma.taskUpdate.findFirstOrThrow({ where: { taskId: task.id }, orderBy: { reportedAt: "desc" } });
    expect(update).toMatchObject({ percentDone: 42, note: "推进中", reportedById: lead.id });
    const audit = await t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(await t.prisma.auditRecord.count()).toBe(auditBefore + 1);
    expect(audit).toMatchObject({ action: "task.progress", entityId: task.id, actorId: lead.id, campaignId: task.campaignId });
    expect(audit.oldValues).toMatchObject({ percentDone: task.percentDone, status: task.status });
    expect(audit.newValues).toMatchObject({ percentDone: 42, status: "IN_PROGRESS" });
    expect((await verifyAuditChain(t.prisma)).broken).toBeNull();
  });

  it.each(["lead2", "viewer", "staff", "leader"])("refuses %s on campaign 1's task and writes nothing", async (username) => {
    const user = await sessionUser(username);
    const task = await taskOf(1, 1);
    const auditBefore = await t.prisma.auditRecord.count();
    const result = await updateTaskProgress(user, {
      campaignId: task.campaignId,
      taskId: task.id,
      version: String(task.version),
      percentDone: "99",
      status: "IN_PROGRESS",
    });
    expect(result).toEqual({ ok: false, error: "notFound" });
    expect(await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ percentDone: task.percentDone, version: task.version });
    expect(await t.prisma.auditRecord.count()).toBe(auditBefore);
  });

  it("refuses a task passed with another campaign's id (the campaign is part of the check)", async () => {
    const lead = await sessionUser("lead1");
    const own = await taskOf(1);
    const other = await taskOf(2);
    const result = await updateTaskProgress(lead, {
      campaignId: own.campaignId,
      taskId: other.id,
      version: String(other.version),
      percentDone: "10",
      status: "IN_PROGRESS",
    });
    expect(result).toEqual({ ok: false, error: "notFound" });
  });

  it("refuses a save based on a stale version and returns what is there now", async () => {
    const lead = await sessionUser("lead3");
    const task = await taskOf(3, 2);
    const base = { campaignId: task.campaignId, taskId: task.id, version: String(task.version), status: "IN_PROGRESS", ...LATE };
    expect(await updateTaskProgress(lead, { ...base, percentDone: "30" })).toEqual({ ok: true });
    const second = await updateTaskProgress(lead, { ...base, percentDone: "40" });
    expect(second).toMatchObject({ ok: false, error: "conflict", current: { percentDone: 30, version: task.version + 1 } });
    expect((await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).percentDone).toBe(30);
  });

  it("loses no update when 20 writers save the same task at once: one lands, the rest are told", async () => {
    const lead = await sessionUser("lead4");
    const task = await taskOf(4, 3);
    const updatesBefore = await t.prisma.taskUpdate.count({ where: { taskId: task.id } });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        updateTaskProgress(lead, {
          campaignId: task.campaignId,
          taskId: task.id,
          version: String(task.version),
          percentDone: String(i + 1),
          status: "IN_PROGRESS",
          ...LATE,
        }),
      ),
    );
    const landed = results.filter((r) => r.ok);
    expect(landed).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "conflict")).toHaveLength(19);
    const after = await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(after.version).toBe(task.version + 1);
    expect(await t.prisma.taskUpdate.count({ where: { taskId: task.id } })).toBe(updatesBefore + 1);
  });

  it.each([
    [{ percentDone: "abc" }, "percentDone", "validation.percentWhole"],
    [{ percentDone: "101" }, "percentDone", "validation.percentRange"],
    [{ status: "FINISHED" }, "status", "validation.status"],
    [{ version: "x" }, "version", undefined],
    [{ taskId: "" }, "taskId", undefined],
  ] as const)("returns field errors for bad input %j and writes nothing", async (bad, field, message) => {
    const lead = await sessionUser("lead5");
    const task = await taskOf(5);
    const before = await t.prisma.auditRecord.count();
    const result = await updateTaskProgress(lead, {
      campaignId: task.campaignId,
      taskId: task.id,
      version: String(task.version),
      percentDone: "10",
      status: "IN_PROGRESS",
      ...bad,
    });
    expect(result.ok).toBe(false);
    if (result.ok || result.error !== "invalid") throw new Error("expected invalid");
    expect(Object.keys(result.fieldErrors)).toContain(field);
    if (message) expect(result.fieldErrors[field]).toContain(message);
    expect(await t.prisma.auditRecord.count()).toBe(before);
  });
});
