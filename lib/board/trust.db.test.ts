// A board leaders can trust (issue #10), on both databases: the plan's history cannot be rewritten
// (a change from May leaves March, its approved report and its archived 月报 exactly as they were;
// a 调整 of March is marked and audited), silence is never green, and a rolled-over plan speaks 同比.
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { decidePlanChange } from "@/lib/plans/history/approval";
import { loadBaselineMonths, loadedText, saveBaselineMonths } from "@/lib/indicators/baseline-months";
import { listPlanChanges } from "@/lib/plans/history/changes";
import { updateIndicator } from "@/lib/indicators/mutations";
import { rollPlanForward } from "@/lib/plans/rollover/mutation";
import { reportPlans } from "@/lib/reports/plan";
import { generateSummary } from "@/lib/summary/archive";
import { buildSummary } from "@/lib/summary/build";
import { verifyArchivedSummary } from "@/lib/summary/verify";
import { boardOf } from "@/lib/testing/board";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { getBoard } from "./queries";

const FILES_DIR = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = await mkdtemp(join(tmpdir(), "duban-trust-test-"));
  process.env.DUBAN_FILES_DIR = dir;
  return dir;
});
afterAll(() => rm(FILES_DIR, { recursive: true, force: true }));

const china = (iso: string) => new Date(`${iso}+08:00`);

