// Loads the Shendang 2018 demo plan (shendang-2018.ts) into an empty database: the county and the
// town, departments, demo users for each role, the ten campaigns, indicators with their exact 2017
// baselines and sample trajectories, tasks, and sample monthly reports for January to March 2018.
// Everything not in the source article is marked as sample data (isSample / *IsSample).
import { randomBytes } from "node:crypto";
import Decimal from "decimal.js";
import type { Db, Tx } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { audit, SYSTEM_ACTOR } from "@/lib/audit/record";
import { trajectory, shareByMonth } from "@/lib/indicators/trajectory";
import { recordInitial } from "@/lib/plans/history/versioning";
import { DEFAULT_RULES } from "@/lib/status";
import type { Role, TaskStatus } from "@/generated/prisma/enums";
import { CAMPAIGNS, DEPARTMENTS, INDICATORS, PLAN, USERS, type TaskSeed } from "./shendang-2018";

/** The demo's "today": March reports are due by 5 April, so some are late. */
export const DEMO_TODAY = "2018-04-10";

const ROLE: Record<(typeof USERS)[number]["role"], Role> = {
  admin: "ADMIN",
  leader: "LEADER",
  lead: "LEAD",
  staff: "STAFF",
  viewer: "VIEWER",
};

/** How each campaign's sample figures run against plan (1 = on plan); chosen so the board shows every colour. */
const PACE: Record<number, number> = { 1: 1.02, 2: 1.05, 3: 0.97, 4: 0.93, 5: 1.0, 6: 0.86, 7: 0.95, 8: 1.03, 9: 0.8, 10: 0.99 };
/** March: which campaigns have reported, and how far their report got. The rest are late. */
const MARCH: Record<number, "APPROVED" | "SUBMITTED"> = {
  2: "APPROVED",
  4: "APPROVED",
  6: "APPROVED",
  9: "APPROVED",
  5: "SUBMITTED",
  8: "SUBMITTED",
  10: "SUBMITTED",
};
const SAMPLE_MONTHS = [1, 2, 3];

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const at = (year: number, month: number, dayOfMonth: number, hour = 9) => new Date(Date.UTC(year, month - 1, dayOfMonth, hour - 8));

/** Counts are whole numbers; money, areas, rates and concentrations keep two decimals. */
const COUNT_UNITS = new Set(["头", "天", "家", "批次", "个", "户", "起", "件", "人", "次", "宗", "处", "座", "村", "条"]);
export const decimalsFor = (unit: string) => (COUNT_UNITS.has(unit) ? 0 : 2);

/** A small deterministic wiggle in [-0.02, 0.02] so sample figures do not look ruled. */
function wiggle(seed: string): number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return ((h >>> 0) % 401) / 10000 - 0.02;
}

function sampleActual(planned: string, lowerIsBetter: boolean, pace: number, seed: string, decimals: number, unit: string): string {
  const factor = pace + wiggle(seed);
  const value = lowerIsBetter ? new Decimal(planned).div(factor) : new Decimal(planned).times(factor);
  // A rate stays a rate: never above 100%.
  const capped = unit === "%" ? Decimal.min(value, 100) : value;
  return capped.toDecimalPlaces(decimals).toFixed();
}

function taskPercent(task: { start: string; due: string }, asOf: Date, pace: number): number {
  const start = day(task.start).getTime();
  const due = day(task.due).getTime();
  const elapsed = Math.min(1, Math.max(0, (asOf.getTime() - start) / Math.max(1, due - start)));
  return Math.max(0, Math.min(100, Math.round(elapsed * 100 * pace)));
}

const statusOf = (percent: number): TaskStatus => (percent >= 100 ? "DONE" : percent > 0 ? "IN_PROGRESS" : "NOT_STARTED");

export interface DemoResult {
  password: string;
  usernames: string[];
  planId: string;
}

