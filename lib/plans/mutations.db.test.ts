import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { createPlan, updatePlan } from "./mutations";
import { auditCount, expectNothingWritten, KEEPERS, lastAudit, NOT_KEEPERS } from "@/lib/testing/fixtures/plan-keeping";

describe.each(DB_KINDS)("plan administration (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");
  let townId: string;
  beforeAll(async () => {
    townId = (await t.prisma.organization.findUniqueOrThrow({ where: { code: "shendang" } })).id;
  });

  const form = (title: string, extra: Record<string, string> = {}) => ({
    orgId: townId,
    year: "2019",
    baselineYear: "2018",
    title,
    titleEn: "",
    goals: "工业总产值增长10%\n\n  新增规上企业5家  ",
    rules: "每月5日前报送",
    reportDueDay: "6",
    escalateAfterDays: "4",
    status: "DRAFT",
    ...extra,
  });
  const editForm = async (planId: string, extra: Record<string, string> = {}) => {
    const plan = await t.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
    return {
      ...form(plan.title),
      orgId: undefined,
      year: undefined,
      planId,
      version: String(plan.version),
      goals: plan.goals.join("\n"),
      rules: plan.rules.join("\n"),
      ...extra,
    };
  };

  it.each(KEEPERS)("%s creates a plan and edits its report day and escalation days, one audit record each", async (username) => {
    const user = await sessionUser(username);
    const before = await auditCount(t.prisma);
    const created = await createPlan(user, form(`测试计划${username}`));
    expect(created).toMatchObject({ ok: true });
    if (!created.ok || !created.data) throw new Error("created");
    const plan = await t.prisma.plan.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(plan).toMatchObject({ orgId: townId, year: 2019, baselineYear: 2018, status: "DRAFT", reportDueDay: 6, escalateAfterDays: 4, version: 1 });
    expect(plan.goals).toEqual(["工业总产值增长10%", "新增规上企业5家"]);
    const createRecord = await lastAudit(t.prisma);
    expect(createRecord).toMatchObject({ action: "plan.create", entityId: plan.id, actorId: user.id, orgId: townId, oldValues: null });
    expect(createRecord.newValues).toMatchObject({ title: `测试计划${username}`, escalateAfterDays: 4 });

    const edited = await updatePlan(user, await editForm(plan.id, { escalateAfterDays: "7", reportDueDay: "10", status: "ACTIVE" }));
    expect(edited).toEqual({ ok: true, data: { id: plan.id } });
    expect(await t.prisma.plan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({
      escalateAfterDays: 7,
      reportDueDay: 10,
      status: "ACTIVE",
      version: 2,
    });
    const editRecord = await lastAudit(t.prisma);
    expect(editRecord).toMatchObject({ action: "plan.update", entityType: "Plan", entityId: plan.id });
    expect(editRecord.oldValues).toEqual({ escalateAfterDays: 4, reportDueDay: 6, status: "DRAFT", version: 1 });
    expect(editRecord.newValues).toEqual({ escalateAfterDays: 7, reportDueDay: 10, status: "ACTIVE", version: 2 });
    expect(await auditCount(t.prisma)).toBe(before + 2);
  });

  it("turns the office's 初审 on and off, audited", async () => {
    const staff = await sessionUser("staff");
    const created = await createPlan(staff, form("初审测试计划"));
    if (!created.ok || !created.data) throw new Error("created");
    const planId = created.data.id;
    expect(await t.prisma.plan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ preReview: false });
    expect(await updatePlan(staff, await editForm(planId, { preReview: "on" }))).toMatchObject({ ok: true });
    expect(await t.prisma.plan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ preReview: true });
    expect(await lastAudit(t.prisma)).toMatchObject({ oldValues: { preReview: false, version: 1 }, newValues: { preReview: true, version: 2 } });
    // An unticked box posts nothing.
    expect(await updatePlan(staff, await editForm(planId))).toMatchObject({ ok: true });
    expect(await t.prisma.plan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ preReview: false });
  });

  it("keeps the 月报's 版头 (发文机关, month of 第1期), audited, and refuses a month outside 1–12", async () => {
    const staff = await sessionUser("staff");
    const created = await createPlan(staff, form("版头测试计划"));
    if (!created.ok || !created.data) throw new Error("created");
    const planId = created.data.id;
    expect(await t.prisma.plan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ documentIssuer: null, documentFirstMonth: 1 });
    expect(await updatePlan(staff, await editForm(planId, { documentIssuer: "  沈荡镇人民政府办公室 ", documentFirstMonth: "３" }))).toMatchObject({
      ok: true,
    });
    expect(await t.prisma.plan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ documentIssuer: "沈荡镇人民政府办公室", documentFirstMonth: 3 });
    expect(await lastAudit(t.prisma)).toMatchObject({
      oldValues: { documentIssuer: null, documentFirstMonth: 1, version: 1 },
      newValues: { documentIssuer: "沈荡镇人民政府办公室", documentFirstMonth: 3, version: 2 },
    });
    const refused = await expectNothingWritten(t.prisma, async () =>
      updatePlan(staff, await editForm(planId, { documentFirstMonth: "13", documentIssuer: "办".repeat(61) })),
    );
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { documentFirstMonth: ["validation.documentFirstMonth"], documentIssuer: ["validation.tooLong"] },
    });
  });

  it("keeps the 催办 schedule and who confirms 销号, audited, refusing days out of range next to their fields", async () => {
    const staff = await sessionUser("staff");
    const created = await createPlan(staff, form("催办测试计划"));
    if (!created.ok || !created.data) throw new Error("created");
    const planId = created.data.id;
    // A form without the schedule leaves the schema's defaults.
    expect(await t.prisma.plan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({
      remindDaysBefore: 2,
      remindOnDueDay: true,
      escalatePrincipalAfterDays: 7,
      closureConfirmedBy: "OFFICIAL",
    });
    const schedule = { schedulePosted: "1", remindDaysBefore: "３", escalatePrincipalAfterDays: "", closureConfirmedBy: "STAFF" };
    // remindOnDueDay unticked: posts nothing.
    expect(await updatePlan(staff, await editForm(planId, schedule))).toMatchObject({ ok: true });
    expect(await t.prisma.plan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({
      remindDaysBefore: 3,
      remindOnDueDay: false,
      escalatePrincipalAfterDays: null,
      closureConfirmedBy: "STAFF",
    });
    expect(await lastAudit(t.prisma)).toMatchObject({
      oldValues: { remindDaysBefore: 2, remindOnDueDay: true, escalatePrincipalAfterDays: 7, closureConfirmedBy: "OFFICIAL" },
      newValues: { remindDaysBefore: 3, remindOnDueDay: false, escalatePrincipalAfterDays: null, closureConfirmedBy: "STAFF" },
    });
    const refused = await expectNothingWritten(t.prisma, async () =>
      updatePlan(
        staff,
        await editForm(planId, { ...schedule, remindDaysBefore: "11", escalatePrincipalAfterDays: "0", closureConfirmedBy: "VIEWER", title: "" }),
      ),
    );
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: {
        title: ["validation.required"],
        remindDaysBefore: ["validation.remindDaysBefore"],
        escalatePrincipalAfterDays: ["validation.escalatePrincipalAfterDays"],
        closureConfirmedBy: ["validation.choice"],
      },
    });
  });

  it.each(NOT_KEEPERS)("refuses %s creating or editing a plan: nothing written, no audit record", async (username) => {
    const user = await sessionUser(username);
    const demo = await t.prisma.plan.findFirstOrThrow({ where: { year: 2018 } });
    expect(await expectNothingWritten(t.prisma, () => createPlan(user, form("越权计划")))).toMatchObject({ ok: false });
    expect(await t.prisma.plan.count({ where: { title: "越权计划" } })).toBe(0);
    const edit = await expectNothingWritten(t.prisma, async () => updatePlan(user, await editForm(demo.id, { escalateAfterDays: "20" })));
    expect(edit).toEqual({ ok: false, error: "notFound" });
    expect(await t.prisma.plan.findUniqueOrThrow({ where: { id: demo.id } })).toMatchObject({
      escalateAfterDays: demo.escalateAfterDays,
      version: demo.version,
    });
  });

  it("lets a county's office staff create a plan for one of its towns, not for the county itself", async () => {
    const county = await t.prisma.organization.findUniqueOrThrow({ where: { code: "haiyan" } });
    await t.prisma.user.create({
      data: { username: "countystaff", name: "县督查室干事", passwordHash: "x", orgId: county.id, roles: { create: { role: "STAFF", orgId: county.id } } },
    });
    const user = await sessionUser("countystaff");
    const made = await createPlan(user, form("县里帮镇建的计划", { baselineYear: "" }));
    if (!made.ok || !made.data) throw new Error(JSON.stringify(made));
    // A baseline year left blank is the year before the plan's.
    expect(await t.prisma.plan.findUniqueOrThrow({ where: { id: made.data.id } })).toMatchObject({ orgId: townId, year: 2019, baselineYear: 2018 });
    const refused = await expectNothingWritten(t.prisma, () => createPlan(user, form("县本级计划", { orgId: county.id })));
    expect(refused).toEqual({ ok: false, error: "invalid", fieldErrors: { orgId: ["validation.org"] } });
  });

  it("refuses a title the town already has for that year, as an error on the title", async () => {
    const staff = await sessionUser("staff");
    const taken = await expectNothingWritten(t.prisma, () => createPlan(staff, form("2018年十大战役", { year: "2018", baselineYear: "2017" })));
    expect(taken).toEqual({ ok: false, error: "invalid", fieldErrors: { title: ["validation.planTitleTaken"] } });
    const created = await createPlan(staff, form("改名测试计划"));
    if (!created.ok || !created.data) throw new Error("created");
    await createPlan(staff, form("已有的计划"));
    const rename = await expectNothingWritten(t.prisma, async () => updatePlan(staff, await editForm(created.data?.id ?? "", { title: "已有的计划" })));
    expect(rename).toEqual({ ok: false, error: "invalid", fieldErrors: { title: ["validation.planTitleTaken"] } });
  });

  it("keys validation errors to the fields", async () => {
    const staff = await sessionUser("staff");
    const bad = await expectNothingWritten(t.prisma, () =>
      createPlan(staff, form("", { year: "19", baselineYear: "2019", reportDueDay: "29", escalateAfterDays: "-1", status: "ARCHIVED" })),
    );
    expect(bad).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: {
        title: ["validation.required"],
        year: ["validation.year"],
        reportDueDay: ["validation.reportDueDay"],
        escalateAfterDays: ["validation.escalateAfterDays"],
        status: ["validation.choice"],
      },
    });
    const backwards = await createPlan(staff, form("基数年在后", { baselineYear: "2019" }));
    expect(backwards).toEqual({ ok: false, error: "invalid", fieldErrors: { baselineYear: ["validation.baselineYear"] } });
    const demo = await t.prisma.plan.findFirstOrThrow({ where: { year: 2018 } });
    const editBad = await updatePlan(staff, await editForm(demo.id, { escalateAfterDays: "31", baselineYear: "2018" }));
    expect(editBad).toMatchObject({ ok: false, error: "invalid", fieldErrors: { escalateAfterDays: ["validation.escalateAfterDays"] } });
  });

  it("refuses an edit based on a stale version and returns the current values, writing nothing", async () => {
    const staff = await sessionUser("staff");
    const admin = await sessionUser("admin");
    const created = await createPlan(staff, form("并发编辑计划"));
    if (!created.ok || !created.data) throw new Error("created");
    const planId = created.data.id;
    const stale = await editForm(planId, { escalateAfterDays: "9" });
    expect(await updatePlan(admin, await editForm(planId, { escalateAfterDays: "12" }))).toMatchObject({ ok: true });
    const conflict = await expectNothingWritten(t.prisma, () => updatePlan(staff, stale));
    expect(conflict).toMatchObject({ ok: false, error: "conflict", current: { escalateAfterDays: 12, version: 2 } });
    expect(await t.prisma.plan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ escalateAfterDays: 12, version: 2 });
  });

  it("keeps the audit chain intact", async () => {
    expect((await verifyAuditChain(t.prisma)).broken).toBeNull();
  });
});
