import { beforeAll, describe, expect, it } from "vitest";
import type { PlanStatus } from "@/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { BOTH_DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { getCountyOverview, pastLights } from "./county";
import ExcelJS from "exceljs";
import { exportCountyOverview } from "./county-export";
import { countyTrend, rankTowns, redCampaigns } from "./county-view";
import { boardOf } from "@/lib/testing/board";

const at = (iso: string) => new Date(`${iso}+08:00`);

/** A copy of a plan's campaigns (indicators, trajectories, tasks, reports and their values) as another plan. */
async function copyPlan(prisma: Db, sourceId: string, target: { orgId: string; year: number; status: PlanStatus }): Promise<string> {
  const source = await prisma.plan.findUniqueOrThrow({
    where: { id: sourceId },
    include: {
      campaigns: {
        include: {
          indicators: { include: { trajectory: true, values: true } },
          tasks: true,
          reports: true,
        },
      },
    },
  });
  const plan = await prisma.plan.create({
    data: {
      orgId: target.orgId,
      year: target.year,
      status: target.status,
      baselineYear: target.year - 1,
      title: source.title,
      goals: source.goals,
      rules: source.rules,
    },
  });
  for (const c of source.campaigns) {
    const campaign = await prisma.campaign.create({ data: { planId: plan.id, number: c.number, name: c.name, startDate: c.startDate, endDate: c.endDate } });
    const reportIds = new Map<string, string>();
    for (const r of c.reports) {
      const { id } = await prisma.progressReport.create({
        data: {
          campaignId: campaign.id,
          year: target.year,
          month: r.month,
          revision: r.revision,
          status: r.status,
          createdById: r.createdById,
          submittedAt: r.submittedAt,
        },
      });
      reportIds.set(r.id, id);
    }
    for (const i of c.indicators) {
      await prisma.indicator.create({
        data: {
          planId: plan.id,
          campaignId: campaign.id,
          key: i.key,
          name: i.name,
          unit: i.unit,
          decimals: i.decimals,
          baselineValue: i.baselineValue,
          targetValue: i.targetValue,
          direction: i.direction,
          accumulation: i.accumulation,
          sortOrder: i.sortOrder,
          trajectory: { create: i.trajectory.map((p) => ({ month: p.month, plannedValue: p.plannedValue })) },
          values: {
            create: i.values.map((v) => ({
              month: v.month,
              value: v.value,
              reportId: v.reportId && reportIds.get(v.reportId),
              reportedById: v.reportedById,
              reportedAt: v.reportedAt,
            })),
          },
        },
      });
    }
    await prisma.task.createMany({
      data: c.tasks.map((t) => ({
        campaignId: campaign.id,
        title: t.title,
        startDate: t.startDate,
        dueDate: t.dueDate,
        weight: t.weight,
        status: t.status,
        percentDone: t.percentDone,
      })),
    });
  }
  return plan.id;
}

/** Changes to the second town's copy that exercise each part of the rule for "the official figure". */
async function divert(prisma: Db, planId: string, reporterId: string) {
  const campaign = (number: number) =>
    prisma.campaign.findFirstOrThrow({
      where: { planId, number },
      include: { indicators: { orderBy: { sortOrder: "asc" } }, tasks: { orderBy: { id: "asc" } } },
    });
  // A March report pulled back to draft: its figures stop counting and the month is unreported.
  const c2 = await campaign(2);
  await prisma.progressReport.updateMany({ where: { campaignId: c2.id, month: 3 }, data: { status: "DRAFT", submittedAt: null } });
  // A second revision returned for rework: the latest report of the month, but its figures do not count.
  const c5 = await campaign(5);
  const returned = await prisma.progressReport.create({
    data: { campaignId: c5.id, year: 2018, month: 3, revision: 2, status: "RETURNED", createdById: reporterId, submittedAt: at("2018-04-07T10:00:00") },
  });
  for (const i of c5.indicators)
    await prisma.indicatorValue.create({
      data: { indicatorId: i.id, reportId: returned.id, month: 3, value: "0", reportedById: reporterId, reportedAt: at("2018-04-07T10:00:00") },
    });
  // A figure entered directly (no report) counts, and here it is far behind plan.
  const c1 = await campaign(1);
  for (const i of c1.indicators)
    await prisma.indicatorValue.create({ data: { indicatorId: i.id, month: 3, value: "0", reportedById: reporterId, reportedAt: at("2018-04-09T10:00:00") } });
  // Figures reported after today, or for a month after the reporting month, do not count yet.
  const c3 = await campaign(3);
  for (const i of c3.indicators) {
    await prisma.indicatorValue.create({ data: { indicatorId: i.id, month: 3, value: "0", reportedById: reporterId, reportedAt: at("2018-05-02T10:00:00") } });
    await prisma.indicatorValue.create({ data: { indicatorId: i.id, month: 4, value: "0", reportedById: reporterId, reportedAt: at("2018-04-08T10:00:00") } });
  }
  // Cancelled, blocked and done tasks.
  const c4 = await campaign(4);
  const [first, second, third] = c4.tasks;
  if (!first || !second || !third) throw new Error("campaign 4 needs three tasks");
  await prisma.task.update({ where: { id: first.id }, data: { status: "CANCELLED" } });
  await prisma.task.update({ where: { id: second.id }, data: { status: "BLOCKED" } });
  await prisma.task.update({ where: { id: third.id }, data: { status: "DONE", percentDone: 100 } });
  // A campaign with no tasks, and one with nothing to light at all (no figures, every task cancelled).
  await prisma.task.deleteMany({ where: { campaignId: (await campaign(7)).id } });
  const c10 = await campaign(10);
  await prisma.indicatorValue.deleteMany({ where: { indicator: { campaignId: c10.id } } });
  await prisma.task.updateMany({ where: { campaignId: c10.id }, data: { status: "CANCELLED" } });
}

