import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { addComment } from "@/lib/comments/mutations";
import { startCorrection } from "./mutations";
import { reviewReport } from "./review";
import { saveReport } from "./save";

// The demo's "today" is 2018-04-10 (vitest.config sets DUBAN_TODAY): March is the month being reported.
describe.each(DB_KINDS)("the monthly progress report (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");

  async function campaign(number: number) {
    return t.prisma.campaign.findFirstOrThrow({ where: { number }, include: { indicators: { orderBy: { sortOrder: "asc" } }, tasks: true } });
  }

  /** A figure every indicator accepts: within 0–100 for a %, and above any year-to-date figure of the month before. */
  const figure = (ind: { unit: string; decimals: number }, i: number) =>
    ind.unit === "%" ? (ind.decimals === 0 ? "90" : "90.5") : ind.decimals === 0 ? String(100_000 + i) : `${100_000 + i}.5`;

  /** A complete form for a campaign's month, as the page posts it. */
  async function form(number: number, month: number, version: number, intent: "save" | "submit", extra: Record<string, string> = {}) {
    const c = await campaign(number);
    const f: Record<string, string> = {
      campaignId: c.id,
      year: "2018",
      month: String(month),
      version: String(version),
      intent,
      progressText: "完成村庄摸底和问题清单",
      problemsText: "无",
      nextStepsText: "四月完成整改验收",
    };
    for (const [i, ind] of c.indicators.entries()) f[`value.${ind.id}`] = figure(ind, i);
    for (const task of c.tasks) {
      f[`task.${task.id}.percent`] = "40";
      f[`task.${task.id}.status`] = "IN_PROGRESS";
      // The form carries each task's version as it was loaded.
      f[`taskVersion.${task.id}`] = String(task.version);
    }
    return { ...f, ...extra };
  }

  it("runs the whole cycle: draft, submit, return with a reason, fix, resubmit, approve, correct — each step audited", async () => {
    const lead = await sessionUser("lead1");
    // Campaign 1's 分管领导.
    const leader = await sessionUser("leader3");
    const c = await campaign(1);

    const draft = await saveReport(lead, { ...(await form(1, 3, 0, "save")), problemsText: "" });
    expect(draft).toMatchObject({ ok: true, data: { status: "DRAFT", version: 1 } });
    if (!draft.ok || !draft.data) throw new Error("draft");
    const reportId = draft.data.reportId;
    expect(await t.prisma.indicatorValue.count({ where: { reportId } })).toBe(c.indicators.length);

    // Submitting needs every part: the empty narrative part is refused, nothing changes.
    const incomplete = await saveReport(lead, { ...(await form(1, 3, 1, "submit")), problemsText: " " });
    expect(incomplete).toMatchObject({ ok: false, error: "invalid", fieldErrors: { problemsText: ["validation.narrativeRequired"] } });

    const submitted = await saveReport(lead, await form(1, 3, 1, "submit"));
    expect(submitted).toMatchObject({ ok: true, data: { status: "SUBMITTED", version: 2 } });
    // An open task follows the report; a closed one (销号) keeps its progress.
    const task = await t.prisma.task.findFirstOrThrow({ where: { campaignId: c.id, id: c.tasks.find((x) => x.closure === "OPEN")?.id } });
    expect(task.percentDone).toBe(40);
    // The demo's campaign 1 has a task already closed: the report neither states it nor touches it.
    const closed = c.tasks.find((x) => x.closure === "CLOSED");
    expect(closed).toBeDefined();
    if (!closed) throw new Error("no closed task");
    expect(await t.prisma.task.findUniqueOrThrow({ where: { id: closed.id } })).toMatchObject({
      percentDone: closed.percentDone,
      closure: "CLOSED",
      version: closed.version,
    });
    expect(await t.prisma.taskUpdate.count({ where: { reportId, taskId: closed.id } })).toBe(0);

    // Locked while submitted.
    expect(await saveReport(lead, await form(1, 3, 2, "save"))).toMatchObject({ ok: false, error: "locked", status: "SUBMITTED" });

    expect(await reviewReport(leader, { reportId, version: 2, decision: "return", reason: "" })).toMatchObject({ ok: false, error: "invalid" });
    expect(await reviewReport(leader, { reportId, version: 2, decision: "return", reason: "请补充存在问题" })).toMatchObject({
      ok: true,
      data: { status: "RETURNED" },
    });
    const returned = await t.prisma.progressReport.findUniqueOrThrow({ where: { id: reportId } });
    expect(returned).toMatchObject({ status: "RETURNED", returnReason: "请补充存在问题", reviewedById: leader.id });

    expect(await saveReport(lead, await form(1, 3, 3, "submit", { problemsText: "部分企业整改资金不足" }))).toMatchObject({
      ok: true,
      data: { status: "SUBMITTED" },
    });
    expect(await reviewReport(leader, { reportId, version: 4, decision: "approve" })).toMatchObject({ ok: true, data: { status: "APPROVED" } });
    expect(await saveReport(lead, await form(1, 3, 5, "save"))).toMatchObject({ ok: false, error: "locked", status: "APPROVED" });

    const correction = await startCorrection(lead, { reportId });
    expect(correction).toMatchObject({ ok: true, data: { status: "DRAFT" } });
    if (!correction.ok || !correction.data) throw new Error("correction");
    const revision = await t.prisma.progressReport.findUniqueOrThrow({ where: { id: correction.data.reportId }, include: { values: true } });
    expect(revision).toMatchObject({ revision: 2, problemsText: "部分企业整改资金不足" });
    expect(revision.values).toHaveLength(c.indicators.length);
    expect((await t.prisma.progressReport.findUniqueOrThrow({ where: { id: reportId } })).status).toBe("APPROVED");
    expect(await startCorrection(lead, { reportId })).toMatchObject({ ok: false, error: "locked" });

    const actions = (await t.prisma.auditRecord.findMany({ where: { campaignId: c.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["report.create", "report.submit", "report.return", "report.submit", "report.approve", "report.correction"]);
    const returnRecord = await t.prisma.auditRecord.findFirstOrThrow({ where: { campaignId: c.id, action: "report.return" } });
    expect(returnRecord.oldValues).toMatchObject({ status: "SUBMITTED" });
    expect(returnRecord.newValues).toMatchObject({ status: "RETURNED", returnReason: "请补充存在问题" });
    const resubmit = (await t.prisma.auditRecord.findMany({ where: { campaignId: c.id, action: "report.submit" }, orderBy: { id: "asc" } }))[1];
    expect(resubmit?.oldValues).toMatchObject({ status: "RETURNED", problemsText: "无" });
    expect(resubmit?.newValues).toMatchObject({ status: "SUBMITTED", problemsText: "部分企业整改资金不足" });
    expect((await verifyAuditChain(t.prisma)).broken).toBeNull();
  });

  it.each(["lead2", "viewer", "staff", "leader", "county"])("refuses %s writing campaign 7's report, and writes nothing", async (username) => {
    const user = await sessionUser(username);
    const before = await t.prisma.auditRecord.count();
    expect(await saveReport(user, await form(7, 3, 0, "save"))).toEqual({ ok: false, error: "notFound" });
    expect(await t.prisma.progressReport.count({ where: { campaign: { number: 7 }, month: 3 } })).toBe(0);
    expect(await t.prisma.auditRecord.count()).toBe(before);
  });

  it("refuses comments by anyone but leadership and admins", async () => {
    const report = await t.prisma.progressReport.findFirstOrThrow({ where: { campaign: { number: 8 }, month: 3 } });
    for (const username of ["lead8", "staff", "viewer"]) {
      const user = await sessionUser(username);
      expect(await addComment(user, { campaignId: report.campaignId, reportId: report.id, body: "越权批示" })).toEqual({ ok: false, error: "forbidden" });
    }
    expect((await t.prisma.progressReport.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("SUBMITTED");
    const leader = await sessionUser("leader2");
    expect(await addComment(leader, { campaignId: report.campaignId, reportId: report.id, body: "请加快进度" })).toMatchObject({ ok: true });
    // A report of another campaign cannot be attached to this campaign's comment.
    const other = await campaign(2);
    expect(await addComment(leader, { campaignId: other.id, reportId: report.id, body: "错配" })).toEqual({ ok: false, error: "notFound" });
  });

  it("refuses a month that has not begun, and a year outside the plan", async () => {
    const lead = await sessionUser("lead3");
    expect(await saveReport(lead, await form(3, 5, 0, "save"))).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { month: ["validation.futureMonth"] },
    });
    expect(await saveReport(lead, await form(3, 3, 0, "save", { year: "2017" }))).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { month: ["validation.wrongYear"] },
    });
  });

  it("refuses a stale save and returns what the other person saved", async () => {
    const lead = await sessionUser("lead10");
    const first = await saveReport(lead, await form(10, 4, 0, "save"));
    expect(first.ok).toBe(true);
    expect(await saveReport(lead, await form(10, 4, 1, "save", { progressText: "甲的版本" }))).toMatchObject({ ok: true });
    const stale = await saveReport(lead, await form(10, 4, 1, "save", { progressText: "乙的版本" }));
    expect(stale).toMatchObject({ ok: false, error: "conflict", current: { progressText: "甲的版本", version: 2 } });
    const saved = await t.prisma.progressReport.findFirstOrThrow({ where: { campaign: { number: 10 }, month: 4 } });
    expect(saved.progressText).toBe("甲的版本");
  });

  it("accepts Chinese number habits and refuses what is not a number in the unit", async () => {
    const lead = await sessionUser("lead6");
    const c = await campaign(6);
    const count = c.indicators.find((i) => i.decimals === 0);
    if (!count) throw new Error("campaign 6 has count indicators");
    const ok = await saveReport(lead, await form(6, 4, 0, "save", { [`value.${count.id}`]: "１，２３４" }));
    expect(ok.ok).toBe(true);
    expect((await t.prisma.indicatorValue.findFirstOrThrow({ where: { indicatorId: count.id, report: { month: 4 } } })).value.toFixed()).toBe("1234");
    const fractional = await saveReport(lead, await form(6, 4, 1, "submit", { [`value.${count.id}`]: "12.5" }));
    expect(fractional).toMatchObject({ ok: false, fieldErrors: { [`value.${count.id}`]: ["validation.wholeNumber"] } });
  });

  // ≥ 100 malformed inputs: each gets a clear error (never an exception) and a submit writes nothing.
  const malformed: [string, Record<string, string | undefined>][] = [];
  const badNumbers = [
    "abc",
    "1,23",
    "12,34.5",
    "1.2.3",
    "1e5",
    "Infinity",
    "NaN",
    "--1",
    "0x10",
    "1,",
    ",1",
    "１２ａ",
    "¥100",
    "100元",
    "1/2",
    "—",
    "+-1",
    "1 000 000 000 000 000",
    "-5",
    "9".repeat(20),
    "3.14159",
  ];
  for (const v of badNumbers) malformed.push([`indicator value ${JSON.stringify(v)}`, { indicatorValue: v }]);
  for (const p of ["-1", "101", "1000", "abc", "50.5", "5e1", "", " ", "百", "½"]) malformed.push([`task percent ${JSON.stringify(p)}`, { taskPercent: p }]);
  for (const s of ["", "FINISHED", "done", "DONE ", "null", "0", "<script>", "IN PROGRESS"])
    malformed.push([`task status ${JSON.stringify(s)}`, { taskStatus: s }]);
  for (const m of ["0", "13", "-1", "3.5", "abc", "", "99999", "5", "12"]) malformed.push([`month ${JSON.stringify(m)}`, { month: m }]);
  for (const y of ["", "abc", "1999", "2101", "2017", "2019", "2018.5"]) malformed.push([`year ${JSON.stringify(y)}`, { year: y }]);
  for (const v of ["", "-1", "abc", "1.5", "99"]) malformed.push([`version ${JSON.stringify(v)}`, { version: v }]);
  for (const i of ["", "delete", "approve", "SUBMIT", "save;drop"]) malformed.push([`intent ${JSON.stringify(i)}`, { intent: i }]);
  for (const c of ["", "x", "' OR 1=1 --", "a".repeat(65), "../../etc/passwd"]) malformed.push([`campaignId ${JSON.stringify(c)}`, { campaignId: c }]);
  for (const n of ["progressText", "problemsText", "nextStepsText"]) {
    malformed.push([`${n} too long`, { [n]: "长".repeat(5001) }]);
    malformed.push([`${n} blank on submit`, { [n]: "   ", intent: "submit" }]);
    malformed.push([`${n} only spaces and newlines on submit`, { [n]: " \n\t ", intent: "submit" }]);
    malformed.push([`${n} missing on submit`, { [n]: undefined, intent: "submit" }]);
  }
  malformed.push(["indicator value empty on submit", { indicatorValue: "", intent: "submit" }]);
  malformed.push(["task percent empty on submit", { taskPercent: "", taskStatus: "", intent: "submit" }]);
  malformed.push(["indicator note too long", { indicatorNote: "注".repeat(501) }]);
  malformed.push(["a field for another campaign's indicator", { foreignIndicator: "5" }]);
  malformed.push(["a field for an unknown task", { "task.nope.percent": "5" }]);
  malformed.push(["an unexpected field", { "value.": "5" }]);
  malformed.push(["DONE with 50%", { taskPercent: "50", taskStatus: "DONE" }]);
  malformed.push(["100% still in progress", { taskPercent: "100", taskStatus: "IN_PROGRESS" }]);
  for (const v of ["1..5", ".", "-", "+", "٣", "1_000", "0b1", "1'000", "2,0000"])
    malformed.push([`indicator value ${JSON.stringify(v)}`, { indicatorValue: v }]);
  for (const v of ["1000000000000000", "-0.5"]) malformed.push([`indicator value out of range ${v}`, { indicatorValue: v }]);
  for (const v of ["100.01", "150", "-1", "１０１"]) malformed.push([`a % figure outside 0–100: ${v}`, { percentValue: v }]);
  for (const v of ["abc", "-1", "1.5", "", "9".repeat(12)]) malformed.push([`task version ${JSON.stringify(v)}`, { taskVersion: v }]);
  malformed.push(["task version missing on submit", { taskVersion: undefined }]);
  malformed.push(["a task version for an unknown task", { "taskVersion.nope": "1" }]);
  malformed.push(["decrease reason too long", { decreaseReason: "因".repeat(501) }]);

  it(`has at least 100 malformed inputs (${malformed.length})`, () => {
    expect(malformed.length).toBeGreaterThanOrEqual(100);
  });

  it.each(malformed)("refuses %s with a field error and writes nothing", async (_name, bad) => {
    const lead = await sessionUser("lead5");
    const c = await campaign(5);
    const other = await campaign(4);
    // April: no report yet, so each refusal comes from checking the input, not from a locked report.
    // Submitted, because a draft saves its good fields (tested below).
    const base = await form(5, 4, 0, "submit");
    const ind = c.indicators[0]?.id ?? "";
    const percent = c.indicators.find((i) => i.unit === "%" && !i.allowOutOfRange)?.id ?? "";
    const task = c.tasks[0]?.id ?? "";
    const input: Record<string, string | undefined> = { ...base };
    for (const [k, v] of Object.entries(bad)) {
      if (k === "indicatorValue") input[`value.${ind}`] = v;
      else if (k === "indicatorNote") input[`note.${ind}`] = v;
      else if (k === "taskPercent") input[`task.${task}.percent`] = v;
      else if (k === "taskStatus") input[`task.${task}.status`] = v;
      else if (k === "foreignIndicator") input[`value.${other.indicators[0]?.id}`] = v;
      else if (k === "percentValue") input[`value.${percent}`] = v;
      else if (k === "taskVersion") input[`taskVersion.${task}`] = v;
      else if (k === "decreaseReason") input[`decrease.${ind}`] = v;
      else input[k] = v;
    }
    const reportsBefore = await t.prisma.progressReport.count();
    const auditBefore = await t.prisma.auditRecord.count();
    const result = await saveReport(lead, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(["invalid", "notFound"]).toContain(result.error);
    if (result.error === "invalid") {
      const messages = Object.values(result.fieldErrors).flat();
      expect(messages.length).toBeGreaterThan(0);
      for (const m of messages) expect(m).toMatch(/^validation\./);
    }
    expect(await t.prisma.progressReport.count()).toBe(reportsBefore);
    expect(await t.prisma.auditRecord.count()).toBe(auditBefore);
  });

  it("saves a draft's good fields, keeps what was stored for the bad ones, and says which are bad", async () => {
    const lead = await sessionUser("lead9");
    const c = await campaign(9);
    const [first, second] = c.indicators;
    const task = c.tasks[0];
    if (!first || !second || !task) throw new Error("campaign 9 has indicators and tasks");
    const created = await saveReport(lead, await form(9, 4, 0, "save"));
    expect(created).toMatchObject({ ok: true, data: { version: 1 } });
    const partial = await saveReport(
      lead,
      await form(9, 4, 1, "save", {
        [`value.${first.id}`]: "十二",
        [`value.${second.id}`]: "777",
        [`task.${task.id}.percent`]: "150",
        progressText: "长".repeat(5001),
        problemsText: "资金缺口",
      }),
    );
    expect(partial).toMatchObject({
      ok: true,
      data: {
        status: "DRAFT",
        version: 2,
        fieldErrors: {
          [`value.${first.id}`]: ["validation.notANumber"],
          [`task.${task.id}.percent`]: ["validation.percentRange"],
          progressText: ["validation.tooLong"],
        },
      },
    });
    const saved = await t.prisma.progressReport.findFirstOrThrow({ where: { campaignId: c.id, month: 4 }, include: { values: true, taskUpdates: true } });
    expect(saved.problemsText).toBe("资金缺口");
    expect(saved.progressText).toBe("完成村庄摸底和问题清单");
    expect(saved.values.find((v) => v.indicatorId === second.id)?.value.toFixed()).toBe("777");
    expect(saved.values.find((v) => v.indicatorId === first.id)?.value.toFixed()).toBe(figure(first, 0));
    expect(saved.taskUpdates.find((u) => u.taskId === task.id)?.percentDone).toBe(40);
    // Submitting the same input refuses it all.
    const refused = await saveReport(lead, await form(9, 4, 2, "submit", { [`value.${first.id}`]: "十二" }));
    expect(refused).toMatchObject({ ok: false, error: "invalid", fieldErrors: { [`value.${first.id}`]: ["validation.notANumber"] } });
    expect((await t.prisma.progressReport.findFirstOrThrow({ where: { campaignId: c.id, month: 4 } })).status).toBe("DRAFT");
  });

  it("keeps % figures within 0–100 unless the indicator allows more", async () => {
    const lead = await sessionUser("lead7");
    const c = await campaign(7);
    const rate = c.indicators.find((i) => i.unit === "%");
    if (!rate) throw new Error("campaign 7 has a % indicator");
    const over = await saveReport(lead, await form(7, 4, 0, "submit", { [`value.${rate.id}`]: "100.5" }));
    expect(over).toMatchObject({ ok: false, error: "invalid", fieldErrors: { [`value.${rate.id}`]: ["validation.percentOutOfRange"] } });
    expect(await saveReport(lead, await form(7, 4, 0, "submit", { [`value.${rate.id}`]: "100" }))).toMatchObject({ ok: true });

    // A growth rate may pass 100 and fall below 0 once the indicator says so.
    await t.prisma.indicator.update({ where: { id: rate.id }, data: { allowOutOfRange: true } });
    const report = await t.prisma.progressReport.findFirstOrThrow({ where: { campaignId: c.id, month: 4 } });
    await t.prisma.progressReport.update({ where: { id: report.id }, data: { status: "RETURNED" } });
    expect(await saveReport(lead, await form(7, 4, report.version, "save", { [`value.${rate.id}`]: "-3.5" }))).toMatchObject({
      ok: true,
      data: { version: report.version + 1 },
    });
    expect(await saveReport(lead, await form(7, 4, report.version + 1, "submit", { [`value.${rate.id}`]: "135" }))).toMatchObject({
      ok: true,
      data: { status: "SUBMITTED" },
    });
  });

  it("asks for a reason when a year-to-date figure is lower than the month before's, on submit; a draft saves without it", async () => {
    const lead = await sessionUser("lead4");
    const c = await campaign(4);
    // 美丽庭院创建户数 is year to date (累计); March's approved figure is in the demo.
    const ytd = c.indicators.find((i) => i.accumulation === "CUMULATIVE");
    const level = c.indicators.find((i) => i.accumulation === "LEVEL");
    if (!ytd || !level) throw new Error("campaign 4 has both kinds");
    const march = await t.prisma.indicatorValue.findFirstOrThrow({ where: { indicatorId: ytd.id, month: 3 } });
    const lower = march.value.minus(1).toFixed();

    const draft = await saveReport(lead, await form(4, 4, 0, "save", { [`value.${ytd.id}`]: lower, [`value.${level.id}`]: "0" }));
    expect(draft).toMatchObject({ ok: true, data: { status: "DRAFT" } });
    expect(draft.ok && draft.data?.fieldErrors).toBeFalsy();

    const submit = await saveReport(lead, await form(4, 4, 1, "submit", { [`value.${ytd.id}`]: lower, [`value.${level.id}`]: "0" }));
    // A level (时点) figure may fall without a reason: only the year-to-date one is asked about.
    expect(submit).toEqual({ ok: false, error: "invalid", fieldErrors: { [`decrease.${ytd.id}`]: ["validation.decreaseReasonRequired"] } });

    const reason = "统计口径调整，剔除重复登记的3户";
    const withReason = await saveReport(
      lead,
      await form(4, 4, 1, "submit", {
        [`value.${ytd.id}`]: lower,
        [`decrease.${ytd.id}`]: reason,
        [`value.${level.id}`]: "0",
        [`decrease.${level.id}`]: "不应保存",
      }),
    );
    expect(withReason).toMatchObject({ ok: true, data: { status: "SUBMITTED" } });
    const stored = await t.prisma.indicatorValue.findFirstOrThrow({ where: { indicatorId: ytd.id, month: 4 } });
    expect(stored).toMatchObject({ decreaseReason: reason });
    expect(stored.value.toFixed()).toBe(lower);
    const record = await t.prisma.auditRecord.findFirstOrThrow({ where: { campaignId: c.id, action: "report.submit" } });
    expect(record.newValues).toMatchObject({ decreaseReasons: { [ytd.id]: reason } });
    // A reason where nothing fell is not kept.
    expect((await t.prisma.indicatorValue.findFirstOrThrow({ where: { indicatorId: level.id, month: 4 } })).decreaseReason).toBeNull();
  });
});
