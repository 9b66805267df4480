// The 批示 → 落实反馈 → 办结 loop on both databases: who may take each step (permission by name, scope in
// the query), the states and their version, the history with its evidence, the audit records, the
// messages to the other side, and the overdue reminder once per round. The app's clock is 2018-04-10.
import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it, vi } from "vitest";
import { BOTH_DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import * as fixtures from "@/lib/testing/fixtures/files";
import { acknowledgeRed, markAllRead, markRead } from "@/lib/inbox/mutations";
import { needsYou, unreadCount } from "@/lib/inbox/queries";
import { reviewReport } from "@/lib/reports/review";
import { answerInstruction, decideInstruction } from "./instructions";
import { addComment } from "./mutations";
import { instructionsAt } from "./open";
import { remindOverdueInstructions } from "./overdue";

const FILES_DIR = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = await mkdtemp(join(tmpdir(), "duban-instruction-test-"));
  process.env.DUBAN_FILES_DIR = dir;
  return dir;
});

afterAll(async () => {
  await rm(FILES_DIR, { recursive: true, force: true });
});

const cst = (day: string, time = "09:00") => new Date(`${day}T${time}:00+08:00`);
const pdf = (name: string) => new File([new Uint8Array(fixtures.pdf())], name, { type: "application/pdf" });

