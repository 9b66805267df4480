import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { rollPlanForward } from "./mutation";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe.each(DB_KINDS)("rolling the 2018 plan into 2019 (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");
  let source: { id: string; version: number; orgId: string };
  const input = () => ({ planId: source.id, year: 2019, title: "2019年十大战役", carryUnfinishedTasks: true, version: source.version });
  const counts = async () => ({ plans: await t.prisma.plan.count(), audit: await t.prisma.auditRecord.count() });

  beforeAll(async () => {
    source = await t.prisma.plan.findFirstOrThrow({ where: { year: 2018 } });
    const c1 = await t.prisma.campaign.findFirstOrThrow({ where: { planId: source.id, number: 1 }, include: { indicators: true } });
    const staff = await t.prisma.user.findUniqueOrThrow({ where: { username: "staff" } });
    // An indicator nobody has reported: it must come out as "needs a baseline".
    await t.prisma.indicator.create({
      data: { planId: source.id, campaignId: c1.id, key: "c1-unreported", name: "未填报指标", unit: "个", decimals: 0, sortOrder: 99 },
    });
    // An April draft does not count; a later staff correction of a plan-wide March figure does.
    const lead1 = await t.prisma.user.findUniqueOrThrow({ where: { username: "lead1" } });
    await t.prisma.progressReport.create({
      data: {
        campaignId: c1.id,
        year: 2018,
        month: 4,
        createdById: lead1.id,
        values: { create: c1.indicators.map((i) => ({ indicatorId: i.id, month: 4, value: "99999", reportedById: lead1.id })) },
      },
    });
    const planWide = await t.prisma.indicator.findFirstOrThrow({ where: { planId: source.id, campaignId: null }, orderBy: { sortOrder: "asc" } });
    await t.prisma.indicatorValue.create({
      data: { indicatorId: planWide.id, month: 3, value: "17.77", reportedById: staff.id, reportedAt: day("2018-04-09") },
    });
    // Task states the demo does not have: a cancelled task, and a finished parent with an unfinished child.
    const child = await t.prisma.task.findFirstOrThrow({ where: { campaign: { planId: source.id }, parentId: { not: null } }, orderBy: { key: "asc" } });
    await t.prisma.task.update({ where: { id: child.parentId ?? "" }, data: { status: "DONE", percentDone: 100 } });
    await t.prisma.task.update({ where: { id: child.id }, data: { status: "IN_PROGRESS", percentDone: 10 } });
    const other = await t.prisma.task.findFirstOrThrow({
      where: { campaign: { planId: source.id }, parentId: null, status: { not: "DONE" }, id: { not: child.parentId ?? "" } },
      orderBy: { key: "asc" },
    });
    await t.prisma.task.update({ where: { id: other.id }, data: { status: "CANCELLED" } });
  });

  it.each(["lead1", "leader", "viewer", "county"])("refuses %s and writes nothing", async (username) => {
    const before = await counts();
    expect(await rollPlanForward(await sessionUser(username), input())).toEqual({ ok: false, error: "notFound" });
    expect(await counts()).toEqual(before);
  });

  it("refuses any year but the next one, and a plan changed since the preview", async () => {
    const staff = await sessionUser("staff");
    const before = await counts();
    expect(await rollPlanForward(staff, { ...input(), year: 2020 })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { year: ["rollover.errors.yearNotNext"] },
    });
    expect(await rollPlanForward(staff, { ...input(), title: "  " })).toMatchObject({ ok: false, fieldErrors: { title: ["rollover.errors.titleRequired"] } });
    expect(await rollPlanForward(staff, { ...input(), version: source.version + 1 })).toMatchObject({ ok: false, error: "conflict" });
    expect(await counts()).toEqual(before);
  });

  it("gives ten campaigns with the same names, departments and people, every baseline the 2018 final official actual", async () => {
    const staff = await sessionUser("staff");
    const lastAudit = await t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } });
    const result = await rollPlanForward(staff, input());
    if (!result.ok || !result.data) throw new Error(`roll failed: ${JSON.stringify(result)}`);
    const planId = result.data.planId;

    const plan = await t.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
    const old = await t.prisma.plan.findUniqueOrThrow({ where: { id: source.id } });
    expect(plan).toMatchObject({
      orgId: source.orgId,
      year: 2019,
      baselineYear: 2018,
      title: "2019年十大战役",
      status: "DRAFT",
      isSample: true,
      goals: old.goals,
      rules: old.rules,
    });

    const campaignsOf = (id: string) =>
      t.prisma.campaign.findMany({
        where: { planId: id },
        orderBy: { number: "asc" },
        include: { cooperating: { orderBy: { departmentId: "asc" } }, leads: { orderBy: { userId: "asc" } } },
      });
    const shape = (c: Awaited<ReturnType<typeof campaignsOf>>[number]) => ({
      number: c.number,
      name: c.name,
      nameEn: c.nameEn,
      leadingOfficialId: c.leadingOfficialId,
      leadDepartmentId: c.leadDepartmentId,
      cooperating: c.cooperating.map((d) => d.departmentId),
      leads: c.leads.map((l) => l.userId),
    });
    const [oldCampaigns, newCampaigns] = await Promise.all([campaignsOf(source.id), campaignsOf(planId)]);
    expect(newCampaigns).toHaveLength(10);
    expect(newCampaigns.map(shape)).toEqual(oldCampaigns.map(shape));
    expect(newCampaigns.every((c) => c.leads.length > 0)).toBe(true);

    // 2018's final actuals, by a query of its own: the latest submitted, approved or staff-entered value.
    const finals = await t.prisma.$queryRaw<{ key: string; value: string; month: number }[]>`
      SELECT DISTINCT ON (v."indicatorId") i.key, v.value::text AS value, v.month
      FROM "IndicatorValue" v
      JOIN "Indicator" i ON i.id = v."indicatorId"
      LEFT JOIN "ProgressReport" r ON r.id = v."reportId"
      WHERE i."planId" = ${source.id} AND (v."reportId" IS NULL OR r.status IN ('SUBMITTED', 'APPROVED'))
      ORDER BY v."indicatorId", v.month DESC, v."reportedAt" DESC`;
    const expected = new Map(finals.map((f) => [f.key, f]));
    expect(expected.get("c1-unreported")).toBeUndefined();
    expect([...expected.values()].some((f) => f.value.startsWith("17.77"))).toBe(true);

    const [oldIndicators, newIndicators] = await Promise.all([
      t.prisma.indicator.findMany({ where: { planId: source.id }, orderBy: { key: "asc" } }),
      t.prisma.indicator.findMany({
        where: { planId },
        orderBy: { key: "asc" },
        include: { campaign: { select: { number: true } }, _count: { select: { trajectory: true, values: true } } },
      }),
    ]);
    expect(newIndicators.map((i) => i.key)).toEqual(oldIndicators.map((i) => i.key));
    for (const i of newIndicators) {
      const final = expected.get(i.key);
      if (final) expect(new Decimal(i.baselineValue?.toString() ?? "NaN").eq(final.value), i.key).toBe(true);
      else expect(i.baselineValue, i.key).toBeNull();
      expect(i.targetValue, i.key).toBeNull();
      expect(i._count, i.key).toEqual({ trajectory: 0, values: 0 });
    }
    const old1 = oldIndicators.find((i) => i.key === newIndicators[0]?.key);
    expect(newIndicators[0]).toMatchObject({
      unit: old1?.unit,
      decimals: old1?.decimals,
      direction: old1?.direction,
      accumulation: old1?.accumulation,
      sortOrder: old1?.sortOrder,
    });

    // Which month each baseline is from; the demo has only January to March, so totals are provisional.
    const reported = result.data.baselines.find((b) => b.value !== null);
    expect(reported).toMatchObject({ month: expected.get(reported?.key ?? "")?.month });
    expect(result.data.baselines.find((b) => b.key === "c1-unreported")).toMatchObject({ value: null, month: null });
    expect(result.data.baselines.filter((b) => b.accumulation === "CUMULATIVE" && b.value !== null).every((b) => b.provisional)).toBe(true);

    const records = await t.prisma.auditRecord.findMany({ where: { id: { gt: lastAudit.id } } });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ action: "plan.rollover", entityType: "Plan", entityId: planId, actorId: staff.id, orgId: source.orgId });
    expect(records[0]?.newValues).toMatchObject({ year: 2019, campaigns: 10, indicators: newIndicators.length, carriedTasks: result.data.carriedTasks });
    expect((await verifyAuditChain(t.prisma)).broken).toBeNull();
  });

  it("carries exactly the unfinished tasks, afresh, under their parents", async () => {
    const plan = await t.prisma.plan.findFirstOrThrow({ where: { year: 2019, title: "2019年十大战役" } });
    const all = await t.prisma.task.findMany({ where: { campaign: { planId: source.id } }, include: { parent: true, campaign: { select: { number: true } } } });
    const unfinished = all.filter((x) => !["DONE", "CANCELLED"].includes(x.status) && x.percentDone < 100);
    expect(unfinished.length).toBeGreaterThan(0);
    expect(unfinished.length).toBeLessThan(all.length);
    const keepParents = all.filter((p) => unfinished.some((x) => x.parentId === p.id));
    const expected = new Set([...unfinished, ...keepParents].map((x) => `${x.campaign.number}:${x.key}:${x.parent?.key ?? "-"}`));
    expect(keepParents.some((p) => p.status === "DONE")).toBe(true);

    const carried = await t.prisma.task.findMany({
      where: { campaign: { planId: plan.id } },
      include: { parent: true, campaign: { select: { number: true } } },
    });
    expect(new Set(carried.map((x) => `${x.campaign.number}:${x.key}:${x.parent?.key ?? "-"}`))).toEqual(expected);
    expect(carried).toHaveLength(expected.size);
    for (const x of carried) {
      const from = all.find((o) => o.key === x.key && o.campaign.number === x.campaign.number);
      expect(x).toMatchObject({ status: "NOT_STARTED", percentDone: 0, title: from?.title, ownerId: from?.ownerId, startDate: day("2019-01-01") });
      expect(x.weight.toString()).toBe(from?.weight.toString());
      expect(x.dueDate.toISOString().slice(4)).toBe(from?.dueDate.toISOString().slice(4));
      expect(x.dueDate.getUTCFullYear()).toBe(2019);
    }
    expect(await t.prisma.progressReport.count({ where: { campaign: { planId: plan.id } } })).toBe(0);
  });

  it("refuses a second roll under the same title, and writes nothing", async () => {
    const before = await counts();
    const again = await rollPlanForward(await sessionUser("admin"), input());
    expect(again).toEqual({ ok: false, error: "invalid", fieldErrors: { title: ["rollover.errors.titleTaken"] } });
    expect(await counts()).toEqual(before);
  });

  it("lets an admin roll without the tasks under another title", async () => {
    const result = await rollPlanForward(await sessionUser("admin"), { ...input(), title: "2019年十大战役（不含任务）", carryUnfinishedTasks: undefined });
    if (!result.ok || !result.data) throw new Error(`roll failed: ${JSON.stringify(result)}`);
    expect(result.data.carriedTasks).toBe(0);
    expect(await t.prisma.task.count({ where: { campaign: { planId: result.data.planId } } })).toBe(0);
    expect(await t.prisma.campaign.count({ where: { planId: result.data.planId } })).toBe(10);
    expect((await t.prisma.plan.findUniqueOrThrow({ where: { id: result.data.planId } })).titleEn).toBeNull();
  });
});
