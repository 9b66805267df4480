import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify";
import { trajectory } from "@/lib/indicators/trajectory";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { createIndicator, updateIndicator } from "./mutations";
import { auditCount, expectNothingWritten, KEEPERS, lastAudit, NOT_KEEPERS } from "@/lib/testing/fixtures/plan-keeping";

const months = (values: string[]) => Object.fromEntries(values.map((v, i) => [`month${i + 1}`, v]));

describe.each(DB_KINDS)("indicator administration (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");
  let planId: string;
  let campaignId: string;
  beforeAll(async () => {
    planId = t.demo.planId;
    campaignId = (await t.prisma.campaign.findFirstOrThrow({ where: { planId, number: 6 } })).id;
  });

  const form = (extra: Record<string, string> = {}): Record<string, string> => ({
    planId,
    campaignId,
    name: "新引进项目",
    nameEn: "",
    unit: "个",
    decimals: "0",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    baseline: "8",
    baselineNote: "2017年统计站年报",
    target: "12",
    dataSource: "招商服务中心",
    trajectory: "front",
    ...extra,
  });
  const planned = async (indicatorId: string) =>
    (await t.prisma.trajectoryPoint.findMany({ where: { indicatorId }, orderBy: { month: "asc" } })).map((p) => [p.month, p.plannedValue.toFixed()]);
  const editForm = async (indicatorId: string, extra: Record<string, string> = {}) => {
    const i = await t.prisma.indicator.findUniqueOrThrow({ where: { id: indicatorId } });
    return { ...form(), indicatorId, version: String(i.version), ...extra };
  };

  it.each(KEEPERS)("%s adds an indicator with a front-loaded trajectory (saved as the generator makes it) and edits it", async (username) => {
    const user = await sessionUser(username);
    const before = await auditCount(t.prisma);
    const created = await createIndicator(user, form({ name: `新引进项目${username}` }));
    expect(created).toMatchObject({ ok: true });
    if (!created.ok || !created.data) throw new Error("created");
    const indicatorId = created.data.id;
    const expected = trajectory("CUMULATIVE", "8", "12", "front", 0);
    expect(await planned(indicatorId)).toEqual(expected.map((v, i) => [i + 1, v]));
    const saved = await t.prisma.indicator.findUniqueOrThrow({ where: { id: indicatorId } });
    expect(saved).toMatchObject({ planId, campaignId, unit: "个", decimals: 0, version: 1, targetIsSample: false });
    expect(saved.baselineValue?.toFixed()).toBe("8");
    expect(saved.key).toMatch(/^c6-/);
    const createRecord = await lastAudit(t.prisma);
    expect(createRecord).toMatchObject({ action: "indicator.create", entityId: indicatorId, campaignId, oldValues: null });
    expect(createRecord.newValues).toMatchObject({ target: "12", trajectory: expected });

    // The demo plan is active and it is April: without a month chosen, the change applies from April,
    // the first month whose report is not yet due; January to March keep the plan as it was.
    const edited = await updateIndicator(user, await editForm(indicatorId, { name: `新引进项目${username}`, target: "24", trajectory: "even" }));
    expect(edited).toEqual({ ok: true, data: { id: indicatorId } });
    const evenly = trajectory("CUMULATIVE", "8", "24", "even", 0).map((v, i) => (i < 3 ? expected[i] : v));
    expect(await planned(indicatorId)).toEqual(evenly.map((v, i) => [i + 1, v]));
    const editRecord = await lastAudit(t.prisma);
    expect(editRecord).toMatchObject({ action: "indicator.update", entityId: indicatorId, campaignId });
    expect(editRecord.oldValues).toEqual({ target: "12", trajectory: expected, version: 1 });
    expect(editRecord.newValues).toMatchObject({
      target: "24",
      trajectory: evenly,
      version: 2,
      planChange: { kind: "CHANGE", fromMonth: 4, status: "IN_FORCE" },
    });
    expect(await auditCount(t.prisma)).toBe(before + 2);
  });

  it("lets a % indicator leave 0–100 when ticked, audited", async () => {
    const staff = await sessionUser("staff");
    const created = await createIndicator(
      staff,
      form({ name: "工业增加值增速", unit: "%", decimals: "1", accumulation: "LEVEL", baseline: "5", target: "8", trajectory: "even" }),
    );
    if (!created.ok || !created.data) throw new Error("created");
    const indicatorId = created.data.id;
    expect(await t.prisma.indicator.findUniqueOrThrow({ where: { id: indicatorId } })).toMatchObject({ allowOutOfRange: false });
    const edit = await editForm(indicatorId, {
      name: "工业增加值增速",
      unit: "%",
      decimals: "1",
      accumulation: "LEVEL",
      baseline: "5",
      target: "8",
      trajectory: "even",
      allowOutOfRange: "on",
    });
    expect(await updateIndicator(staff, edit)).toMatchObject({ ok: true });
    expect(await t.prisma.indicator.findUniqueOrThrow({ where: { id: indicatorId } })).toMatchObject({ allowOutOfRange: true });
    expect((await lastAudit(t.prisma)).newValues).toMatchObject({ allowOutOfRange: true });
  });

  it("adds a town-wide indicator with a trajectory typed month by month", async () => {
    const staff = await sessionUser("staff");
    const typed = ["56.6", "57", "57.5", "58", "58.8", "59.5", "60", "61", "62", "63", "64", "65"];
    const created = await createIndicator(
      staff,
      form({
        campaignId: "",
        name: "城镇化率",
        unit: "%",
        decimals: "2",
        accumulation: "LEVEL",
        baseline: "56.58",
        target: "65",
        trajectory: "manual",
        ...months(typed),
      }),
    );
    if (!created.ok || !created.data) throw new Error(JSON.stringify(created));
    const saved = await t.prisma.indicator.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(saved).toMatchObject({ campaignId: null, accumulation: "LEVEL" });
    expect(saved.key).toMatch(/^plan-/);
    expect(await planned(saved.id)).toEqual(typed.map((v, i) => [i + 1, v]));
    // A level indicator's typed plan need not end at the target.
    const level = await createIndicator(
      staff,
      form({
        campaignId: "",
        name: "空气优良率",
        unit: "%",
        decimals: "1",
        accumulation: "LEVEL",
        target: "90",
        trajectory: "manual",
        ...months(Array(12).fill("85")),
      }),
    );
    expect(level).toMatchObject({ ok: true });
  });

  it.each(NOT_KEEPERS)("refuses %s adding or editing an indicator: nothing written, no audit record", async (username) => {
    const user = await sessionUser(username);
    const indicator = await t.prisma.indicator.findFirstOrThrow({ where: { campaignId } });
    expect(await expectNothingWritten(t.prisma, () => createIndicator(user, form({ name: "越权指标" })))).toEqual({ ok: false, error: "notFound" });
    expect(await expectNothingWritten(t.prisma, () => createIndicator(user, form({ name: "越权指标", campaignId: "" })))).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await t.prisma.indicator.count({ where: { name: "越权指标" } })).toBe(0);
    const edit = await expectNothingWritten(t.prisma, async () => updateIndicator(user, await editForm(indicator.id, { target: "999" })));
    expect(edit).toEqual({ ok: false, error: "notFound" });
    expect(await t.prisma.indicator.findUniqueOrThrow({ where: { id: indicator.id } })).toMatchObject({ version: indicator.version });
  });

  it("keys figure errors to their fields: a bad decimal, too many places, a missing target", async () => {
    const staff = await sessionUser("staff");
    const bad = await expectNothingWritten(t.prisma, () => createIndicator(staff, form({ baseline: "1.2.3", target: "12.5" })));
    expect(bad).toEqual({ ok: false, error: "invalid", fieldErrors: { baseline: ["validation.notANumber"], target: ["validation.wholeNumber"] } });
    const places = await createIndicator(staff, form({ decimals: "2", baseline: "１，２３４.５", target: "1.234" }));
    expect(places).toEqual({ ok: false, error: "invalid", fieldErrors: { target: ["validation.tooManyDecimalsForIndicator"] } });
    const missing = await createIndicator(staff, form({ target: " ", name: "", decimals: "5", direction: "UP" }));
    expect(missing).toMatchObject({
      ok: false,
      fieldErrors: { name: ["validation.required"], decimals: ["validation.decimals"], direction: ["validation.choice"] },
    });
    expect(await createIndicator(staff, form({ target: "" }))).toEqual({ ok: false, error: "invalid", fieldErrors: { target: ["validation.required"] } });
  });

  it("refuses a typed cumulative trajectory that does not end at the target, as an error on December", async () => {
    const staff = await sessionUser("staff");
    const short = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "11"];
    const refused = await expectNothingWritten(t.prisma, () => createIndicator(staff, form({ trajectory: "manual", ...months(short) })));
    expect(refused).toEqual({ ok: false, error: "invalid", fieldErrors: { month12: ["validation.trajectoryEnd"] } });
    const gaps = await createIndicator(staff, form({ trajectory: "manual", ...months(short), month3: "", month7: "x" }));
    expect(gaps).toMatchObject({ fieldErrors: { month3: ["validation.required"], month7: ["validation.notANumber"], month12: ["validation.trajectoryEnd"] } });
    const ok = await createIndicator(staff, form({ name: "逐月填写的指标", trajectory: "manual", ...months([...short.slice(0, 11), "12"]) }));
    expect(ok).toMatchObject({ ok: true });
  });

  it("refuses an edit based on a stale version and returns the current values, writing nothing", async () => {
    const staff = await sessionUser("staff");
    const admin = await sessionUser("admin");
    const created = await createIndicator(staff, form({ name: "并发编辑指标" }));
    if (!created.ok || !created.data) throw new Error("created");
    const indicatorId = created.data.id;
    const stale = await editForm(indicatorId, { target: "30" });
    expect(await updateIndicator(admin, await editForm(indicatorId, { target: "20" }))).toMatchObject({ ok: true });
    const pointsBefore = await planned(indicatorId);
    const conflict = await expectNothingWritten(t.prisma, () => updateIndicator(staff, stale));
    expect(conflict).toMatchObject({ ok: false, error: "conflict", current: { target: "20", version: 2 } });
    expect(await planned(indicatorId)).toEqual(pointsBefore);
    expect((await t.prisma.indicator.findUniqueOrThrow({ where: { id: indicatorId } })).targetValue?.toFixed()).toBe("20");
  });

  it("keeps the demo's sample mark on a target that an edit leaves as it was", async () => {
    const staff = await sessionUser("staff");
    const demo = await t.prisma.indicator.findFirstOrThrow({ where: { campaignId, targetIsSample: true, accumulation: "CUMULATIVE" } });
    const target = demo.targetValue?.toFixed() ?? "";
    const fields = {
      name: demo.name,
      unit: demo.unit,
      decimals: String(demo.decimals),
      baseline: demo.baselineValue?.toFixed() ?? "",
      target,
      trajectory: "even",
    };
    expect(await updateIndicator(staff, await editForm(demo.id, { ...fields, dataSource: "统计站" }))).toMatchObject({ ok: true });
    expect(await t.prisma.indicator.findUniqueOrThrow({ where: { id: demo.id } })).toMatchObject({ targetIsSample: true, dataSource: "统计站" });
  });

  it("keeps the audit chain intact", async () => {
    expect((await verifyAuditChain(t.prisma)).broken).toBeNull();
  });
});
