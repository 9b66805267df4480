// The plan as a workbook in the template's format (no example rows). Every value the import
// compares is written, in the form the import reads back to the same value, so exporting a plan
// and importing the file changes nothing.
import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { trajectory } from "@/lib/indicators/trajectory";
import { loadExportContext, townUnits } from "./context";
import { ACCUMULATIONS, DIRECTIONS, DISTRIBUTIONS, labelOf, MONTH_HEADERS, YES_NO, type Distribution, type SheetId } from "./format";
import { townLists } from "./lists";
import { canonDecimal, type ExistingIndicator, type ExistingPlan, type ImportContext } from "./model";
import { personLabel } from "./resolve";
import { writeWorkbook, type CellInput, type SheetRow } from "./write";

const decimal = (value: string | null): CellInput => (value === null ? null : { decimal: value });
export const date = (value: string | null): CellInput => (value === null ? null : { date: value });

/** 平均 / 前高后低 / 前低后高 when the stored plan is exactly what that shape generates, else 逐月填写 (or none). */
export function distributionOf(i: Pick<ExistingIndicator, "trajectory" | "accumulation" | "baseline" | "target" | "decimals">): Distribution | null {
  if (i.trajectory.length === 0) return null;
  const stored = i.trajectory.join("|");
  for (const shape of ["even", "front", "back"] as const) {
    if (i.target !== null && trajectory(i.accumulation, i.baseline, i.target, shape, i.decimals).map(canonDecimal).join("|") === stored) return shape;
  }
  return "monthly";
}

/** Tasks as the sheet lists them: each parent followed by its children, campaign by campaign. */
function treeOrder(tasks: ExistingPlan["tasks"]): ExistingPlan["tasks"] {
  const keyed = (t: (typeof tasks)[number]) => `${t.campaignNumber}\u0000${t.key}`;
  const byCampaign = [...tasks].sort((a, b) => a.campaignNumber - b.campaignNumber);
  const roots = byCampaign.filter((t) => t.parentKey === null || !tasks.some((p) => keyed(p) === `${t.campaignNumber}\u0000${t.parentKey}`));
  return roots.flatMap((root) => [root, ...byCampaign.filter((t) => t !== root && t.campaignNumber === root.campaignNumber && t.parentKey === root.key)]);
}

export function planSheetRows(context: ImportContext & { plan: ExistingPlan }): Record<SheetId, SheetRow[]> {
  const { plan, people } = context;
  const departmentName = (id: string | null) => context.departments.find((d) => d.id === id)?.name ?? null;
  const person = (id: string | null) => personLabel(people, id);
  const joined = (names: (string | null)[]) =>
    names
      .filter((n): n is string => n !== null)
      .sort((a, b) => a.localeCompare(b, "zh-CN"))
      .join("、") || null;

  const indicatorRow = (i: ExistingIndicator): SheetRow => {
    const distribution = distributionOf(i);
    const months = distribution === "monthly" ? i.trajectory : [];
    return {
      campaignNumber: i.campaignNumber,
      name: i.name,
      unit: i.unit,
      decimals: i.decimals,
      direction: labelOf(DIRECTIONS, i.direction),
      accumulation: labelOf(ACCUMULATIONS, i.accumulation),
      baseline: decimal(i.baseline),
      baselineIsSample: labelOf(YES_NO, i.baselineIsSample),
      baselineNote: i.baselineNote,
      target: decimal(i.target),
      distribution: distribution === null ? null : labelOf(DISTRIBUTIONS, distribution),
      ...Object.fromEntries(MONTH_HEADERS.map((_, m) => [`m${m + 1}`, months[m] ? decimal(months[m]) : null])),
      dataSource: i.dataSource,
    };
  };

  return {
    plan: [
      {
        year: plan.year,
        baselineYear: plan.baselineYear,
        title: plan.title,
        goals: plan.goals.join("\n"),
        rules: plan.rules.join("\n"),
        reportDueDay: plan.reportDueDay,
        escalateAfterDays: plan.escalateAfterDays,
      },
    ],
    campaigns: plan.campaigns.map((c) => ({
      number: c.number,
      name: c.name,
      nameEn: c.nameEn,
      leadDepartment: departmentName(c.leadDepartmentId),
      cooperating: joined(c.cooperatingDepartmentIds.map(departmentName)),
      leadingOfficial: person(c.leadingOfficialId),
      leads: joined(c.leadUserIds.map(person)),
      startDate: date(c.startDate),
      endDate: date(c.endDate),
      description: c.description,
    })),
    indicators: plan.indicators.map(indicatorRow),
    tasks: treeOrder(plan.tasks).map((t) => ({
      campaignNumber: t.campaignNumber,
      key: t.key,
      parentKey: t.parentKey,
      title: t.title,
      owner: person(t.ownerId),
      startDate: date(t.startDate),
      dueDate: date(t.dueDate),
      weight: decimal(t.weight),
    })),
  };
}

/** The plan in template format, with its file name; null when not found or not the user's to keep. */
export async function exportPlanWorkbook(user: SessionUser, planId: string): Promise<{ fileName: string; data: Buffer } | null> {
  const context = await loadExportContext(db(), user, planId);
  if (!context) return null;
  const units = await townUnits(db(), context.orgId);
  const data = await writeWorkbook({
    rows: planSheetRows(context),
    lists: townLists(
      context.departments.map((d) => d.name),
      units,
    ),
  });
  return { fileName: `${context.plan.title.replace(/[\\/:*?"<>|]/g, "_")}.xlsx`, data };
}
