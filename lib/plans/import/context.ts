// The database side of an import or export: the town's departments and people, and the plan in
// the shapes of model.ts. Permission is part of the query: an import goes into the user's own town
// and needs an ADMIN or STAFF role held there; an export, a plan the user keeps (lib/auth/scope).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/roles";
import { keepablePlans } from "@/lib/auth/scope";
import type { Db, Tx } from "@/lib/db";
import { ID_KEY_PREFIX } from "./format";
import { canonDecimal, type ExistingPlan, type ImportContext } from "./model";

type Client = Db | Tx;

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

const planInclude = {
  campaigns: {
    orderBy: { number: "asc" },
    include: { cooperating: { select: { departmentId: true } }, leads: { select: { userId: true } } },
  },
  indicators: {
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    include: { campaign: { select: { number: true } }, trajectory: { orderBy: { month: "asc" } } },
  },
} satisfies Prisma.PlanInclude;

/** The stored points as twelve month-end values ("" for a month without one), or none. */
function monthly(points: { month: number; plannedValue: { toString(): string } }[]): string[] {
  if (points.length === 0) return [];
  return Array.from({ length: 12 }, (_, m) => {
    const point = points.find((p) => p.month === m + 1);
    return point ? canonDecimal(point.plannedValue.toString()) : "";
  });
}

async function existingPlan(client: Client, where: Prisma.PlanWhereInput): Promise<ExistingPlan | null> {
  const plan = await client.plan.findFirst({ where, include: planInclude });
  if (!plan) return null;
  const tasks = await client.task.findMany({
    where: { campaign: { planId: plan.id } },
    orderBy: [{ sortOrder: "asc" }, { dueDate: "asc" }, { id: "asc" }],
    include: { campaign: { select: { number: true } } },
  });
  const taskKey = (t: { id: string; key: string | null }) => t.key ?? `${ID_KEY_PREFIX}${t.id}`;
  const keyById = new Map(tasks.map((t) => [t.id, taskKey(t)]));
  return {
    id: plan.id,
    version: plan.version,
    year: plan.year,
    baselineYear: plan.baselineYear,
    title: plan.title,
    goals: plan.goals,
    rules: plan.rules,
    reportDueDay: plan.reportDueDay,
    escalateAfterDays: plan.escalateAfterDays,
    campaigns: plan.campaigns.map((c) => ({
      id: c.id,
      version: c.version,
      number: c.number,
      name: c.name,
      nameEn: c.nameEn,
      description: c.description,
      leadDepartmentId: c.leadDepartmentId,
      cooperatingDepartmentIds: c.cooperating.map((d) => d.departmentId).sort(),
      leadingOfficialId: c.leadingOfficialId,
      leadUserIds: c.leads.map((l) => l.userId).sort(),
      startDate: day(c.startDate),
      endDate: day(c.endDate),
    })),
    indicators: plan.indicators.map((i) => ({
      id: i.id,
      version: i.version,
      key: i.key,
      sortOrder: i.sortOrder,
      campaignNumber: i.campaign?.number ?? null,
      name: i.name,
      unit: i.unit,
      decimals: i.decimals,
      direction: i.direction,
      accumulation: i.accumulation,
      baseline: i.baselineValue === null ? null : canonDecimal(i.baselineValue.toString()),
      baselineIsSample: i.baselineIsSample,
      baselineNote: i.baselineNote,
      target: i.targetValue === null ? null : canonDecimal(i.targetValue.toString()),
      dataSource: i.dataSource,
      trajectory: monthly(i.trajectory),
    })),
    tasks: tasks.map((t) => ({
      id: t.id,
      version: t.version,
      sortOrder: t.sortOrder,
      campaignNumber: t.campaign.number,
      key: taskKey(t),
      parentKey: t.parentId ? (keyById.get(t.parentId) ?? null) : null,
      title: t.title,
      ownerId: t.ownerId,
      startDate: day(t.startDate),
      dueDate: day(t.dueDate) ?? "",
      weight: canonDecimal(t.weight.toString()),
    })),
  };
}

async function town(client: Client, orgId: string): Promise<Omit<ImportContext, "plan">> {
  // One query after another: inside a transaction the connection runs one at a time anyway.
  const departments = await client.department.findMany({ where: { orgId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  const users = await client.user.findMany({
    where: { orgId },
    orderBy: { username: "asc" },
    select: { id: true, username: true, name: true, disabled: true, roles: { where: { orgId }, select: { role: true } } },
  });
  return { orgId, departments, people: users.map(({ roles, ...u }) => ({ ...u, roles: roles.map((r) => r.role) })) };
}

/** The town a user may import into: their own, when it is a town and they keep its plans there. */
export async function importTown(client: Client, user: SessionUser): Promise<{ id: string; name: string } | null> {
  return client.organization.findFirst({
    where: { id: user.orgId, kind: "TOWN", roleAssignments: { some: { userId: user.id, role: { in: ["ADMIN", "STAFF"] } } } },
    select: { id: true, name: true },
  });
}

/** Everything an import of the plan `year` + `title` is compared with; null when the user may not import. */
export async function loadImportContext(client: Client, user: SessionUser, plan: { year: number; title: string } | null): Promise<ImportContext | null> {
  const org = await importTown(client, user);
  if (!org) return null;
  return { ...(await town(client, org.id)), plan: plan ? await existingPlan(client, { orgId: org.id, year: plan.year, title: plan.title }) : null };
}

/** A plan to export with its town's departments and people; null when not found or not the user's to keep. */
export async function loadExportContext(client: Client, user: SessionUser, planId: string): Promise<(ImportContext & { plan: ExistingPlan }) | null> {
  const plan = await existingPlan(client, { AND: [{ id: planId }, keepablePlans(user)] });
  if (!plan) return null;
  const { orgId } = await client.plan.findUniqueOrThrow({ where: { id: plan.id }, select: { orgId: true } });
  return { ...(await town(client, orgId)), plan };
}

/** Units the town already uses, for the template's 单位 list. */
export async function townUnits(client: Client, orgId: string): Promise<string[]> {
  const rows = await client.indicator.findMany({ where: { plan: { orgId } }, distinct: ["unit"], select: { unit: true }, orderBy: { unit: "asc" } });
  return rows.map((r) => r.unit);
}