describe.each(DB_KINDS)("a board leaders can trust (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");
  let planId: string;
  beforeAll(async () => {
    planId = t.demo.planId;
  });

  /** The edit form of an indicator as the page would post it, with changes. */
  async function editIndicator(key: string, changes: Record<string, string>) {
    const i = await t.prisma.indicator.findFirstOrThrow({ where: { planId, key }, include: { trajectory: { orderBy: { month: "asc" } } } });
    return {
      indicatorId: i.id,
      version: String(i.version),
      planId,
      campaignId: i.campaignId ?? "",
      name: i.name,
      nameEn: i.nameEn ?? "",
      unit: i.unit,
      decimals: String(i.decimals),
      direction: i.direction,
      accumulation: i.accumulation,
      baseline: i.baselineValue?.toFixed() ?? "",
      baselineNote: i.baselineNote ?? "",
      target: i.targetValue?.toFixed() ?? "",
      dataSource: i.dataSource ?? "",
      trajectory: "manual",
      ...Object.fromEntries(i.trajectory.map((p) => [`month${p.month}`, p.plannedValue.toFixed()])),
      ...changes,
    };
  }

  it("silence is not green: a campaign with no March report is amber on 6 April and red once the escalation days have passed, on the board and in the 月报", async () => {
    const leader = await sessionUser("leader");
    const on6 = await getBoard(leader, planId, null, china("2018-04-06T10:00:00"));
    const on10 = await getBoard(leader, planId, null, china("2018-04-10T10:00:00"));
    if (!on6 || on6.refused || !on10 || on10.refused) throw new Error("boards");
    const missing = on6.campaigns.filter((c) => !c.report);
    expect(missing.map((c) => c.number)).toEqual([1, 3, 7]);
    for (const c of missing) {
      expect(c.reportDaysLate).toBe(1);
      expect(c.status.light === "AMBER" || c.status.light === "RED").toBe(true);
      // Silence held it at amber unless its own figures were already worse.
      if (c.status.scoreLight !== "RED") expect(c.status).toMatchObject({ light: "AMBER", silence: "amber" });
    }
    for (const c of on10.campaigns.filter((x) => !x.report)) {
      expect(c.reportDaysLate).toBe(5);
      expect(c.status.light).toBe("RED");
    }
    // The campaign that its lead left silent is red on the 10th, and the 月报 says why.
    const built = await buildSummary(leader, { planId, month: 3, campaignIds: [], locale: "zh-CN" }, { at: china("2018-04-10T10:00:00"), by: "王芳" });
    if (!built.ok) throw new Error(built.error);
    for (const n of [1, 3, 7]) {
      const c = built.summary.campaigns.find((x) => x.number === n);
      const onBoard = on10.campaigns.find((x) => x.number === n);
      expect(c?.light).toBe("RED");
      // Silence decided it, or the figures had already made it red: either way the 月报 says it is missing.
      expect(c?.verdict).toBe(
        onBoard?.status.silence === "red" ? "红灯：3月进度报告逾期 5 天未报送（超过 3 天）" : "红灯：指标或任务明显滞后，且3月进度报告逾期 5 天未报送",
      );
    }
    expect(on10.campaigns.filter((c) => !c.report).some((c) => c.status.silence === "red")).toBe(true);
    const early = await buildSummary(leader, { planId, month: 3, campaignIds: [], locale: "zh-CN" }, { at: china("2018-04-06T10:00:00"), by: "王芳" });
    if (!early.ok) throw new Error(early.error);
    expect(early.summary.campaigns.find((c) => c.number === 7)?.light).not.toBe("GREEN");
  });

  it("a change of target in April with effect from May leaves March, its approved report and its archived 月报 exactly as they were", async () => {
    // The app's clock runs at the real time of day: held (a millisecond a reading, so writes stay in
    // order), a task's "expected by now" cannot tick over between the two reads of March compared.
    const held = Date.now();
    let tick = 0;
    const clock = vi.spyOn(Date, "now").mockImplementation(() => held + tick++);
    onTestFinished(() => clock.mockRestore());
    const staff = await sessionUser("staff");
    const leader = await sessionUser("leader");
    const marchBefore = await boardOf(leader, planId, 3);
    const six = await t.prisma.campaign.findFirstOrThrow({ where: { planId, number: 6 }, include: { indicators: { include: { trajectory: true } } } });
    const marchReport = await t.prisma.progressReport.findFirstOrThrow({ where: { campaignId: six.id, month: 3, status: "APPROVED" } });
    const reportBefore = await reportPlans({ id: planId, year: 2018 }, six.indicators, 3, marchReport);
    const archived = [];
    for (const format of ["csv", "xlsx", "pdf", "docx"]) {
      const generated = await generateSummary(staff, planId, { month: "3", format, campaignIds: [] }, "zh-CN");
      if (!generated.ok || !generated.data) throw new Error(JSON.stringify(generated));
      archived.push(generated.data.id);
    }

    // 外出招商天数 (campaign 6): May on, a new target and trajectory.
    const typed = ["35", "70", "105", "140", "200", "250", "300", "350", "400", "430", "460", "500"];
    const form = await editIndicator("promotion-days", { target: "500", fromMonth: "5", ...Object.fromEntries(typed.map((v, i) => [`month${i + 1}`, v])) });
    expect(await updateIndicator(staff, form)).toEqual({ ok: true, data: { id: form.indicatorId } });
    const record = await t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(record).toMatchObject({ action: "indicator.update", entityId: form.indicatorId });
    expect(record.newValues).toMatchObject({ planChange: { kind: "CHANGE", fromMonth: 5, status: "IN_FORCE" } });

    const marchAfter = await boardOf(leader, planId, 3);
    expect(marchAfter.campaigns).not.toBe(marchBefore.campaigns);
    // Everything March is judged on is as it was; only the plan of later months (drawn on the charts) moved.
    const judged = (b: typeof marchBefore) =>
      JSON.parse(JSON.stringify(b.campaigns.map((c) => ({ ...c, indicators: c.indicators.map(({ trajectory, ...i }) => (void trajectory, i)) })))) as unknown;
    expect(judged(marchAfter)).toEqual(judged(marchBefore));
    expect(await reportPlans({ id: planId, year: 2018 }, six.indicators, 3, marchReport)).toEqual(reportBefore);
    for (const id of archived) expect(await verifyArchivedSummary(staff, id)).toMatchObject({ ok: true, data: { same: true } });
    // ... and May will be judged on the new plan.
    const history = await t.prisma.planVersion.findMany({ where: { indicatorId: form.indicatorId }, orderBy: { requestedAt: "asc" } });
    expect(history.map((v) => [v.kind, v.fromMonth])).toEqual([
      ["INITIAL", 1],
      ["CHANGE", 5],
    ]);
  });

  it("a 调整 of March needs a reason, is audited, and is marked on the board and in the 月报 of March", async () => {
    const staff = await sessionUser("staff");
    const leader = await sessionUser("leader");
    const archived = await generateSummary(staff, planId, { month: "3", format: "pdf", campaignIds: [] }, "zh-CN");
    if (!archived.ok || !archived.data) throw new Error("archive");

    const noReason = await editIndicator("companies-visited", { target: "100", trajectory: "even", fromMonth: "3" });
    expect(await updateIndicator(staff, noReason)).toEqual({ ok: false, error: "invalid", fieldErrors: { changeReason: ["validation.adjustmentReason"] } });
    expect(await t.prisma.planVersion.count({ where: { indicatorId: noReason.indicatorId, kind: { not: "INITIAL" } } })).toBe(0);

    const form = await editIndicator("companies-visited", { target: "100", trajectory: "even", fromMonth: "3", changeReason: "县里下达的目标调整为100家" });
    expect(await updateIndicator(staff, form)).toMatchObject({ ok: true });
    const record = await t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(record).toMatchObject({ action: "indicator.adjust", entityId: form.indicatorId });
    expect(record.newValues).toMatchObject({ planChange: { kind: "ADJUSTMENT", fromMonth: 3, reason: "县里下达的目标调整为100家" } });

    const board = await boardOf(leader, planId, 3);
    const six = board.campaigns.find((c) => c.number === 6);
    expect(six?.adjustments.map((a) => a.reason)).toEqual(["县里下达的目标调整为100家"]);
    const visits = six?.indicators.find((i) => i.id === form.indicatorId);
    expect(visits?.target).toBe("100");
    expect(visits?.planned).toBe("25");
    // February is not touched by an adjustment from March.
    expect((await boardOf(leader, planId, 2)).adjustments).toEqual([]);

    const built = await buildSummary(leader, { planId, month: 3, campaignIds: [], locale: "zh-CN" });
    if (!built.ok) throw new Error(built.error);
    expect(built.summary.adjustments).toEqual([expect.stringContaining("拜访企业：自3月起调整")]);
    expect(built.summary.campaigns.find((c) => c.number === 6)?.indicators.find((i) => i.name === "拜访企业")?.adjusted).toBe(true);
    // The 月报 archived before the adjustment still regenerates as it was circulated.
    expect(await verifyArchivedSummary(staff, archived.data.id)).toMatchObject({ ok: true, data: { same: true } });
  });

  it("a plan that says so waits for the campaign's 分管领导 to approve a change of target; nobody else may decide it", async () => {
    const staff = await sessionUser("staff");
    await t.prisma.plan.update({ where: { id: planId }, data: { targetChangeNeedsApproval: true } });
    try {
      // Campaign 6's leading official is 张伟 (leader); 李强 (leader2) leads others.
      const form = await editIndicator("projects-signed", { target: "10", trajectory: "even", fromMonth: "5" });
      expect(await updateIndicator(staff, form)).toMatchObject({ ok: true });
      const pending = await t.prisma.planVersion.findFirstOrThrow({ where: { indicatorId: form.indicatorId, status: "PENDING" } });
      expect((await t.prisma.indicator.findUniqueOrThrow({ where: { id: form.indicatorId } })).targetValue?.toFixed()).toBe("8");
      // While it waits, another change of the same indicator is refused.
      expect(await updateIndicator(staff, await editIndicator("projects-signed", { target: "12", trajectory: "even", fromMonth: "6" }))).toMatchObject({
        ok: false,
        fieldErrors: { fromMonth: ["validation.changePending"] },
      });
      for (const who of ["leader2", "staff", "lead6", "viewer", "county"]) {
        expect(await decidePlanChange(await sessionUser(who), { versionId: pending.id, decision: "approve" }), who).toEqual({ ok: false, error: "notFound" });
      }
      const official = await sessionUser("leader");
      expect((await listPlanChanges(official, planId)).find((c) => c.id === pending.id)?.mayDecide).toBe(true);
      expect((await listPlanChanges(await sessionUser("leader2"), planId)).find((c) => c.id === pending.id)?.mayDecide).toBe(false);
      expect(await decidePlanChange(official, { versionId: pending.id, decision: "approve", note: "同意" })).toEqual({
        ok: true,
        data: { status: "IN_FORCE" },
      });
      expect((await t.prisma.indicator.findUniqueOrThrow({ where: { id: form.indicatorId } })).targetValue?.toFixed()).toBe("10");
      expect(await t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({
        action: "planChange.approve",
        entityId: form.indicatorId,
      });
      // Decided once.
      expect(await decidePlanChange(official, { versionId: pending.id, decision: "reject" })).toEqual({ ok: false, error: "notFound" });
    } finally {
      await t.prisma.plan.update({ where: { id: planId }, data: { targetChangeNeedsApproval: false } });
    }
  });

  it("staff enter the baseline year's monthly figures, and 同比 follows them; nobody else may, and a stale form is refused", async () => {
    const staff = await sessionUser("staff");
    const output = await t.prisma.indicator.findFirstOrThrow({ where: { planId, key: "industrial-output" } });
    const loaded = loadedText(await loadBaselineMonths(output.id));
    const march = await t.prisma.indicatorValue.findFirstOrThrow({ where: { indicatorId: output.id, month: 3 }, orderBy: { reportedAt: "desc" } });
    const form = { indicatorId: output.id, loaded, baseline3: "15", baseline4: "" };
    for (const who of ["lead1", "leader", "viewer"])
      expect(await saveBaselineMonths(await sessionUser(who), form), who).toEqual({ ok: false, error: "notFound" });
    expect(await saveBaselineMonths(staff, { ...form, baseline3: "1e5" })).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { baseline3: ["validation.notANumber"] },
    });
    expect(await saveBaselineMonths(staff, form)).toEqual({ ok: true, data: { id: output.id } });
    expect(await t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({ action: "indicator.baselineMonths", entityId: output.id });
    // Only March was kept: the other months (the demo's sample series) were cleared on purpose.
    expect(await loadBaselineMonths(output.id)).toEqual({ 3: "15" });
    expect(await saveBaselineMonths(staff, { ...form, baseline3: "16" })).toMatchObject({ ok: false, error: "conflict" });

    const board = await boardOf(await sessionUser("leader"), planId);
    const row = board.planIndicators.find((i) => i.id === output.id);
    const rate = ((Number(march.value) - 15) / 15) * 100;
    expect(row?.yoy).toMatchObject({ value: Math.abs(rate).toFixed(1), base: "15", points: false });
    expect(row?.yoySample).toBe(false);
  });

  it("a rolled-over 2019 plan shows 同比 against 2018's monthly figures on its board and in its 月报", async () => {
    const staff = await sessionUser("staff");
    const plan = await t.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
    const rolled = await rollPlanForward(staff, { planId, version: String(plan.version), year: "2019", title: "2019年十大战役", carryUnfinishedTasks: "on" });
    if (!rolled.ok || !rolled.data) throw new Error(JSON.stringify(rolled));
    const next = rolled.data.planId;
    await t.prisma.plan.update({ where: { id: next }, data: { status: "ACTIVE" } });
    // January 2019's industrial output, entered by the office; January 2018's was the demo's.
    const output2019 = await t.prisma.indicator.findFirstOrThrow({ where: { planId: next, key: "industrial-output" } });
    const output2018 = await t.prisma.indicatorValue.findFirstOrThrow({
      where: { indicator: { planId, key: "industrial-output" }, month: 1 },
      orderBy: { reportedAt: "desc" },
    });
    await t.prisma.indicatorValue.create({
      data: { indicatorId: output2019.id, month: 1, value: "6.1", reportedById: staff.id, reportedAt: china("2019-02-03T09:00:00") },
    });
    const rate = ((6.1 - Number(output2018.value)) / Number(output2018.value)) * 100;

    const leader = await sessionUser("leader");
    const board = await getBoard(leader, next, null, china("2019-02-10T10:00:00"));
    if (!board || board.refused) throw new Error("board 2019");
    expect(board.month).toBe(1);
    const output = board.planIndicators.find((i) => i.id === output2019.id);
    expect(output?.yoy).toMatchObject({
      key: rate > 0 ? "yoyUp" : "yoyDown",
      value: Math.abs(rate).toFixed(1),
      points: false,
      base: output2018.value.toFixed(),
    });

    const built = await buildSummary(leader, { planId: next, month: 1, campaignIds: [], locale: "zh-CN" }, { at: china("2019-02-10T10:00:00"), by: "王芳" });
    if (!built.ok) throw new Error(built.error);
    const row = built.summary.planIndicators.find((i) => i.name === "工业总产值");
    expect(row?.yoy).toBe(`同比${rate > 0 ? "增长" : "下降"} ${Math.abs(rate).toFixed(1)}%`);
    expect(row?.yoyKnown).toBe(true);
  });
});