export async function loadDemo(prisma: Db, options: { password?: string } = {}): Promise<DemoResult> {
  const password = options.password ?? `Duban-${randomBytes(6).toString("base64url")}`;
  const passwordHash = await hashPassword(password);
  // One long transaction: a half-loaded demo would be worse than none.
  return prisma.$transaction((tx) => load(tx, password, passwordHash), { timeout: 120_000, maxWait: 20_000 });
}

async function load(tx: Tx, password: string, passwordHash: string): Promise<DemoResult> {
  const county = await tx.organization.create({ data: { kind: "COUNTY", code: "haiyan", name: "海盐县", nameEn: "Haiyan County" } });
  const town = await tx.organization.create({
    data: { kind: "TOWN", code: "shendang", name: "沈荡镇", nameEn: "Shendang Town", parentId: county.id },
  });

  await tx.department.createMany({ data: DEPARTMENTS.map((name) => ({ orgId: town.id, name })) });
  const departments = new Map((await tx.department.findMany({ where: { orgId: town.id } })).map((d) => [d.name, d.id]));
  const departmentId = (name: string) => {
    const id = departments.get(name);
    if (!id) throw new Error(`Unknown department ${name}`);
    return id;
  };

  const people = [
    ...USERS.map((u) => ({ ...u, orgId: town.id })),
    { key: "county", username: "county", name: "海盐县督查室", role: "leader" as const, title: "县委督查室", orgId: county.id, department: undefined },
  ];
  const userIds = new Map<string, string>();
  for (const u of people) {
    const user = await tx.user.create({
      data: {
        username: u.username.toLowerCase(),
        name: u.name,
        title: u.title,
        isPrincipal: "principal" in u && !!u.principal,
        passwordHash,
        orgId: u.orgId,
        departmentId: u.department && u.orgId === town.id ? departmentId(u.department) : undefined,
        roles: { create: { role: ROLE[u.role], orgId: u.orgId } },
      },
    });
    userIds.set(u.key, user.id);
  }
  const userId = (key: string) => {
    const id = userIds.get(key);
    if (!id) throw new Error(`Unknown user key ${key}`);
    return id;
  };
  const staffId = userId(USERS.find((u) => u.role === "staff")?.key ?? "");
  // The principal leader (张伟) approved the sample reports: he reviews every campaign's.
  const reviewerId = userId(USERS.find((u) => u.principal)?.key ?? "");

  const plan = await tx.plan.create({
    data: {
      orgId: town.id,
      year: PLAN.year,
      baselineYear: PLAN.baselineYear,
      title: PLAN.title,
      titleEn: PLAN.titleEn,
      summary: PLAN.summary,
      goals: PLAN.goals,
      rules: PLAN.rules,
      lightRules: DEFAULT_RULES as object,
      isSample: true,
    },
  });
  await recordInitial(tx, plan.id, { plan: true }, { reportDueDay: plan.reportDueDay, escalateAfterDays: plan.escalateAfterDays, rules: DEFAULT_RULES }, null);

  const campaignIds = new Map<number, string>();
  for (const c of CAMPAIGNS) {
    const campaign = await tx.campaign.create({
      data: {
        planId: plan.id,
        number: c.number,
        name: c.name,
        nameEn: c.nameEn,
        description: c.description,
        leadingOfficialId: userId(c.leadingOfficialKey),
        leadDepartmentId: departmentId(c.leadDepartment),
        cooperating: { create: c.cooperatingDepartments.map((d) => ({ departmentId: departmentId(d) })) },
        leads: { create: c.leadUserKeys.map((k) => ({ userId: userId(k) })) },
        startDate: day(c.start),
        endDate: day(c.end),
        isSample: true,
      },
    });
    campaignIds.set(c.number, campaign.id);
  }

  // Indicators and their trajectories.
  const indicators: { id: string; seed: (typeof INDICATORS)[number]; planned: string[]; decimals: number }[] = [];
  for (const [i, s] of INDICATORS.entries()) {
    const decimals = decimalsFor(s.unit);
    const planned = trajectory(s.accumulation, s.baseline, s.target, "even", decimals);
    const indicator = await tx.indicator.create({
      data: {
        planId: plan.id,
        campaignId: s.campaignNumber === null ? null : campaignIds.get(s.campaignNumber),
        key: s.key,
        name: s.name,
        nameEn: s.nameEn,
        unit: s.unit,
        decimals,
        baselineValue: s.baseline,
        baselineIsSample: s.baselineIsSample,
        baselineNote: s.baselineNote,
        targetValue: s.target,
        targetIsSample: true,
        direction: s.direction,
        accumulation: s.accumulation,
        dataSource: s.dataSource,
        sortOrder: i,
        trajectory: { create: planned.map((plannedValue, m) => ({ month: m + 1, plannedValue })) },
      },
    });
    await recordInitial(tx, plan.id, { indicatorId: indicator.id }, { target: s.target, planned }, null);
    // 2017 month by month (for 同比): sample figures, ending at the real 2017 figure in December.
    await tx.baselineMonth.createMany({
      data: baselineSeries(s, decimals).map((value, m) => ({ indicatorId: indicator.id, month: m + 1, value, isSample: true })),
    });
    indicators.push({ id: indicator.id, seed: s, planned, decimals });
  }

  // Tasks, one level of nesting.
  const tasks: { id: string; seed: TaskSeed; campaign: number }[] = [];
  for (const c of CAMPAIGNS) {
    const campaignId = campaignIds.get(c.number) ?? "";
    for (const [i, t] of c.tasks.entries()) {
      const parent = await tx.task.create({ data: taskData(campaignId, t, i, userId) });
      await recordInitial(tx, plan.id, { taskId: parent.id }, taskPlan(t), null);
      tasks.push({ id: parent.id, seed: t, campaign: c.number });
      for (const [j, child] of (t.children ?? []).entries()) {
        const created = await tx.task.create({ data: { ...taskData(campaignId, child, j, userId), parentId: parent.id } });
        await recordInitial(tx, plan.id, { taskId: created.id }, taskPlan(child), null);
        tasks.push({ id: created.id, seed: child, campaign: c.number });
      }
    }
  }

  // Sample monthly reports: January and February approved for all; March for some (the rest are late).
  for (const c of CAMPAIGNS) {
    const campaignId = campaignIds.get(c.number) ?? "";
    const pace = PACE[c.number] ?? 1;
    const leadId = userId(c.leadUserKeys[0] ?? "");
    for (const month of SAMPLE_MONTHS) {
      const state = month < 3 ? "APPROVED" : MARCH[c.number];
      if (!state) continue;
      const submittedAt = at(PLAN.year, month + 1, 3);
      const reviewedAt = state === "APPROVED" ? at(PLAN.year, month + 1, 6, 15) : null;
      const report = await tx.progressReport.create({
        data: {
          campaignId,
          year: PLAN.year,
          month,
          status: state,
          progressText: `【示例】${month}月，${c.name}按计划推进，完成阶段性任务。`,
          problemsText: pace < 0.9 ? "【示例】进度滞后于计划，部分项目要素保障不足。" : "【示例】暂无突出问题。",
          nextStepsText: `【示例】${month + 1}月继续倒排计划、挂图作战，确保节点按期完成。`,
          createdById: leadId,
          createdAt: submittedAt,
          submittedAt,
          submittedById: leadId,
          reviewedAt,
          reviewedById: reviewedAt ? reviewerId : null,
          isSample: true,
        },
      });
      for (const ind of indicators.filter((x) => x.seed.campaignNumber === c.number)) {
        await tx.indicatorValue.create({
          data: {
            indicatorId: ind.id,
            reportId: report.id,
            month,
            value: sampleActual(
              ind.planned[month - 1] ?? "0",
              ind.seed.direction === "LOWER_BETTER",
              pace,
              `${ind.seed.key}:${month}`,
              ind.decimals,
              ind.seed.unit,
            ),
            reportedById: leadId,
            reportedAt: submittedAt,
          },
        });
      }
      const monthEnd = at(PLAN.year, month + 1, 1, 8);
      const updates = tasks
        .filter((t) => t.campaign === c.number)
        .map((t) => {
          const percentDone = taskPercent(t.seed, monthEnd, pace);
          return { taskId: t.id, reportId: report.id, month, percentDone, status: statusOf(percentDone), reportedById: leadId, reportedAt: submittedAt };
        });
      await tx.taskUpdate.createMany({ data: updates });
      for (const u of updates) await tx.task.update({ where: { id: u.taskId }, data: { percentDone: u.percentDone, status: u.status } });
      // The demo's finished tasks were confirmed (销号) by their leader with the report that first said so.
      await tx.task.updateMany({
        where: { id: { in: updates.filter((u) => u.status === "DONE").map((u) => u.taskId) }, closure: { not: "CLOSED" } },
        data: { closure: "CLOSED", closedAt: submittedAt },
      });
      if (pace < 0.9 && state === "APPROVED") {
        await tx.comment.create({
          data: {
            campaignId,
            reportId: report.id,
            authorId: reviewerId,
            body: "【示例批示】进度明显滞后，请牵头单位倒排时间节点，下月例会专题汇报。",
            createdAt: reviewedAt ?? submittedAt,
          },
        });
      }
    }
  }

  // Plan-wide indicators (工业总产值 …) are entered by office staff from the statistics office.
  for (const ind of indicators.filter((x) => x.seed.campaignNumber === null)) {
    for (const month of SAMPLE_MONTHS) {
      await tx.indicatorValue.create({
        data: {
          indicatorId: ind.id,
          month,
          value: sampleActual(ind.planned[month - 1] ?? "0", ind.seed.direction === "LOWER_BETTER", 1, `${ind.seed.key}:${month}`, ind.decimals, ind.seed.unit),
          reportedById: staffId,
          reportedAt: at(PLAN.year, month + 1, 8),
          note: "【示例】镇统计站月报",
        },
      });
    }
  }

  await audit(tx, {
    actor: SYSTEM_ACTOR,
    action: "demo.load",
    entityType: "Plan",
    entityId: plan.id,
    orgId: town.id,
    newValues: { title: plan.title, campaigns: CAMPAIGNS.length, indicators: INDICATORS.length, tasks: tasks.length },
  });

  return { password, usernames: people.map((p) => p.username.toLowerCase()), planId: plan.id };
}

