// Loads a plan as planRollover() reads it: campaigns with their people and tasks, and each
// indicator's latest official value. Used by the preview page and, inside its transaction, by the
// roll itself, so both see the same figures.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/roles";
import { rollablePlans } from "@/lib/auth/scope";
import { OFFICIAL_VALUE } from "@/lib/reports/official";
import type { Db, Tx } from "@/lib/db";
import type { RolloverSource, SourceIndicator } from "./rollover";

const indicatorSelect = {
  key: true,
  name: true,
  nameEn: true,
  unit: true,
  decimals: true,
  direction: true,
  accumulation: true,
  allowOutOfRange: true,
  dataSource: true,
  sortOrder: true,
  values: {
    where: OFFICIAL_VALUE,
    orderBy: [{ month: "desc" }, { reportedAt: "desc" }],
    take: 1,
    select: { month: true, value: true, report: { select: { isSample: true } } },
  },
} satisfies Prisma.IndicatorSelect;

type LoadedIndicator = Prisma.IndicatorGetPayload<{ select: typeof indicatorSelect }>;

function toSourceIndicator({ values, ...i }: LoadedIndicator): SourceIndicator {
  const v = values[0];
  return { ...i, latest: v ? { month: v.month, value: v.value.toString(), isSample: v.report?.isSample ?? false } : null };
}

export type LoadedSource = RolloverSource & { id: string; version: number };

export async function loadRolloverSource(client: Db | Tx, user: SessionUser, planId: string): Promise<LoadedSource | null> {
  const plan = await client.plan.findFirst({
    where: { AND: [{ id: planId }, rollablePlans(user)] },
    include: {
      indicators: { where: { campaignId: null }, orderBy: { sortOrder: "asc" }, select: indicatorSelect },
      campaigns: {
        orderBy: { number: "asc" },
        include: {
          leadingOfficial: { select: { disabled: true } },
          reviewer: { select: { disabled: true } },
          cooperating: { select: { departmentId: true } },
          // A disabled account no longer leads anything, so it is not carried into the new year.
          leads: { where: { user: { disabled: false } }, select: { userId: true } },
          indicators: { orderBy: { sortOrder: "asc" }, select: indicatorSelect },
          tasks: { orderBy: [{ sortOrder: "asc" }, { dueDate: "asc" }], include: { owner: { select: { disabled: true } } } },
        },
      },
    },
  });
  if (!plan) return null;
  return {
    id: plan.id,
    version: plan.version,
    orgId: plan.orgId,
    year: plan.year,
    title: plan.title,
    titleEn: plan.titleEn,
    goals: plan.goals,
    rules: plan.rules,
    reportDueDay: plan.reportDueDay,
    escalateAfterDays: plan.escalateAfterDays,
    preReview: plan.preReview,
    isSample: plan.isSample,
    indicators: plan.indicators.map(toSourceIndicator),
    campaigns: plan.campaigns.map((c) => ({
      number: c.number,
      name: c.name,
      nameEn: c.nameEn,
      description: c.description,
      leadingOfficialId: c.leadingOfficial && !c.leadingOfficial.disabled ? c.leadingOfficialId : null,
      reviewerId: c.reviewer && !c.reviewer.disabled ? c.reviewerId : null,
      leadDepartmentId: c.leadDepartmentId,
      cooperatingDepartmentIds: c.cooperating.map((d) => d.departmentId),
      leadUserIds: c.leads.map((l) => l.userId),
      startDate: c.startDate,
      endDate: c.endDate,
      isSample: c.isSample,
      indicators: c.indicators.map(toSourceIndicator),
      tasks: c.tasks.map((t) => ({
        id: t.id,
        parentId: t.parentId,
        key: t.key,
        title: t.title,
        ownerId: t.owner && !t.owner.disabled ? t.ownerId : null,
        dueDate: t.dueDate,
        weight: t.weight.toString(),
        status: t.status,
        percentDone: t.percentDone,
        isSample: t.isSample,
        sortOrder: t.sortOrder,
      })),
    })),
  };
}
