import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { visibleCampaigns, visiblePlans } from "@/lib/auth/scope";

/** The plan's year if the user may see it (null otherwise): asked before a page streams, so its 404 comes first. */
export const visiblePlanYear = cache(async (user: SessionUser, planId: string): Promise<number | null> => {
  const plan = await db().plan.findFirst({ where: { id: planId, ...visiblePlans(user) }, select: { year: true } });
  return plan?.year ?? null;
});

export function listPlans(user: SessionUser) {
  return db().plan.findMany({
    where: visiblePlans(user),
    orderBy: [{ year: "desc" }, { title: "asc" }],
    select: {
      id: true,
      year: true,
      baselineYear: true,
      title: true,
      titleEn: true,
      isSample: true,
      status: true,
      org: { select: { name: true, nameEn: true } },
      _count: { select: { campaigns: true } },
    },
  });
}

/** The plan page: the plan, its campaigns with their owners and baseline indicators, and plan-wide indicators. */
export async function getPlanOverview(user: SessionUser, planId: string) {
  const plan = await db().plan.findFirst({
    where: { id: planId, ...visiblePlans(user) },
    include: { org: { select: { name: true, nameEn: true } } },
  });
  if (!plan) return null;
  const [campaigns, planIndicators] = await Promise.all([
    db().campaign.findMany({
      where: { planId, ...visibleCampaigns(user) },
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        name: true,
        nameEn: true,
        isSample: true,
        startDate: true,
        endDate: true,
        leadDepartment: { select: { name: true } },
        leadingOfficial: { select: { name: true, title: true } },
        leads: { select: { user: { select: { id: true, name: true } } } },
        indicators: {
          orderBy: { sortOrder: "asc" },
          select: { id: true, name: true, nameEn: true, unit: true, decimals: true, baselineValue: true, baselineIsSample: true },
        },
        _count: { select: { tasks: true } },
      },
    }),
    db().indicator.findMany({
      where: { planId, campaignId: null },
      orderBy: { sortOrder: "asc" },
      select: {
        id: true,
        name: true,
        nameEn: true,
        unit: true,
        baselineValue: true,
        baselineNote: true,
        baselineIsSample: true,
        targetValue: true,
        targetIsSample: true,
      },
    }),
  ]);
  return { plan, campaigns, planIndicators };
}
