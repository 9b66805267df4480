import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify";
import type { SessionUser } from "@/lib/auth/roles";
import { trajectory } from "@/lib/indicators/trajectory";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { CAMPAIGNS, INDICATORS, PLAN } from "@/prisma/seed/shendang-2018";
import { applyImport } from "./apply";
import { dryRunImport } from "./dry-run";
import { storeImportFile } from "./files";
import { bookToXlsx, createTown, shendangBook, type Book } from "@/lib/testing/fixtures/workbooks";

// lib/env reads DUBAN_FILES_DIR when first imported; vi.hoisted runs before the imports above.
const FILES_DIR = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = await mkdtemp(join(tmpdir(), "duban-plan-import-test-"));
  process.env.DUBAN_FILES_DIR = dir;
  return dir;
});
afterAll(() => rm(FILES_DIR, { recursive: true, force: true }));

const TITLE = "2018年十大战役（导入）";
const taskCount = CAMPAIGNS.reduce((n, c) => n + c.tasks.reduce((m, t) => m + 1 + (t.children?.length ?? 0), 0), 0);

/** Uploads a file and dry-runs it: what the import page does. */
async function upload(user: SessionUser, book: Book) {
  const stored = await storeImportFile(await bookToXlsx(book));
  if (!stored.ok) throw new Error(stored.problem);
  const file = { storageKey: stored.stored.storageKey, sha256: stored.stored.sha256, fileName: "计划.xlsx" };
  const dry = await dryRunImport(user, file);
  return { file, dry };
}

/** The plan with the changes of the update test below. */
function editedBook(): Book {
  const book = shendangBook(TITLE);
  Object.assign(book.campaigns[0] ?? {}, { 责任人: "lead1、lead9" });
  Object.assign(book.indicators.find((i) => i.指标名称 === "工业总产值") ?? {}, { 目标: 66, 进度分配: "前低后高" });
  book.tasks.push({ 所属战役序号: 1, 任务编号: "c1-new", 任务名称: "新增任务", 截止日期: "2018-12-01" });
  return book;
}

async function uploadAndConfirm(user: SessionUser, book: Book) {
  const { file, dry } = await upload(user, book);
  if (!dry.ok) throw new Error(`dry run failed: ${dry.problem}`);
  return { dry: dry.dry, result: await applyImport(user, { ...file, fingerprint: dry.dry.fingerprint }) };
}

