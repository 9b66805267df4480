// The confirmation page's data: what rolling this plan forward would create, computed by the
// same code as the roll itself. Null when the user may not roll the plan.
import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { defaultRolloverTitle, planRollover } from "./rollover";
import { loadRolloverSource } from "./source";

export async function getRolloverPreview(user: SessionUser, planId: string) {
  const source = await loadRolloverSource(db(), user, planId);
  if (!source) return null;
  const title = defaultRolloverTitle(source.title, source.year);
  const rows = planRollover(source, { title, carryUnfinishedTasks: true });
  const nextYearPlans = await db().plan.findMany({
    where: { orgId: source.orgId, year: source.year + 1 },
    orderBy: { title: "asc" },
    select: { id: true, title: true },
  });
  return {
    source: { id: source.id, version: source.version, title: source.title, titleEn: source.titleEn, year: source.year },
    year: source.year + 1,
    defaultTitle: title,
    campaigns: source.campaigns.map((c) => ({ number: c.number, name: c.name, nameEn: c.nameEn })),
    baselines: rows.baselines,
    unfinishedTasks: rows.carriedTasks,
    nextYearPlans,
  };
}

export type RolloverPreview = NonNullable<Awaited<ReturnType<typeof getRolloverPreview>>>;