const taskPlan = (t: Omit<TaskSeed, "children">) => ({ startDate: t.start, dueDate: t.due, weight: String(t.weight) });

/**
 * Sample 2017 figures for each month, so the demo can show 同比. A year-to-date figure climbs
 * (a little unevenly) to the real 2017 total in December; a standing figure wavers around its
 * 2017 level and ends on it. Marked as sample data wherever shown.
 */
export function baselineSeries(s: (typeof INDICATORS)[number], decimals: number): string[] {
  const end = new Decimal(s.baseline);
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    if (month === 12) return end.toFixed();
    const factor = 1 + wiggle(`${s.key}:2017:${month}`);
    const value = s.accumulation === "CUMULATIVE" ? end.times(shareByMonth(month)).times(factor) : end.times(factor);
    return (s.unit === "%" ? Decimal.min(value, 100) : value).toDecimalPlaces(decimals).toFixed();
  });
}

function taskData(campaignId: string, t: Omit<TaskSeed, "children">, sortOrder: number, userId: (k: string) => string) {
  return {
    campaignId,
    key: t.key,
    title: t.title,
    ownerId: userId(t.ownerKey),
    startDate: day(t.start),
    dueDate: day(t.due),
    weight: t.weight,
    isSample: true,
    sortOrder,
  };
}