describe.each(DB_KINDS)("applying a plan import (%s)", (kind) => {
  const t = useTestDatabase(kind, "empty");
  const counts = async () => ({
    plans: await t.prisma.plan.count(),
    campaigns: await t.prisma.campaign.count(),
    leads: await t.prisma.campaignLead.count(),
    indicators: await t.prisma.indicator.count(),
    points: await t.prisma.trajectoryPoint.count(),
    tasks: await t.prisma.task.count(),
    audit: await t.prisma.auditRecord.count(),
    versions: (await t.prisma.task.aggregate({ _sum: { version: true } }))._sum.version,
  });

  beforeAll(async () => {
    await createTown(t.prisma);
  });

  it.each(["lead1", "leader", "viewer"])("refuses %s: no dry run, no import", async (username) => {
    const staff = await sessionUser("staff");
    const { file, dry } = await upload(staff, shendangBook(TITLE));
    if (!dry.ok) throw new Error(dry.problem);
    const user = await sessionUser(username);
    const before = await counts();
    expect((await upload(user, shendangBook(TITLE))).dry).toEqual({ ok: false, problem: "notAllowed" });
    expect(await applyImport(user, { ...file, fingerprint: dry.dry.fingerprint })).toEqual({ ok: false, error: "notFound" });
    expect(await counts()).toEqual(before);
  });

  it("reports a file with 3 bad rows at their exact row and column, and applies nothing", async () => {
    const staff = await sessionUser("staff");
    const book = shendangBook(TITLE);
    const lss = book.indicators.findIndex((i) => i.指标名称 === "腾退面积");
    Object.assign(book.indicators[lss] ?? {}, { 单位: null });
    Object.assign(book.tasks[4] ?? {}, { 截止日期: "2018-13-01" });
    Object.assign(book.tasks[10] ?? {}, { 上级任务编号: "c2-nope" });
    const before = await counts();
    const { file, dry } = await upload(staff, book);
    if (!dry.ok) throw new Error(dry.problem);
    expect(dry.dry.errors).toEqual([
      { sheet: "indicators", row: lss + 2, column: "单位", letter: "C", key: "required", values: undefined },
      { sheet: "tasks", row: 6, column: "截止日期", letter: "G", key: "notADate", values: undefined },
      { sheet: "tasks", row: 12, column: "上级任务编号", letter: "C", key: "unknownParent", values: { key: "c2-nope" } },
    ]);
    expect(dry.dry.counts).toEqual({ create: 1 + 10 + INDICATORS.length + taskCount - 3, update: 0, unchanged: 0, error: 3 });
    expect(await applyImport(staff, { ...file, fingerprint: dry.dry.fingerprint })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { file: ["planImport.hasErrors"] },
    });
    expect(await counts()).toEqual(before);
  });

  it("imports the Shendang plan into a town without one: a draft with the ten campaigns and the exact 2017 baselines", async () => {
    const staff = await sessionUser("staff");
    const { dry, result } = await uploadAndConfirm(staff, shendangBook(TITLE));
    expect(dry.counts).toEqual({ create: 1 + 10 + INDICATORS.length + taskCount, update: 0, unchanged: 0, error: 0 });
    if (!result.ok || !result.data) throw new Error(`import failed: ${JSON.stringify(result)}`);
    expect(result.data.created).toBe(1 + 10 + INDICATORS.length + taskCount);

    const plan = await t.prisma.plan.findUniqueOrThrow({ where: { id: result.data.planId } });
    expect(plan).toMatchObject({
      title: TITLE,
      year: 2018,
      baselineYear: 2017,
      status: "DRAFT",
      isSample: false,
      goals: PLAN.goals,
      rules: PLAN.rules,
      version: 1,
    });
    const campaigns = await t.prisma.campaign.findMany({
      where: { planId: plan.id },
      orderBy: { number: "asc" },
      include: { leadDepartment: true, leadingOfficial: true, leads: { include: { user: true } }, cooperating: { include: { department: true } } },
    });
    expect(campaigns.map((c) => [c.number, c.name])).toEqual(CAMPAIGNS.map((c) => [c.number, c.name]));
    const c6 = campaigns[5];
    expect([c6?.leadDepartment?.name, c6?.leadingOfficial?.username, c6?.leads.map((l) => l.user.username)]).toEqual(["招商服务中心", "leader", ["lead6"]]);
    expect(c6?.cooperating.map((d) => d.department.name).sort()).toEqual(["征迁办", "经济发展办", "财政所"].sort());

    const indicators = await t.prisma.indicator.findMany({
      where: { planId: plan.id },
      include: { campaign: true, trajectory: { orderBy: { month: "asc" } } },
    });
    expect(indicators).toHaveLength(INDICATORS.length);
    for (const seed of INDICATORS) {
      const i = indicators.find((x) => x.name === seed.name);
      expect(i?.baselineValue?.toString(), seed.name).toBe(seed.baseline);
      expect([i?.baselineIsSample, i?.unit, i?.campaign?.number ?? null], seed.name).toEqual([seed.baselineIsSample, seed.unit, seed.campaignNumber]);
    }
    expect(indicators.filter((i) => !i.baselineIsSample)).toHaveLength(15);
    const output = indicators.find((i) => i.name === "工业总产值");
    expect(output?.trajectory.map((p) => p.plannedValue.toString())).toEqual(trajectory("CUMULATIVE", "56.58", "65", "even", 2));

    const tasks = await t.prisma.task.findMany({ where: { campaign: { planId: plan.id } }, include: { parent: true, owner: true } });
    expect(tasks).toHaveLength(taskCount);
    const child = tasks.find((x) => x.key === "c3-classify-park");
    expect([child?.parent?.key, child?.owner?.username, child?.dueDate.toISOString(), child?.weight.toString(), child?.status]).toEqual([
      "c3-classify",
      "lead3",
      "2018-03-31T00:00:00.000Z",
      "3",
      "NOT_STARTED",
    ]);

    const records = await t.prisma.auditRecord.findMany({ where: { action: "plan.import", entityId: plan.id } });
    expect(records).toHaveLength(1);
    expect(records[0]?.newValues).toMatchObject({
      planCreated: true,
      created: { campaigns: 10, indicators: INDICATORS.length, tasks: taskCount },
      file: { fileName: "计划.xlsx" },
    });
    expect((await verifyAuditChain(t.prisma)).broken).toBeNull();
  });

  it("re-importing the same file: every row 不变, and the confirm writes nothing, not even an audit record", async () => {
    const staff = await sessionUser("staff");
    const before = await counts();
    const { dry, result } = await uploadAndConfirm(staff, shendangBook(TITLE));
    expect(dry.counts).toEqual({ create: 0, update: 0, unchanged: 1 + 10 + INDICATORS.length + taskCount, error: 0 });
    expect(result).toMatchObject({ ok: true, data: { created: 0, updated: 0 } });
    expect(await counts()).toEqual(before);
  });

  it("updates what the file changes (fields, leads, monthly plan), with the old and new values in one audit record", async () => {
    const staff = await sessionUser("staff");
    const { dry, result } = await uploadAndConfirm(staff, editedBook());
    expect(dry.fates.filter((f) => f.fate === "update").map((f) => f.changed)).toEqual([["责任人"], ["目标", "进度分配"]]);
    expect(result).toMatchObject({ ok: true, data: { created: 1, updated: 2 } });

    const plan = await t.prisma.plan.findFirstOrThrow({ where: { title: TITLE } });
    expect(plan.version).toBe(2);
    const c1 = await t.prisma.campaign.findFirstOrThrow({ where: { planId: plan.id, number: 1 }, include: { leads: { include: { user: true } } } });
    expect(c1.leads.map((l) => l.user.username).sort()).toEqual(["lead1", "lead9"]);
    expect(c1.version).toBe(2);
    const indicator = await t.prisma.indicator.findFirstOrThrow({
      where: { planId: plan.id, name: "工业总产值" },
      include: { trajectory: { orderBy: { month: "asc" } } },
    });
    expect(indicator.targetValue?.toString()).toBe("66");
    expect(indicator.trajectory.map((p) => p.plannedValue.toString())).toEqual(trajectory("CUMULATIVE", "56.58", "66", "back", 2));
    const record = await t.prisma.auditRecord.findFirstOrThrow({ where: { action: "plan.import" }, orderBy: { id: "desc" } });
    expect(record.oldValues).toMatchObject({
      version: 1,
      updated: [
        { sheet: "campaigns", fields: { 责任人: expect.any(String) } },
        { sheet: "indicators", row: "工业总产值", fields: { 目标: "65" } },
      ],
    });
    expect(record.newValues).toMatchObject({
      planCreated: false,
      created: { tasks: 1 },
      updated: { campaigns: 1, indicators: 1, tasks: 0 },
      createdRows: [{ sheet: "tasks", row: "1 · c1-new · 新增任务" }],
    });
  });

  it("refuses a confirm when the plan changed since the dry run, and writes nothing", async () => {
    const staff = await sessionUser("staff");
    const book = editedBook();
    Object.assign(book.tasks[0] ?? {}, { 任务名称: "改过的任务名称" });
    const { file, dry } = await upload(staff, book);
    if (!dry.ok) throw new Error(dry.problem);
    expect(dry.dry.counts.update).toBe(1);
    // Meanwhile a lead reports progress on another task of the plan (its version moves).
    const other = await t.prisma.task.findFirstOrThrow({ where: { key: "c5-paper", campaign: { plan: { title: TITLE } } } });
    await t.prisma.task.update({ where: { id: other.id }, data: { percentDone: 20, status: "IN_PROGRESS", version: { increment: 1 } } });
    const before = await counts();
    expect(await applyImport(staff, { ...file, fingerprint: dry.dry.fingerprint })).toMatchObject({ ok: false, error: "conflict" });
    expect(await counts()).toEqual(before);
    expect((await t.prisma.task.findFirstOrThrow({ where: { key: book.tasks[0]?.任务编号 as string, campaign: { plan: { title: TITLE } } } })).title).not.toBe(
      "改过的任务名称",
    );

    // Checked again, it goes through.
    const again = await dryRunImport(staff, file);
    if (!again.ok) throw new Error(again.problem);
    expect(await applyImport(staff, { ...file, fingerprint: again.dry.fingerprint })).toMatchObject({ ok: true, data: { created: 0, updated: 1 } });
  });

  it("reads only its own uploads, and only unchanged", async () => {
    const staff = await sessionUser("staff");
    const { file, dry } = await upload(staff, shendangBook(TITLE));
    if (!dry.ok) throw new Error(dry.problem);
    const confirm = { ...file, fingerprint: dry.dry.fingerprint };
    const gone = { ok: false, error: "invalid", fieldErrors: { file: ["planImport.fileGone"] } };
    expect(await applyImport(staff, { ...confirm, sha256: "0".repeat(64) })).toEqual(gone);
    expect(await applyImport(staff, { ...confirm, storageKey: file.storageKey.replace(/^imports/, "evidence") })).toEqual(gone);
    expect(await applyImport(staff, { ...confirm, storageKey: "imports/../../etc/passwd" })).toEqual(gone);
    expect(await dryRunImport(staff, { ...file, storageKey: file.storageKey.replace(/^imports/, "summaries") })).toEqual({ ok: false, problem: "gone" });
  });
});
