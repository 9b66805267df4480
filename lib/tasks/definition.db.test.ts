import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { createTask, updateTask } from "./definition";
import { auditCount, expectNothingWritten, KEEPERS, lastAudit, NOT_KEEPERS } from "@/lib/testing/fixtures/plan-keeping";

describe.each(DB_KINDS)("task administration (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");
  let campaignId: string;
  let otherCampaignId: string;
  let ownerId: string;
  beforeAll(async () => {
    const { planId } = t.demo;
    campaignId = (await t.prisma.campaign.findFirstOrThrow({ where: { planId, number: 3 } })).id;
    otherCampaignId = (await t.prisma.campaign.findFirstOrThrow({ where: { planId, number: 4 } })).id;
    ownerId = (await t.prisma.user.findUniqueOrThrow({ where: { username: "lead3" } })).id;
  });

  const form = (extra: Record<string, string> = {}) => ({
    campaignId,
    title: "开展“四无”企业回头看",
    ownerId,
    startDate: "2018-06-01",
    dueDate: "2018-07-31",
    weight: "3",
    parentId: "",
    ...extra,
  });
  const editForm = async (taskId: string, extra: Record<string, string> = {}) => {
    const task = await t.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
    return { ...form(), taskId, version: String(task.version), ...extra };
  };
  const created = async (extra: Record<string, string> = {}) => {
    const r = await createTask(await sessionUser("staff"), form(extra));
    if (!r.ok || !r.data) throw new Error(JSON.stringify(r));
    return r.data.id;
  };

  it.each(KEEPERS)("%s adds a task and a sub-task under it, then edits the sub-task; one audit record each", async (username) => {
    const user = await sessionUser(username);
    const before = await auditCount(t.prisma);
    const parent = await createTask(user, form({ title: `上级任务${username}` }));
    if (!parent.ok || !parent.data) throw new Error(JSON.stringify(parent));
    const child = await createTask(user, form({ title: `子任务${username}`, parentId: parent.data.id, weight: "1.5", startDate: "" }));
    if (!child.ok || !child.data) throw new Error(JSON.stringify(child));
    const saved = await t.prisma.task.findUniqueOrThrow({ where: { id: child.data.id } });
    expect(saved).toMatchObject({ campaignId, parentId: parent.data.id, ownerId, startDate: null, version: 1 });
    expect(saved.weight.toFixed()).toBe("1.5");
    expect(saved.dueDate.toISOString().slice(0, 10)).toBe("2018-07-31");
    const createRecord = await lastAudit(t.prisma);
    expect(createRecord).toMatchObject({ action: "task.create", entityId: child.data.id, campaignId, oldValues: null });
    expect(createRecord.newValues).toMatchObject({ title: `子任务${username}`, parentId: parent.data.id, weight: "1.5", dueDate: "2018-07-31" });

    const edited = await updateTask(
      user,
      await editForm(child.data.id, { title: `子任务${username}`, parentId: parent.data.id, weight: "2", startDate: "", dueDate: "2018-08-15" }),
    );
    expect(edited).toEqual({ ok: true, data: { id: child.data.id } });
    const editRecord = await lastAudit(t.prisma);
    expect(editRecord).toMatchObject({ action: "task.update", entityId: child.data.id, campaignId });
    expect(editRecord.oldValues).toEqual({ weight: "1.5", dueDate: "2018-07-31", version: 1 });
    // An active plan's task dates and weight change from the first month not yet reported (April).
    expect(editRecord.newValues).toEqual({ weight: "2", dueDate: "2018-08-15", version: 2, planChange: { kind: "CHANGE", fromMonth: 4, reason: null } });
    expect(await auditCount(t.prisma)).toBe(before + 3);
  });

  it.each(NOT_KEEPERS)("refuses %s adding or editing a task: nothing written, no audit record", async (username) => {
    const user = await sessionUser(username);
    const task = await t.prisma.task.findFirstOrThrow({ where: { campaignId, parentId: null } });
    expect(await expectNothingWritten(t.prisma, () => createTask(user, form({ title: "越权任务" })))).toEqual({ ok: false, error: "notFound" });
    expect(await t.prisma.task.count({ where: { title: "越权任务" } })).toBe(0);
    const edit = await expectNothingWritten(t.prisma, async () => updateTask(user, await editForm(task.id, { title: "越权改名" })));
    expect(edit).toEqual({ ok: false, error: "notFound" });
    expect(await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ title: task.title, version: task.version });
  });

  it("refuses a due date before the start and dates outside the plan year", async () => {
    const staff = await sessionUser("staff");
    const early = await expectNothingWritten(t.prisma, () => createTask(staff, form({ startDate: "2018-06-01", dueDate: "2018-05-31" })));
    expect(early).toEqual({ ok: false, error: "invalid", fieldErrors: { dueDate: ["validation.dueBeforeStart"] } });
    const outside = await createTask(staff, form({ startDate: "2017-12-20", dueDate: "2019-01-10" }));
    expect(outside).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { startDate: ["validation.dateOutsideYear"], dueDate: ["validation.dateOutsideYear"] },
    });
    expect(await createTask(staff, form({ dueDate: "" }))).toMatchObject({ fieldErrors: { dueDate: ["validation.required"] } });
  });

  it.each(["0", "-1", "100.5", "1.234", "abc", ""])("refuses the weight %j", async (weight) => {
    const staff = await sessionUser("staff");
    expect(await expectNothingWritten(t.prisma, () => createTask(staff, form({ weight })))).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { weight: ["validation.weight"] },
    });
  });

  it("nests one level only: no parent that is a sub-task or of another campaign, no parent for a task with sub-tasks", async () => {
    const staff = await sessionUser("staff");
    const top = await created({ title: "一级任务" });
    const sub = await created({ title: "二级任务", parentId: top });
    const third = await expectNothingWritten(t.prisma, () => createTask(staff, form({ title: "三级任务", parentId: sub })));
    expect(third).toEqual({ ok: false, error: "invalid", fieldErrors: { parentId: ["validation.parent"] } });
    const foreign = await t.prisma.task.findFirstOrThrow({ where: { campaignId: otherCampaignId, parentId: null } });
    expect(await createTask(staff, form({ parentId: foreign.id }))).toEqual({ ok: false, error: "invalid", fieldErrors: { parentId: ["validation.parent"] } });
    const other = await created({ title: "另一个一级任务" });
    const withChildren = await expectNothingWritten(t.prisma, async () => updateTask(staff, await editForm(top, { title: "一级任务", parentId: other })));
    expect(withChildren).toEqual({ ok: false, error: "invalid", fieldErrors: { parentId: ["validation.parentHasChildren"] } });
    expect(await updateTask(staff, await editForm(other, { title: "另一个一级任务", parentId: other }))).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { parentId: ["validation.parent"] },
    });
  });

  it("refuses an owner from outside the town", async () => {
    const staff = await sessionUser("staff");
    const county = await t.prisma.user.findUniqueOrThrow({ where: { username: "county" } });
    expect(await createTask(staff, form({ ownerId: county.id }))).toEqual({ ok: false, error: "invalid", fieldErrors: { ownerId: ["validation.owner"] } });
  });

  it("refuses an edit based on a stale version and returns the current values, writing nothing", async () => {
    const staff = await sessionUser("staff");
    const admin = await sessionUser("admin");
    const taskId = await created({ title: "并发编辑任务" });
    const stale = await editForm(taskId, { title: "乙的标题" });
    expect(await updateTask(admin, await editForm(taskId, { title: "甲的标题" }))).toMatchObject({ ok: true });
    const conflict = await expectNothingWritten(t.prisma, () => updateTask(staff, stale));
    expect(conflict).toMatchObject({ ok: false, error: "conflict", current: { title: "甲的标题", version: 2 } });
    expect(await t.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ title: "甲的标题", version: 2 });
  });

  it("keeps the audit chain intact", async () => {
    expect((await verifyAuditChain(t.prisma)).broken).toBeNull();
  });
});
