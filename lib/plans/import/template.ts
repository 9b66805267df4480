// The blank template (计划导入模板.xlsx): the workbook of format.ts with no rows, one grey example
// row per sheet, and the town's departments and units in its drop-down lists.
import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { importTown, townUnits } from "./context";
import { date } from "./export";
import type { SheetId } from "./format";
import { townLists } from "./lists";
import { writeWorkbook, type SheetRow } from "./write";

/** An illustration only: its first cell becomes 示例 and the import skips it. */
function exampleRows(departments: string[]): Record<SheetId, SheetRow> {
  const department = (i: number, fallback: string) => departments[i] ?? fallback;
  return {
    plan: {
      baselineYear: 2017,
      title: "2018年十大战役",
      goals: "千亩空间、百亿平台、十亿企业\n以亩产论英雄",
      rules: "一把手亲自抓，分管负责人全力抓\n责任到人",
      reportDueDay: 5,
      escalateAfterDays: 3,
    },
    campaigns: {
      name: "精准招商持久战",
      nameEn: "Long-haul precision investment attraction",
      leadDepartment: department(0, "招商服务中心"),
      cooperating: [department(1, "经济发展办"), department(2, "财政所")].join("、"),
      leadingOfficial: "张伟",
      leads: "吴刚、赵敏",
      startDate: date("2018-01-01"),
      endDate: date("2018-12-31"),
      description: "坚持“以亩产论英雄”，聚焦重点产业精准招商。",
    },
    indicators: {
      name: "拜访企业",
      unit: "家",
      decimals: 0,
      direction: "越高越好",
      accumulation: "累计",
      baseline: 99,
      baselineIsSample: "否",
      baselineNote: "2017年实绩",
      target: 120,
      distribution: "平均",
      dataSource: "招商服务中心",
    },
    tasks: {
      key: "c6-map",
      title: "编制产业招商地图和目标企业清单",
      owner: "吴刚",
      startDate: date("2018-01-08"),
      dueDate: date("2018-03-31"),
      weight: 4,
    },
  };
}

/** The blank template with the town's departments and units in its lists; null when the user may not import. */
export async function templateWorkbook(user: SessionUser): Promise<Buffer | null> {
  const town = await importTown(db(), user);
  if (!town) return null;
  const departments = (await db().department.findMany({ where: { orgId: town.id }, orderBy: { name: "asc" }, select: { name: true } })).map((d) => d.name);
  return writeWorkbook({
    rows: { plan: [], campaigns: [], indicators: [], tasks: [] },
    examples: exampleRows(departments),
    lists: townLists(departments, await townUnits(db(), town.id)),
  });
}
