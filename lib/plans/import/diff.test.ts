import { describe, expect, it } from "vitest";
import { trajectory } from "@/lib/indicators/trajectory";
import { CAMPAIGNS, DEPARTMENTS, INDICATORS, USERS } from "@/prisma/seed/shendang-2018";
import { diffImport, type DryRun } from "./diff";
import type { Role } from "@/generated/prisma/enums";
import type { ExistingPlan, ImportContext, Person } from "./model";
import { readWorkbook } from "./parse";
import { bookToXlsx, shendangBook, type Book } from "@/lib/testing/fixtures/workbooks";
import ExcelJS from "exceljs";
import type { ParsedWorkbook } from "./types";

const departments = DEPARTMENTS.map((name, i) => ({ id: `d${i}`, name }));
const people: Person[] = USERS.map((u) => ({
  id: `u-${u.username}`,
  username: u.username,
  name: u.name,
  disabled: false,
  roles: [u.role.toUpperCase() as Role],
}));
const town = (plan: ExistingPlan | null = null, extraPeople: typeof people = []): ImportContext => ({
  orgId: "town",
  departments,
  people: [...people, ...extraPeople],
  plan,
});
const dept = (name: string) => departments.find((d) => d.name === name)?.id;

async function read(book: Book): Promise<ParsedWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await bookToXlsx(book)).buffer);
  return readWorkbook(workbook);
}

/** The plan as the database would hold it after applying a dry run's changes: ids and version 1. */
function stored(dry: DryRun): ExistingPlan {
  const { plan, campaigns, indicators, tasks } = dry.changes;
  if (!plan) throw new Error("no plan to store");
  return {
    ...plan.values,
    id: "p1",
    version: 1,
    campaigns: campaigns.map((c) => ({ ...c.values, id: `c${c.values.number}`, version: 1 })),
    indicators: indicators.map((i) => ({ ...i.values, id: `i-${i.key}`, version: 1, key: i.key, sortOrder: i.sortOrder })),
    tasks: tasks.map((t) => ({ ...t.values, id: `t-${t.values.key}`, version: 1, sortOrder: t.sortOrder })),
  };
}

const fatesOf = (dry: DryRun, fate: string) => dry.fates.filter((f) => f.fate === fate);

