// Test support (used by the *.test.ts files beside it): the Shendang 2018 plan written as a
// workbook the way office staff would fill the template, straight from the seed data
// (prisma/seed/shendang-2018.ts) with exceljs, not through write.ts; and a town with the seed's
// departments and people but no plan, to import into.
import ExcelJS from "exceljs";
import type { Db } from "@/lib/db";
import { CAMPAIGNS, DEPARTMENTS, INDICATORS, PLAN, USERS, type TaskSeed } from "@/prisma/seed/shendang-2018";
import { COLUMNS, SHEET, type SheetId } from "./format";

/** A cell as typed: text, a number, a date, or a formula with the result Excel saved. */
export type Cell = string | number | Date | { formula: string; result: number } | null;
/** Rows of a sheet, each by header: { 序号: 1, 战役名称: "…" }. */
export type Book = Record<SheetId, Record<string, Cell>[]>;

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const nameOf = (key: string) => USERS.find((u) => u.key === key)?.name ?? key;
const usernameOf = (key: string) => USERS.find((u) => u.key === key)?.username ?? key;

function taskRows(campaign: number, tasks: TaskSeed[]): Record<string, Cell>[] {
  const row = (t: Omit<TaskSeed, "children">, parent: string | null) => ({
    所属战役序号: campaign,
    任务编号: t.key,
    上级任务编号: parent,
    任务名称: t.title,
    // Owners by name, leads (on 战役) by username: the import takes either.
    责任人: nameOf(t.ownerKey),
    开始日期: day(t.start),
    截止日期: t.due,
    权重: t.weight,
  });
  return tasks.flatMap((t) => [row(t, null), ...(t.children ?? []).map((c) => row(c, t.key))]);
}

/** The whole Shendang plan: 1 plan row, 10 campaigns, 40 indicators and their tasks. */
export function shendangBook(title: string = PLAN.title): Book {
  return {
    plan: [{ 年度: PLAN.year, 基数年份: PLAN.baselineYear, 计划名称: title, 目标: PLAN.goals.join("\n"), 工作要求: PLAN.rules.join("\n"), 报送截止日: 5, 催办升级天数: 3 }],
    campaigns: CAMPAIGNS.map((c) => ({
      序号: c.number,
      战役名称: c.name,
      英文名称: c.nameEn,
      牵头单位: c.leadDepartment,
      配合单位: c.cooperatingDepartments.join("、"),
      分管领导: nameOf(c.leadingOfficialKey),
      责任人: c.leadUserKeys.map(usernameOf).join("、"),
      开始日期: day(c.start),
      结束日期: c.end,
      说明: c.description,
    })),
    // 小数位 left empty: the import takes it from the unit, as the seed does.
    indicators: INDICATORS.map((i) => ({
      所属战役序号: i.campaignNumber,
      指标名称: i.name,
      单位: i.unit,
      方向: i.direction === "HIGHER_BETTER" ? "越高越好" : "越低越好",
      类型: i.accumulation === "CUMULATIVE" ? "累计" : "存量",
      基数: Number(i.baseline),
      基数为示例: i.baselineIsSample ? "是" : "否",
      基数说明: i.baselineNote ?? null,
      目标: Number(i.target),
      进度分配: "平均",
      数据来源: i.dataSource,
    })),
    tasks: CAMPAIGNS.flatMap((c) => taskRows(c.number, c.tasks)),
  };
}

/** The book as an xlsx file with the template's sheets and columns (in the template's order). */
export async function bookToXlsx(book: Book): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const id of ["plan", "campaigns", "indicators", "tasks"] as const) {
    const ws = workbook.addWorksheet(SHEET[id]);
    const headers = COLUMNS[id].map((c) => c.header);
    ws.addRow(headers);
    for (const row of book[id]) ws.addRow(headers.map((h) => row[h] ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The seed's town, departments and people (every role), with no plan. */
export async function createTown(prisma: Db): Promise<{ orgId: string }> {
  const county = await prisma.organization.create({ data: { kind: "COUNTY", code: "haiyan", name: "海盐县" } });
  const town = await prisma.organization.create({ data: { kind: "TOWN", code: "shendang", name: "沈荡镇", parentId: county.id } });
  await prisma.department.createMany({ data: DEPARTMENTS.map((name) => ({ orgId: town.id, name })) });
  for (const u of USERS) {
    await prisma.user.create({
      data: {
        username: u.username,
        name: u.name,
        passwordHash: "not-used-in-these-tests",
        orgId: town.id,
        roles: { create: { role: u.role.toUpperCase() as "ADMIN", orgId: town.id } },
      },
    });
  }
  return { orgId: town.id };
}