describe.each(BOTH_DB_KINDS)("批示 and their 落实反馈 (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");

  /** A campaign of the demo plan with its leads and 分管领导, and a leader who is neither its official nor principal. */
  async function setting() {
    const campaign = await t.prisma.campaign.findFirstOrThrow({
      where: { planId: t.demo.planId, leadingOfficial: { username: "leader2" }, leads: { some: {} } },
      select: { id: true, leads: { select: { user: { select: { id: true, username: true } } } } },
      orderBy: { number: "asc" },
    });
    const leadName = campaign.leads[0]!.user.username;
    const stranger = await t.prisma.user.findFirstOrThrow({
      where: { roles: { some: { role: "LEAD" } }, leadOf: { none: { campaignId: campaign.id } } },
      select: { username: true },
    });
    return {
      campaign,
      lead: await sessionUser(leadName),
      otherLead: await sessionUser(stranger.username),
      official: await sessionUser("leader2"),
      author: await sessionUser("leader3"),
    };
  }

  it("walks OPEN → ANSWERED → (asked again) OPEN → ANSWERED → CLOSED, each step once, audited and told", async () => {
    const { campaign, lead, otherLead, official, author } = await setting();
    const written = await addComment(author, { campaignId: campaign.id, body: "请抓紧落实园区污水管网整改", dueDate: "2018-04-20" });
    expect(written).toMatchObject({ ok: true });
    const commentId = written.ok ? written.data!.commentId : "";
    const row = await t.prisma.comment.findUniqueOrThrow({ where: { id: commentId } });
    expect(row).toMatchObject({ state: "OPEN", version: 1 });
    expect(row.dueDate?.toISOString().slice(0, 10)).toBe("2018-04-20");
    // Every lead of the campaign gets it in the inbox, with the deadline in words.
    for (const l of campaign.leads) {
      const note = await t.prisma.notification.findFirstOrThrow({ where: { userId: l.user.id, kind: "instructionNew" } });
      expect(note.body).toContain("2018年4月20日");
      expect(note.link).toContain(`/campaigns/${campaign.id}#instruction-${commentId}`);
    }
    expect(await unreadCount(lead)).toBeGreaterThanOrEqual(1);

    // Only the campaign's leads answer: a leader lacks the permission, another lead does not find it.
    expect(await answerInstruction(author, { commentId, version: "1", body: "已完成" })).toEqual({ ok: false, error: "forbidden" });
    expect(await answerInstruction(otherLead, { commentId, version: "1", body: "已完成" })).toEqual({ ok: false, error: "notFound" });
    expect(await answerInstruction(lead, { commentId, version: "1", body: "" })).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { body: ["validation.answerRequired"] },
    });
    const answered = await answerInstruction(lead, { commentId, version: "1", body: "已完成管网改造 2.3 公里" }, [pdf("整改照片.pdf")]);
    expect(answered).toEqual({ ok: true, data: { commentId, version: 2, state: "ANSWERED" } });
    // A stale or second answer changes nothing.
    expect(await answerInstruction(lead, { commentId, version: "1", body: "再答一次" })).toMatchObject({ ok: false, error: "locked", status: "ANSWERED" });
    const step = await t.prisma.instructionStep.findFirstOrThrow({ where: { commentId, kind: "ANSWER" }, include: { attachments: true } });
    expect(step.attachments.map((a) => a.fileName)).toEqual(["整改照片.pdf"]);
    expect(step.attachments[0]).toMatchObject({ campaignId: campaign.id, reportId: null, mimeType: "application/pdf" });
    expect(await t.prisma.notification.count({ where: { userId: author.id, kind: "instructionAnswered" } })).toBe(1);

    // Only the author or the campaign's 分管领导 decides; asking again needs a note.
    const principal = await sessionUser("leader");
    expect(await decideInstruction(principal, { commentId, version: "2", decision: "close" })).toEqual({ ok: false, error: "notFound" });
    expect(await decideInstruction(lead, { commentId, version: "2", decision: "close" })).toEqual({ ok: false, error: "forbidden" });
    expect(await decideInstruction(author, { commentId, version: "2", decision: "askAgain", note: "" })).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { note: ["validation.askAgainNote"] },
    });
    expect(await decideInstruction(author, { commentId, version: "2", decision: "askAgain", note: "请补充验收报告", dueDate: "2018-04-25" })).toEqual({
      ok: true,
      data: { commentId, version: 3, state: "OPEN" },
    });
    expect((await t.prisma.comment.findUniqueOrThrow({ where: { id: commentId } })).dueDate?.toISOString().slice(0, 10)).toBe("2018-04-25");
    expect(await t.prisma.notification.count({ where: { userId: lead.id, kind: "instructionAskedAgain" } })).toBe(1);
    expect(await answerInstruction(lead, { commentId, version: "3", body: "验收报告已上传" })).toMatchObject({ ok: true, data: { version: 4 } });
    // The campaign's 分管领导 may close another leader's 批示; a stale close is refused.
    expect(await decideInstruction(official, { commentId, version: "3", decision: "close" })).toMatchObject({ ok: false, error: "conflict" });
    expect(await decideInstruction(official, { commentId, version: "4", decision: "close" })).toEqual({
      ok: true,
      data: { commentId, version: 5, state: "CLOSED" },
    });
    expect(await decideInstruction(author, { commentId, version: "5", decision: "askAgain", note: "再看看" })).toMatchObject({
      ok: false,
      error: "locked",
      status: "CLOSED",
    });
    expect(await t.prisma.notification.count({ where: { userId: lead.id, kind: "instructionClosed" } })).toBe(1);

    const actions = (await t.prisma.auditRecord.findMany({ where: { entityId: commentId }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["comment.add", "instruction.answer", "instruction.askAgain", "instruction.answer", "instruction.close"]);
    expect((await t.prisma.instructionStep.findMany({ where: { commentId }, orderBy: { createdAt: "asc" } })).map((s) => s.kind)).toEqual([
      "ANSWER",
      "ASK_AGAIN",
      "ANSWER",
      "CLOSE",
    ]);

    // As it stood before the first answer: open, its first deadline.
    const before = (await instructionsAt({ id: commentId }, new Date(row.createdAt.getTime() + 1)))[0];
    expect(before).toMatchObject({ state: "OPEN" });
    expect(before?.dueDate?.toISOString().slice(0, 10)).toBe("2018-04-20");
    expect(await instructionsAt({ id: commentId })).toEqual([]);
  });

  it("a deadline in the past is refused next to its field; a remark asks nothing", async () => {
    const { campaign, author } = await setting();
    expect(await addComment(author, { campaignId: campaign.id, body: "请抓紧", dueDate: "2018-04-09" })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { dueDate: ["validation.dueInPast"] },
    });
    const remark = await addComment(author, { campaignId: campaign.id, body: "进展不错" });
    const id = remark.ok ? remark.data!.commentId : "";
    expect((await t.prisma.comment.findUniqueOrThrow({ where: { id } })).state).toBeNull();
    const asks = await addComment(author, { campaignId: campaign.id, body: "请报送方案", asksResponse: "on" });
    expect((await t.prisma.comment.findUniqueOrThrow({ where: { id: asks.ok ? asks.data!.commentId : "" } })).state).toBe("OPEN");
  });

  it("an unanswered 批示 past its deadline reminds its leads once per round", async () => {
    const { campaign, lead, author } = await setting();
    const written = await addComment(author, { campaignId: campaign.id, body: "请于12日前报送整改方案", dueDate: "2018-04-12" });
    const commentId = written.ok ? written.data!.commentId : "";
    const count = () => t.prisma.notification.count({ where: { userId: lead.id, kind: "instructionOverdue", link: { contains: commentId } } });
    expect(await remindOverdueInstructions(cst("2018-04-12", "23:00"))).toBe(0);
    const runs = await Promise.all([remindOverdueInstructions(cst("2018-04-15")), remindOverdueInstructions(cst("2018-04-15"))]);
    expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(await count()).toBe(1);
    expect(await remindOverdueInstructions(cst("2018-04-16"))).toBe(0);
    expect((await instructionsAt({ id: commentId }, cst("2018-04-15")))[0]).toMatchObject({ state: "OPEN", overdueDays: 3 });
    expect(await t.prisma.auditRecord.count({ where: { action: "instruction.overdueReminder", entityId: commentId } })).toBe(1);
    // Answered, then asked again with a new deadline: a new round, reminded again once overdue.
    await answerInstruction(lead, { commentId, version: "1", body: "方案已报送" });
    await decideInstruction(author, { commentId, version: "2", decision: "askAgain", note: "方案不完整", dueDate: "2018-04-18" });
    expect(await remindOverdueInstructions(cst("2018-04-19"))).toBeGreaterThanOrEqual(1);
    expect(await count()).toBe(2);
    expect(await remindOverdueInstructions(cst("2018-04-20"))).toBe(0);
  });

  it("the inbox is each person's own: read marks reach only their rows; leaders see what needs them", async () => {
    const { campaign, lead, otherLead, author } = await setting();
    await addComment(author, { campaignId: campaign.id, body: "请关注进度", dueDate: "2018-04-30" });
    const mine = await t.prisma.notification.findFirstOrThrow({ where: { userId: lead.id }, orderBy: { createdAt: "desc" } });
    expect(await markRead(otherLead, { id: mine.id })).toEqual({ ok: false, error: "notFound" });
    expect((await t.prisma.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).toBeNull();
    expect(await markRead(lead, { id: mine.id })).toEqual({
      ok: true,
      data: { path: `/campaigns/${campaign.id}#instruction-${mine.link?.split("#instruction-")[1]}` },
    });
    await markAllRead(lead);
    expect(await unreadCount(lead)).toBe(0);
    expect((await needsYou(lead)).toAnswer.some((i) => i.campaignId === campaign.id)).toBe(true);

    const leader = await sessionUser("leader");
    // A submitted report waits for the principal leader; returned, it reaches its leads' inboxes.
    const waiting = await t.prisma.progressReport.findFirstOrThrow({
      where: { status: "SUBMITTED", campaign: { planId: t.demo.planId } },
      select: { id: true, version: true, campaign: { select: { leads: { select: { userId: true } } } } },
    });
    const before = await needsYou(leader);
    expect(before.leader && before.reports.map((r) => r.id)).toContain(waiting.id);
    expect(await reviewReport(leader, { reportId: waiting.id, version: String(waiting.version), decision: "return", reason: "数据口径有误" })).toMatchObject({
      ok: true,
    });
    for (const l of waiting.campaign.leads) {
      const note = await t.prisma.notification.findFirstOrThrow({ where: { userId: l.userId, kind: "reportReturned" } });
      expect(note.body).toContain("数据口径有误");
    }
    const needs = await needsYou(leader);
    expect(needs.leader && needs.reports.map((r) => r.id)).not.toContain(waiting.id);
    if (!needs.leader) throw new Error("a leader sees the leader's part");
    // The demo board has red campaigns; once acknowledged they are no longer new.
    expect(needs.newlyRed.length).toBeGreaterThan(0);
    await acknowledgeRed(leader);
    const after = await needsYou(leader);
    expect(after.leader && after.newlyRed).toEqual([]);
  });
});
