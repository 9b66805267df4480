import { describe, expect, it } from "vitest";
import { updateTaskProgress } from "@/lib/tasks/mutations";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { saveReport } from "./save";

// #11: a report submitted as it was loaded must not overwrite a task's progress saved on the task
// page after the report was loaded. The submit carries the task versions it was loaded with.
describe.each(DB_KINDS)("submitting over a newer task save (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");

  it("raises a conflict naming the task that moved, writes nothing, and submits once the lead has seen it", async () => {
    const lead = await sessionUser("lead3");
    const c = await t.prisma.campaign.findFirstOrThrow({
      where: { number: 3 },
      include: { plan: { select: { orgId: true } }, indicators: true, tasks: { orderBy: { sortOrder: "asc" } } },
    });
    const [task] = c.tasks;
    if (!task) throw new Error("campaign 3 has tasks");

    // The lead opens March's report: the form is built from the tasks as they are now.
    const form: Record<string, string> = {
      campaignId: c.id,
      year: "2018",
      month: "3",
      version: "0",
      intent: "save",
      progressText: "三月进展",
      problemsText: "无",
      nextStepsText: "四月安排",
    };
    for (const ind of c.indicators) form[`value.${ind.id}`] = "100000";
    for (const x of c.tasks)
      Object.assign(form, { [`task.${x.id}.percent`]: String(x.percentDone), [`task.${x.id}.status`]: x.status, [`taskVersion.${x.id}`]: String(x.version) });
    const draft = await saveReport(lead, form);
    expect(draft).toMatchObject({ ok: true, data: { version: 1 } });

    // Meanwhile a colleague, also a lead of the campaign, records progress on the task page.
    await t.prisma.user.create({
      data: {
        username: "colleague3",
        name: "钱同事",
        passwordHash: "x",
        orgId: c.plan.orgId,
        roles: { create: { role: "LEAD", orgId: c.plan.orgId } },
        leadOf: { create: { campaignId: c.id } },
      },
    });
    const colleague = await sessionUser("colleague3");
    expect(
      await updateTaskProgress(colleague, {
        campaignId: c.id,
        taskId: task.id,
        version: String(task.version),
        percentDone: "80",
        status: "IN_PROGRESS",
        note: "现场核实",
        overdueReason: "材料未到",
        remedy: "催促供货",
      }),
    ).toEqual({ ok: true });

    // The lead's form autosaves once more after it: a draft states the task without moving it.
    expect(await saveReport(lead, { ...form, version: "1" })).toMatchObject({ ok: true, data: { version: 2 } });

    // The lead submits the form as loaded: refused, with what changed and who changed it; nothing is written.
    const auditBefore = await t.prisma.auditRecord.count();
    const stale = await saveReport(lead, { ...form, version: "2", intent: "submit" });
    expect(stale).toMatchObject({
      ok: false,
      error: "conflict",
      current: {
        version: 2,
        movedTasks: [{ id: task.id, title: task.title, percentDone: 80, status: "IN_PROGRESS", version: task.version + 1, by: "钱同事" }],
      },
    });
    expect(await t.prisma.auditRecord.count()).toBe(auditBefore);
    expect(await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ percentDone: 80, version: task.version + 1 });
    expect(await t.prisma.progressReport.findFirstOrThrow({ where: { campaignId: c.id, month: 3 } })).toMatchObject({ status: "DRAFT", version: 2 });

    // Having seen it, the lead takes the colleague's figure and submits on the new version.
    const seen = { ...form, version: "2", intent: "submit", [`task.${task.id}.percent`]: "80", [`taskVersion.${task.id}`]: String(task.version + 1) };
    expect(await saveReport(lead, seen)).toMatchObject({ ok: true, data: { status: "SUBMITTED" } });
    expect(await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ percentDone: 80, version: task.version + 2 });
  });

  it("a draft save never touches the tasks, so it needs no task check", async () => {
    const lead = await sessionUser("lead7");
    const c = await t.prisma.campaign.findFirstOrThrow({ where: { number: 7 }, include: { tasks: true } });
    const [task] = c.tasks;
    if (!task) throw new Error("campaign 7 has tasks");
    const stale = {
      campaignId: c.id,
      year: "2018",
      month: "3",
      version: "0",
      intent: "save",
      progressText: "草稿",
      [`task.${task.id}.percent`]: "5",
      [`task.${task.id}.status`]: "IN_PROGRESS",
      [`taskVersion.${task.id}`]: "99",
    };
    expect(await saveReport(lead, stale)).toMatchObject({ ok: true, data: { status: "DRAFT" } });
    expect(await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ version: task.version, percentDone: task.percentDone });
  });
});