describe("a plan the town does not have yet", () => {
  it("makes every row 新增, resolving departments and people by name or username", async () => {
    const dry = diffImport(await read(shendangBook()), town());
    expect(dry.errors).toEqual([]);
    expect(dry.plan).toEqual({ year: 2018, title: "2018年十大战役", id: null, version: null });
    expect(dry.fates.every((f) => f.fate === "create")).toBe(true);
    expect(dry.counts).toEqual({ create: dry.fates.length, update: 0, unchanged: 0, error: 0 });
    expect(dry.changes.campaigns).toHaveLength(10);
    expect(dry.changes.indicators).toHaveLength(INDICATORS.length);

    const c6 = dry.changes.campaigns.find((c) => c.values.number === 6)?.values;
    expect(c6).toMatchObject({ leadDepartmentId: dept("招商服务中心"), leadingOfficialId: "u-leader", leadUserIds: ["u-lead6"] });
    expect(c6?.cooperatingDepartmentIds).toEqual(["经济发展办", "财政所", "征迁办"].map(dept));
    expect(dry.changes.tasks.find((t) => t.values.key === "c6-incubator-site")?.values).toMatchObject({ parentKey: "c6-incubator", ownerId: "u-lead3" });
  });

  it("gives new indicators unique keys and their order in the file, tasks their order among siblings, and the generated monthly plan", async () => {
    const dry = diffImport(await read(shendangBook()), town());
    const keys = dry.changes.indicators.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(dry.changes.indicators.map((i) => i.sortOrder)).toEqual(INDICATORS.map((_, n) => n));
    const c3 = dry.changes.tasks.filter((t) => t.values.campaignNumber === 3);
    expect(c3.filter((t) => t.values.parentKey === null).map((t) => t.sortOrder)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(c3.filter((t) => t.values.parentKey === "c3-classify").map((t) => t.sortOrder)).toEqual([0, 1, 2]);
    const output = dry.changes.indicators.find((i) => i.values.name === "工业总产值");
    expect(output?.values.trajectory).toEqual(trajectory("CUMULATIVE", "56.58", "65", "even", 2));
    const pm25 = dry.changes.indicators.find((i) => i.values.name === "PM2.5平均浓度");
    expect(pm25?.values).toMatchObject({ accumulation: "LEVEL", direction: "LOWER_BETTER", baseline: "42", target: "38" });
    expect(pm25?.values.trajectory[11]).toBe("38");
  });
});

describe("the same plan already stored", () => {
  it("makes every row 不变 and changes nothing", async () => {
    const workbook = await read(shendangBook());
    const dry = diffImport(workbook, town(stored(diffImport(workbook, town()))));
    expect(dry.errors).toEqual([]);
    expect(fatesOf(dry, "unchanged")).toHaveLength(dry.fates.length);
    expect(dry.changes).toEqual({ plan: null, campaigns: [], indicators: [], tasks: [] });
  });

  it("updates only what differs, naming the fields; adds new rows; leaves rows missing from the file alone", async () => {
    const original = await read(shendangBook());
    const plan = stored(diffImport(original, town()));
    const book = shendangBook();
    Object.assign(book.plan[0] ?? {}, { 报送截止日: 6 });
    Object.assign(book.campaigns[5] ?? {}, { 责任人: "lead6、lead3", 配合单位: "财政所、经济发展办、征迁办" });
    Object.assign(book.indicators[0] ?? {}, { 基数: 56.6, 基数说明: null });
    Object.assign(book.indicators[1] ?? {}, { 进度分配: "前高后低" });
    Object.assign(book.tasks[0] ?? {}, { 截止日期: "2018-03-01" });
    book.tasks.push({ 所属战役序号: 1, 任务编号: "c1-new", 上级任务编号: "c1-plan", 任务名称: "新增的下级任务", 截止日期: "2018-02-20" });
    book.tasks.splice(1, 1);
    const dry = diffImport(await read(book), town(plan));
    expect(dry.errors).toEqual([]);
    expect(fatesOf(dry, "update").map((f) => [f.sheet, f.label, f.changed])).toEqual([
      ["plan", "2018 · 2018年十大战役", ["报送截止日"]],
      ["campaigns", "6 · 精准招商持久战", ["责任人"]],
      ["indicators", "工业总产值", ["基数", "基数说明"]],
      ["indicators", "规上工业产值", ["进度分配"]],
      ["tasks", `1 · c1-plan · ${CAMPAIGNS[0]?.tasks[0]?.title}`, ["截止日期"]],
    ]);
    expect(fatesOf(dry, "create").map((f) => f.label)).toEqual(["1 · c1-new · 新增的下级任务"]);
    expect(dry.changes.tasks.find((t) => t.id === null)).toMatchObject({ sortOrder: 0, values: { parentKey: "c1-plan", weight: "1", ownerId: null } });
    expect(dry.changes.campaigns[0]?.values.leadUserIds).toEqual(["u-lead6", "u-lead3"]);
    expect(dry.fates).toHaveLength(original.lines.length);
    expect(dry.fates.some((f) => f.label.includes("c1-disputes"))).toBe(false);
    expect(dry.changes.tasks.some((t) => t.values.key === "c1-disputes")).toBe(false);
  });

  it("has a fingerprint that moves with anything stored that the dry run saw", async () => {
    const workbook = await read(shendangBook());
    const plan = stored(diffImport(workbook, town()));
    const base = diffImport(workbook, town(plan)).fingerprint;
    expect(diffImport(workbook, town(plan)).fingerprint).toBe(base);
    const bumped = { ...plan, tasks: plan.tasks.map((t, i) => (i === 3 ? { ...t, version: 2 } : t)) };
    expect(diffImport(workbook, town(bumped)).fingerprint).not.toBe(base);
    const newLead = { ...plan, campaigns: plan.campaigns.map((c) => (c.number === 4 ? { ...c, leadUserIds: [...c.leadUserIds, "u-lead1"] } : c)) };
    const moved = diffImport(workbook, town(newLead));
    expect(moved.fingerprint).not.toBe(base);
    expect(fatesOf(moved, "update").map((f) => f.changed)).toEqual([["责任人"]]);
  });
});

describe("references the town does not have", () => {
  it("reports unknown departments and people, ambiguous names and disabled accounts at their cell", async () => {
    const book = shendangBook();
    Object.assign(book.campaigns[0] ?? {}, { 牵头单位: "宣传办", 配合单位: "派出所、文化站" });
    Object.assign(book.campaigns[1] ?? {}, { 分管领导: "王五", 责任人: "lead2、王芳2" });
    Object.assign(book.campaigns[2] ?? {}, { 分管领导: "同名" });
    Object.assign(book.tasks[0] ?? {}, { 责任人: "gone" });
    const extra: Person[] = [
      { id: "u-a", username: "tongming1", name: "同名", disabled: false, roles: ["LEADER"] },
      { id: "u-b", username: "tongming2", name: "同名", disabled: false, roles: ["LEADER"] },
      { id: "u-gone", username: "gone", name: "离职", disabled: true, roles: ["LEAD"] },
    ];
    const dry = diffImport(await read(book), town(null, extra));
    expect(dry.errors).toEqual([
      { sheet: "campaigns", row: 2, column: "牵头单位", letter: "D", key: "unknownDepartment", values: { name: "宣传办" } },
      { sheet: "campaigns", row: 2, column: "配合单位", letter: "E", key: "unknownDepartment", values: { name: "文化站" } },
      { sheet: "campaigns", row: 3, column: "分管领导", letter: "F", key: "unknownPerson", values: { name: "王五" } },
      { sheet: "campaigns", row: 3, column: "责任人", letter: "G", key: "unknownPerson", values: { name: "王芳2" } },
      { sheet: "campaigns", row: 4, column: "分管领导", letter: "F", key: "ambiguousPerson", values: { name: "同名" } },
      { sheet: "tasks", row: 2, column: "责任人", letter: "E", key: "disabledPerson", values: { name: "gone" } },
    ]);
    expect(dry.fates.filter((f) => f.fate === "error").map((f) => [f.sheet, f.row])).toEqual([
      ["campaigns", 2],
      ["campaigns", 3],
      ["campaigns", 4],
      ["tasks", 2],
    ]);
  });

  it("holds the plan forms' rules: officials are leaders, leads are leads, dates in the plan year, the lead department does not cooperate", async () => {
    const book = shendangBook();
    Object.assign(book.campaigns[0] ?? {}, { 分管领导: "lead1", 责任人: "leader2" });
    Object.assign(book.campaigns[1] ?? {}, { 配合单位: "党政办、行政服务中心", 结束日期: "2019-01-31" });
    Object.assign(book.tasks[0] ?? {}, { 开始日期: "2017-12-20" });
    const dry = diffImport(await read(book), town());
    expect(dry.errors).toEqual([
      { sheet: "campaigns", row: 2, column: "分管领导", letter: "F", key: "notLeader", values: { name: "lead1" } },
      { sheet: "campaigns", row: 2, column: "责任人", letter: "G", key: "notLead", values: { name: "leader2" } },
      { sheet: "campaigns", row: 3, column: "配合单位", letter: "E", key: "cooperatingIsLead", values: undefined },
      { sheet: "campaigns", row: 3, column: "结束日期", letter: "I", key: "outsideYear", values: { year: 2018 } },
      { sheet: "tasks", row: 2, column: "开始日期", letter: "F", key: "outsideYear", values: { year: 2018 } },
    ]);
  });

  it("keeps a disabled account where it already is (so an exported plan re-imports unchanged)", async () => {
    const workbook = await read(shendangBook());
    const plan = stored(diffImport(workbook, town()));
    const left = people.map((p) => (p.username === "lead1" ? { ...p, disabled: true } : p));
    const dry = diffImport(workbook, { ...town(plan), people: left });
    expect(dry.errors).toEqual([]);
    expect(fatesOf(dry, "unchanged")).toHaveLength(dry.fates.length);
  });

  it("reports campaigns that exist neither in the file nor in the plan, and nesting beyond one level", async () => {
    const book = shendangBook();
    book.indicators.push({ 所属战役序号: 11, 指标名称: "第十一战役的指标", 单位: "个", 方向: "越高越好", 类型: "累计" });
    book.tasks.push(
      { 所属战役序号: 11, 任务编号: "x", 任务名称: "无此战役", 截止日期: "2018-12-31" },
      { 所属战役序号: 1, 任务编号: "c1-orphan", 上级任务编号: "c1-none", 任务名称: "上级不存在", 截止日期: "2018-12-31" },
      { 所属战役序号: 3, 任务编号: "c3-grandchild", 上级任务编号: "c3-classify-close", 任务名称: "三级任务", 截止日期: "2018-12-31" },
      { 所属战役序号: 3, 任务编号: "c3-self", 上级任务编号: "c3-self", 任务名称: "自己的上级", 截止日期: "2018-12-31" },
    );
    // c3-census gets a parent while c3-extra names it as its own parent: c3-census would be in the middle.
    Object.assign(book.tasks.find((t) => t.任务编号 === "c3-census") ?? {}, { 上级任务编号: "c3-close" });
    book.tasks.push({ 所属战役序号: 3, 任务编号: "c3-extra", 上级任务编号: "c3-census", 任务名称: "挂在下级任务下", 截止日期: "2018-12-31" });
    const dry = diffImport(await read(book), town());
    const last = (n: number) => book.tasks.length + 1 - n;
    const rowOfTask = (key: string) => book.tasks.findIndex((t) => t.任务编号 === key) + 2;
    expect(dry.errors).toEqual([
      { sheet: "indicators", row: INDICATORS.length + 2, column: "所属战役序号", letter: "A", key: "unknownCampaign", values: { number: 11 } },
      // Both ends of a three-level chain are reported: the middle task has a child, the last a parent that is a child.
      { sheet: "tasks", row: rowOfTask("c3-census"), column: "上级任务编号", letter: "C", key: "hasChildren", values: undefined },
      { sheet: "tasks", row: rowOfTask("c3-classify-close"), column: "上级任务编号", letter: "C", key: "hasChildren", values: undefined },
      { sheet: "tasks", row: last(4), column: "所属战役序号", letter: "A", key: "unknownCampaign", values: { number: 11 } },
      { sheet: "tasks", row: last(3), column: "上级任务编号", letter: "C", key: "unknownParent", values: { key: "c1-none" } },
      { sheet: "tasks", row: last(2), column: "上级任务编号", letter: "C", key: "parentIsChild", values: { key: "c3-classify-close" } },
      { sheet: "tasks", row: last(1), column: "上级任务编号", letter: "C", key: "parentSelf", values: undefined },
      { sheet: "tasks", row: last(0), column: "上级任务编号", letter: "C", key: "parentIsChild", values: { key: "c3-census" } },
    ]);
  });
});
