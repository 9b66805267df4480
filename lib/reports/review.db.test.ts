import { describe, expect, it } from "vitest";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { AWAITING_PRE_REVIEW, preReviewReport, reviewReport, withdrawReport } from "./review";
import { saveReport } from "./save";

// Who reviews a report follows the organisation: the campaign's 分管领导, a leader named for it, the
// town's principal leaders (张伟 in the demo), admins; with 初审 on, the town's office staff first.
describe.each(DB_KINDS)("reviewing a submitted report (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");

  const campaign = (number: number) =>
    t.prisma.campaign.findFirstOrThrow({ where: { number }, include: { indicators: true, tasks: true, leadingOfficial: { select: { username: true } } } });

  /** Submits a complete April report for a campaign as its lead; returns the report row. */
  async function submitApril(number: number) {
    const c = await campaign(number);
    const f: Record<string, string> = {
      campaignId: c.id,
      year: "2018",
      month: "4",
      version: "0",
      intent: "submit",
      progressText: "四月工作进展",
      problemsText: "无",
      nextStepsText: "五月安排",
    };
    for (const ind of c.indicators) f[`value.${ind.id}`] = ind.unit === "%" ? "90" : "100000";
    for (const task of c.tasks)
      Object.assign(f, { [`task.${task.id}.percent`]: "50", [`task.${task.id}.status`]: "IN_PROGRESS", [`taskVersion.${task.id}`]: String(task.version) });
    const lead = await sessionUser(`lead${number}`);
    const saved = await saveReport(lead, f);
    expect(saved).toMatchObject({ ok: true, data: { status: "SUBMITTED" } });
    return t.prisma.progressReport.findFirstOrThrow({ where: { campaignId: c.id, month: 4 } });
  }

  const approve = (username: string, report: { id: string; version: number }) =>
    sessionUser(username).then((u) => reviewReport(u, { reportId: report.id, version: report.version, decision: "approve" }));

  it("refuses any leader but the campaign's own, and staff, leads, viewers and the county; writes nothing", async () => {
    // Campaign 8's 分管领导 is leader2 (李强); leader3 (刘洋) leads others; county is the county's 督查室.
    const report = await t.prisma.progressReport.findFirstOrThrow({ where: { campaign: { number: 8 }, month: 3 } });
    expect((await campaign(8)).leadingOfficial?.username).toBe("leader2");
    const auditBefore = await t.prisma.auditRecord.count();
    for (const username of ["leader3", "county", "staff", "lead8", "viewer"]) {
      expect(await approve(username, report), username).toEqual({ ok: false, error: "notFound" });
      const u = await sessionUser(username);
      expect(await reviewReport(u, { reportId: report.id, version: report.version, decision: "return", reason: "越权退回" }), username).toEqual({
        ok: false,
        error: "notFound",
      });
    }
    expect((await t.prisma.progressReport.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("SUBMITTED");
    expect(await t.prisma.auditRecord.count()).toBe(auditBefore);
    // Its own 分管领导 may.
    expect(await approve("leader2", report)).toMatchObject({ ok: true, data: { status: "APPROVED" } });
  });

  it("lets the town's principal leader and admins review any campaign, and a leader named for the campaign", async () => {
    // Campaign 10's March report is submitted; its 分管领导 is leader3. 张伟 is the principal leader.
    const c10 = await t.prisma.progressReport.findFirstOrThrow({ where: { campaign: { number: 10 }, month: 3 } });
    expect(await approve("leader", c10)).toMatchObject({ ok: true, data: { status: "APPROVED" } });
    const c5 = await t.prisma.progressReport.findFirstOrThrow({ where: { campaign: { number: 5 }, month: 3 } });
    expect(await approve("admin", c5)).toMatchObject({ ok: true });

    // leader2 is nobody's reviewer for campaign 3 until the office names them.
    const report = await submitApril(3);
    expect(await approve("leader2", report)).toEqual({ ok: false, error: "notFound" });
    const leader2 = await t.prisma.user.findUniqueOrThrow({ where: { username: "leader2" } });
    await t.prisma.campaign.update({ where: { id: report.campaignId }, data: { reviewerId: leader2.id } });
    expect(await approve("leader2", report)).toMatchObject({ ok: true, data: { status: "APPROVED" } });

    // A principal leader who loses the LEADER role (or the flag) reviews nothing more.
    const other = await submitApril(7);
    const zhang = await t.prisma.user.findUniqueOrThrow({ where: { username: "leader" } });
    await t.prisma.user.update({ where: { id: zhang.id }, data: { isPrincipal: false } });
    expect(await approve("leader", other)).toEqual({ ok: false, error: "notFound" });
    await t.prisma.user.update({ where: { id: zhang.id }, data: { isPrincipal: true } });
    expect(await approve("leader", other)).toMatchObject({ ok: true });
  });

  it("with 初审 on: the leader waits, office staff pass it (or return it with a reason), then the leader approves; each step audited", async () => {
    const c1 = await campaign(1);
    await t.prisma.plan.update({ where: { id: c1.planId }, data: { preReview: true } });
    try {
      const report = await submitApril(1);
      // The 分管领导 (leader3) cannot decide before 初审.
      expect(await approve("leader3", report)).toEqual({ ok: false, error: "locked", status: AWAITING_PRE_REVIEW });
      // Only the office (and admins) do 初审: not leaders, not the lead.
      for (const username of ["leader3", "leader", "lead1", "viewer"]) {
        const u = await sessionUser(username);
        expect(await preReviewReport(u, { reportId: report.id, version: report.version, decision: "pass" }), username).toEqual({
          ok: false,
          error: "notFound",
        });
      }
      const staff = await sessionUser("staff");
      expect(await preReviewReport(staff, { reportId: report.id, version: report.version, decision: "return", reason: "" })).toMatchObject({
        ok: false,
        error: "invalid",
        fieldErrors: { reason: ["validation.reasonRequired"] },
      });
      expect(await preReviewReport(staff, { reportId: report.id, version: report.version, decision: "return", reason: "缺少佐证材料" })).toMatchObject({
        ok: true,
        data: { status: "RETURNED" },
      });
      const returned = await t.prisma.progressReport.findUniqueOrThrow({ where: { id: report.id } });
      expect(returned).toMatchObject({ status: "RETURNED", returnReason: "缺少佐证材料", reviewedById: staff.id, preReviewedAt: null });

      // The lead fixes and resubmits; the office passes it this time.
      const lead = await sessionUser("lead1");
      const f = await t.prisma.campaign.findUniqueOrThrow({ where: { id: c1.id }, include: { indicators: true, tasks: true } });
      const form: Record<string, string> = {
        campaignId: c1.id,
        year: "2018",
        month: "4",
        version: String(returned.version),
        intent: "submit",
        progressText: "四月工作进展（补充佐证）",
        problemsText: "无",
        nextStepsText: "五月安排",
      };
      for (const ind of f.indicators) form[`value.${ind.id}`] = ind.unit === "%" ? "90" : "100000";
      for (const task of f.tasks)
        Object.assign(form, { [`task.${task.id}.percent`]: "50", [`task.${task.id}.status`]: "IN_PROGRESS", [`taskVersion.${task.id}`]: String(task.version) });
      expect(await saveReport(lead, form)).toMatchObject({ ok: true, data: { status: "SUBMITTED" } });
      const resubmitted = await t.prisma.progressReport.findUniqueOrThrow({ where: { id: report.id } });
      expect(await approve("leader3", resubmitted)).toEqual({ ok: false, error: "locked", status: AWAITING_PRE_REVIEW });
      expect(await preReviewReport(staff, { reportId: report.id, version: resubmitted.version, decision: "pass" })).toMatchObject({
        ok: true,
        data: { status: "SUBMITTED" },
      });
      const passed = await t.prisma.progressReport.findUniqueOrThrow({ where: { id: report.id } });
      expect(passed).toMatchObject({ status: "SUBMITTED", preReviewedById: staff.id });
      // Passed once: not again, and the lead can no longer withdraw it.
      expect(await preReviewReport(staff, { reportId: report.id, version: passed.version, decision: "pass" })).toMatchObject({ ok: false, error: "locked" });
      expect(await withdrawReport(lead, { reportId: report.id, version: passed.version })).toMatchObject({ ok: false, error: "locked" });
      // Another leader still cannot approve it; its 分管领导 can.
      expect(await approve("leader2", passed)).toEqual({ ok: false, error: "notFound" });
      expect(await approve("leader3", passed)).toMatchObject({ ok: true, data: { status: "APPROVED" } });

      const actions = (await t.prisma.auditRecord.findMany({ where: { entityId: report.id }, orderBy: { id: "asc" } })).map((a) => a.action);
      expect(actions).toEqual(["report.submit", "report.preReturn", "report.submit", "report.preApprove", "report.approve"]);
    } finally {
      await t.prisma.plan.update({ where: { id: c1.planId }, data: { preReview: false } });
    }
  });

  it("lets the lead withdraw a submitted report back to a draft until its review starts; audited", async () => {
    const report = await submitApril(2);
    for (const username of ["lead1", "leader2", "staff", "viewer"]) {
      const u = await sessionUser(username);
      expect(await withdrawReport(u, { reportId: report.id, version: report.version }), username).toEqual({ ok: false, error: "notFound" });
    }
    const lead = await sessionUser("lead2");
    expect(await withdrawReport(lead, { reportId: report.id, version: report.version + 5 })).toMatchObject({ ok: false, error: "conflict" });
    expect(await withdrawReport(lead, { reportId: report.id, version: report.version })).toMatchObject({
      ok: true,
      data: { status: "DRAFT", version: report.version + 1 },
    });
    const draft = await t.prisma.progressReport.findUniqueOrThrow({ where: { id: report.id } });
    expect(draft).toMatchObject({ status: "DRAFT", submittedAt: null, submittedById: null });
    const record = await t.prisma.auditRecord.findFirstOrThrow({ where: { entityId: report.id, action: "report.withdraw" } });
    expect(record.oldValues).toMatchObject({ status: "SUBMITTED" });
    expect(record.newValues).toMatchObject({ status: "DRAFT" });
    // A draft is not withdrawn twice, and once decided a report cannot be withdrawn.
    expect(await withdrawReport(lead, { reportId: report.id, version: draft.version })).toMatchObject({ ok: false, error: "locked", status: "DRAFT" });
    const approved = await t.prisma.progressReport.findFirstOrThrow({ where: { campaign: { number: 2 }, month: 3 } });
    expect(approved.status).toBe("APPROVED");
    expect(await withdrawReport(lead, { reportId: approved.id, version: approved.version })).toMatchObject({ ok: false, error: "locked", status: "APPROVED" });
  });
});