// Also on the embedded database: the overview is raw SQL whose rows (decimals, packed task lists) each driver decodes.
describe.each(BOTH_DB_KINDS)("the county overview (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");
  let shendang: string;
  let second2018: string;
  let second2017: string;
  let secondClosed: string;

  beforeAll(async () => {
    shendang = t.demo.planId;
    const county = await t.prisma.organization.findFirstOrThrow({ where: { kind: "COUNTY" } });
    const town = await t.prisma.organization.create({ data: { kind: "TOWN", code: "second-town", name: "第二镇", parentId: county.id } });
    second2018 = await copyPlan(t.prisma, shendang, { orgId: town.id, year: 2018, status: "ACTIVE" });
    // A plan of an earlier year still active: its year is over, so its reporting month is 12 and every report is long overdue.
    second2017 = await copyPlan(t.prisma, shendang, { orgId: town.id, year: 2017, status: "ACTIVE" });
    secondClosed = await copyPlan(t.prisma, shendang, { orgId: town.id, year: 2016, status: "CLOSED" });
    await divert(t.prisma, second2018, (await sessionUser("staff")).id);
  });

  /** The overview's campaigns against the board's, campaign by campaign, for every plan the overview lists. */
  async function expectSameAsBoards(user: SessionUser) {
    const towns = await getCountyOverview(user);
    for (const town of towns) {
      const board = await boardOf(user, town.plan.id);
      expect(town.month).toBe(board.month);
      expect(town.campaigns.map((c) => c.id)).toEqual(board.campaigns.map((c) => c.id));
      for (const [n, c] of town.campaigns.entries()) {
        const expected = board.campaigns[n];
        expect({
          number: c.number,
          light: c.status.light,
          score: c.status.score,
          silence: c.status.silence,
          reportDaysLate: c.reportDaysLate,
          report: c.report,
        }).toEqual({
          number: expected?.number,
          light: expected?.status.light,
          score: expected?.status.score,
          silence: expected?.status.silence,
          reportDaysLate: expected?.reportDaysLate,
          report: expected?.report,
        });
      }
      const count = (campaigns: { status: { light: string } }[]) =>
        Object.fromEntries(["RED", "AMBER", "GREEN", "NONE"].map((l) => [l, campaigns.filter((c) => c.status.light === l).length]));
      expect(count(town.campaigns)).toEqual(count(board.campaigns));
    }
    return towns;
  }

  it("gives a county user every town's active plan, each campaign lit as on the town's board", async () => {
    const towns = await expectSameAsBoards(await sessionUser("county"));
    expect(towns.map((x) => x.plan.id).sort()).toEqual([shendang, second2018, second2017].sort());
    expect(towns.map((x) => x.plan.id)).not.toContain(secondClosed);
    expect(Object.fromEntries(towns.map((x) => [x.plan.id, x.month]))).toEqual({ [shendang]: 3, [second2018]: 3, [second2017]: 12 });
    // The fixtures reach every light and both ways to red, so agreement above is not agreement on one colour.
    const all = towns.flatMap((x) => x.campaigns);
    expect(new Set(all.map((c) => c.status.light))).toEqual(new Set(["RED", "AMBER", "GREEN", "NONE"]));
    expect(all.some((c) => c.status.silence === "red")).toBe(true);
    expect(all.some((c) => c.status.light === "RED" && c.status.silence === "none")).toBe(true);
  });

  it("lights the second town's changed copy differently from the demo where its official figures differ", async () => {
    const towns = await getCountyOverview(await sessionUser("county"));
    const lights = (planId: string) => towns.find((x) => x.plan.id === planId)?.campaigns.map((c) => c.status.light);
    expect(lights(second2018)).not.toEqual(lights(shendang));
    const missing = (planId: string) =>
      towns
        .find((x) => x.plan.id === planId)
        ?.campaigns.filter((c) => !c.report)
        .map((c) => c.number);
    expect(missing(shendang)).toEqual([1, 3, 7]);
    expect(missing(second2018)).toEqual([1, 2, 3, 7]);
  });

  it("ranks the towns and lists the red campaigns across towns as each town's board has them", async () => {
    const county = await sessionUser("county");
    const towns = await getCountyOverview(county);
    const ranked = rankTowns(towns);
    for (const row of ranked) {
      const board = await boardOf(county, row.planId);
      const lights = board.campaigns.map((c) => c.status.light);
      expect({ red: row.red, amber: row.amber, green: row.green, missing: row.missing }).toEqual({
        red: lights.filter((l) => l === "RED").length,
        amber: lights.filter((l) => l === "AMBER").length,
        green: lights.filter((l) => l === "GREEN").length,
        missing: board.campaigns.filter((c) => !c.report).length,
      });
    }
    // Ranked by red campaigns first: never a town with more red above one with fewer.
    for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.red).toBeGreaterThanOrEqual(ranked[i - 1]!.red);
    const fromBoards = [];
    // The red list starts with the lowest-ranked town.
    for (const row of [...ranked].reverse()) {
      const board = await boardOf(county, row.planId);
      fromBoards.push(...board.campaigns.filter((c) => c.status.light === "RED").map((c) => c.id));
    }
    expect(redCampaigns(towns).map((c) => c.id)).toEqual(fromBoards);
  });

  it("gives each town's lights month by month, every campaign of every past month as that month's board has it", async () => {
    const county = await sessionUser("county");
    const staff = await sessionUser("staff");
    // A past month reads tasks as their updates stood at its cutoff: give the second town's copy a
    // history (its tasks were copied without one) that moves a task on, closes one and re-plans one.
    const c6 = await t.prisma.campaign.findFirstOrThrow({ where: { planId: second2018, number: 6 }, include: { tasks: { orderBy: { id: "asc" } } } });
    const [moved, closed, replanned] = c6.tasks;
    if (!moved || !closed || !replanned) throw new Error("campaign 6 needs three tasks");
    const update = (taskId: string, percentDone: number, status: "IN_PROGRESS" | "DONE" | "BLOCKED", reportedAt: string) =>
      t.prisma.taskUpdate.create({ data: { taskId, month: 1, percentDone, status, reportedById: staff.id, reportedAt: at(reportedAt) } });
    await update(moved.id, 5, "IN_PROGRESS", "2018-01-20T10:00:00");
    await update(moved.id, 60, "BLOCKED", "2018-02-20T10:00:00");
    // After February's cutoff (end of March): February's board must not see it.
    await update(moved.id, 100, "DONE", "2018-04-02T10:00:00");
    await update(closed.id, 100, "DONE", "2018-02-10T10:00:00");
    await t.prisma.task.update({
      where: { id: closed.id },
      data: { status: "DONE", percentDone: 100, closure: "CLOSED", closedAt: at("2018-03-01T10:00:00") },
    });
    // Re-planned in March from February (a 调整): due at the end of January before, at the end of June after.
    const plan = (dueDate: string) => ({ startDate: "2018-01-01", dueDate, weight: replanned.weight.toFixed() });
    await t.prisma.planVersion.create({
      data: { planId: second2018, taskId: replanned.id, fromMonth: 1, kind: "INITIAL", payload: plan("2018-01-31"), requestedAt: at("2018-01-01T09:00:00") },
    });
    await t.prisma.planVersion.create({
      data: {
        planId: second2018,
        taskId: replanned.id,
        fromMonth: 2,
        kind: "ADJUSTMENT",
        reason: "调整",
        payload: plan("2018-06-30"),
        requestedAt: at("2018-03-10T09:00:00"),
        inForceAt: at("2018-03-10T09:00:00"),
      },
    });
    await t.prisma.task.update({ where: { id: replanned.id }, data: { dueDate: new Date("2018-06-30T00:00:00Z") } });

    const towns = await getCountyOverview(county);
    const lightsByMonth = new Map<number, Map<string, { id: string; status: { light: string } }[]>>();
    for (let m = 1; m <= 11; m++)
      lightsByMonth.set(
        m,
        await pastLights(
          towns.filter((x) => x.month > m),
          m,
        ),
      );
    let compared = 0;
    const seen = new Set<string>();
    for (const town of towns) {
      for (let m = 1; m < town.month; m++) {
        const board = await boardOf(county, town.plan.id, m);
        expect(board.historical).toBe(true);
        const lights = lightsByMonth.get(m)?.get(town.plan.id) ?? [];
        expect(
          lights.map((c) => [c.id, c.status.light]),
          `${town.plan.org.name} ${town.plan.year} month ${m}`,
        ).toEqual(board.campaigns.map((c) => [c.id, c.status.light]));
        for (const c of lights) seen.add(c.status.light);
        compared += lights.length;
      }
    }
    // The current months (3 and 12) are the overview's own: 2 + 2 + 11 past months of ten campaigns.
    expect(compared).toBe(150);
    // Agreement on every colour, not on one (a past month lights every campaign: it had tasks then).
    expect([...seen].sort()).toEqual(["AMBER", "GREEN", "RED"]);

    // The trend counts them, and ends with the current month's counts from the overview.
    const trend = await countyTrend(towns);
    for (const town of towns) {
      const months = trend.get(town.plan.id) ?? [];
      expect(months.map((m) => m.month)).toEqual(Array.from({ length: town.month }, (_, i) => i + 1));
      for (const m of months) {
        const lights =
          m.month === town.month ? town.campaigns.map((c) => c.status.light) : (lightsByMonth.get(m.month)?.get(town.plan.id) ?? []).map((c) => c.status.light);
        expect(m).toEqual({
          month: m.month,
          red: lights.filter((l) => l === "RED").length,
          amber: lights.filter((l) => l === "AMBER").length,
          green: lights.filter((l) => l === "GREEN").length,
          none: lights.filter((l) => l === "NONE").length,
        });
      }
    }
    // Kept once final: asked again, the same (from the cache, the same values).
    expect(await countyTrend(towns)).toEqual(trend);
  });

  it("exports the ranking, the red list and the trend to Excel, printable with page numbers", async () => {
    const county = await sessionUser("county");
    const words = (key: string, values?: Record<string, string | number>) => (values ? `${key}${JSON.stringify(values)}` : key);
    const exported = await exportCountyOverview(county, { county: words, status: words }, "zh-CN");
    if (!exported) throw new Error("no export");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.data as unknown as ArrayBuffer);
    const [ranking, red, trend] = book.worksheets;
    const towns = await getCountyOverview(county);
    const ranked = rankTowns(towns);
    // Header, one row per town, a blank row and the time it was made.
    expect(ranking?.rowCount).toBe(ranked.length + 3);
    expect(ranking?.getRow(2).getCell(2).value).toBe(ranked[0]?.town);
    expect(ranking?.getRow(2).getCell(5).value).toBe(ranked[0]?.red);
    expect(red?.rowCount).toBe(redCampaigns(towns).length + 1);
    expect(trend?.rowCount).toBe(1 + towns.reduce((s, x) => s + x.month, 0));
    expect(ranking?.pageSetup.orientation).toBe("landscape");
    expect(ranking?.headerFooter.oddFooter).toContain("&P");
  });

  it("gives a town user only their own town", async () => {
    const towns = await expectSameAsBoards(await sessionUser("leader"));
    expect(towns.map((x) => x.plan.id)).toEqual([shendang]);
    expect(towns[0]?.campaigns).toHaveLength(10);
  });

  it("keeps each scope's overview its own when a county and a town user ask at the same time", async () => {
    const [county, town, countyAgain] = await Promise.all(
      [sessionUser("county"), sessionUser("leader"), sessionUser("county")].map(async (u) => getCountyOverview(await u)),
    );
    expect(town?.map((x) => x.plan.id)).toEqual([shendang]);
    expect(county).toHaveLength(3);
    expect(countyAgain).toEqual(county);
  });

  it("gives a user who may see no town nothing", async () => {
    const nobody = { ...(await sessionUser("leader")), orgIds: [] };
    expect(await getCountyOverview(nobody)).toEqual([]);
  });
});
