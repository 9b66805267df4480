import { rm } from "node:fs/promises";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { INDICATORS } from "@/prisma/seed/shendang-2018";
import { applyImport } from "./apply";
import { loadImportContext } from "./context";
import { diffImport, type DryRun } from "./diff";
import { exportPlanWorkbook } from "./export";
import { templateWorkbook } from "./template";
import { storeImportFile } from "./files";
import { parseWorkbook } from "./parse";

const FILES_DIR = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = await mkdtemp(join(tmpdir(), "duban-plan-roundtrip-test-"));
  process.env.DUBAN_FILES_DIR = dir;
  return dir;
});
afterAll(() => rm(FILES_DIR, { recursive: true, force: true }));

describe.each(DB_KINDS)("export → import of a stored plan (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");
  let planId: string;

  beforeAll(async () => {
    planId = t.demo.planId;
  });

  async function exportAndDiff(): Promise<{ data: Buffer; dry: DryRun }> {
    const staff = await sessionUser("staff");
    const exported = await exportPlanWorkbook(staff, planId);
    if (!exported) throw new Error("not exported");
    const parsed = await parseWorkbook(exported.data);
    if (!parsed.ok) throw new Error(parsed.problem);
    const context = await loadImportContext(t.prisma, staff, parsed.workbook.plan);
    if (!context) throw new Error("no context");
    return { data: exported.data, dry: diffImport(parsed.workbook, context) };
  }

  it("exports the demo plan in the template format, under its title, without example rows", async () => {
    const exported = await exportPlanWorkbook(await sessionUser("staff"), planId);
    expect(exported?.fileName).toBe("2018年十大战役.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(exported?.data ?? Buffer.alloc(0)).buffer);
    const indicators = workbook.getWorksheet("指标");
    expect(indicators?.rowCount).toBe(1 + INDICATORS.length);
    expect(indicators?.getCell("A2").value).toBeNull();
    expect([indicators?.getCell("B2").value, indicators?.getCell("G2").value, indicators?.getCell("K2").value]).toEqual(["工业总产值", 56.58, "平均"]);
    expect(workbook.getWorksheet("战役")?.getCell("F2").value).toBe("刘洋");
  });

  it("re-imports as every row 不变, and the confirm writes nothing", async () => {
    const { data, dry } = await exportAndDiff();
    expect(dry.errors).toEqual([]);
    expect(dry.fates.filter((f) => f.fate !== "unchanged")).toEqual([]);
    expect(dry.fates.length).toBeGreaterThan(100);

    const staff = await sessionUser("staff");
    const stored = await storeImportFile(data);
    if (!stored.ok) throw new Error(stored.problem);
    const audits = await t.prisma.auditRecord.count();
    const version = (await t.prisma.plan.findUniqueOrThrow({ where: { id: planId } })).version;
    const result = await applyImport(staff, {
      storageKey: stored.stored.storageKey,
      sha256: stored.stored.sha256,
      fingerprint: dry.fingerprint,
      fileName: "x.xlsx",
    });
    expect(result).toEqual({ ok: true, data: { planId, created: 0, updated: 0 } });
    expect(await t.prisma.auditRecord.count()).toBe(audits);
    expect((await t.prisma.plan.findUniqueOrThrow({ where: { id: planId } })).version).toBe(version);
  });

  it("round-trips what no template shape makes: a month-by-month plan, no target, a task without a key, a lead who has left, names that need the username", async () => {
    const bumpy = await t.prisma.indicator.findFirstOrThrow({ where: { planId, name: "拜访企业" } });
    await t.prisma.trajectoryPoint.update({ where: { indicatorId_month: { indicatorId: bumpy.id, month: 3 } }, data: { plannedValue: "33" } });
    const open = await t.prisma.indicator.findFirstOrThrow({ where: { planId, name: "签约项目" } });
    await t.prisma.indicator.update({ where: { id: open.id }, data: { targetValue: null, trajectory: { deleteMany: {} } } });
    const keyless = await t.prisma.task.findFirstOrThrow({ where: { key: "c7-survey" } });
    await t.prisma.task.update({ where: { id: keyless.id }, data: { key: null } });
    await t.prisma.task.updateMany({ where: { parentId: null, key: "c3-classify" }, data: { key: null } });
    await t.prisma.user.update({ where: { username: "lead9" }, data: { disabled: true } });
    // Leads added the way the browser tests add them: a name with a space, and a name someone else has.
    const town = await t.prisma.organization.findUniqueOrThrow({ where: { code: "shendang" } });
    const c4 = await t.prisma.campaign.findFirstOrThrow({ where: { planId, number: 4 } });
    for (const { username, name } of [
      { username: "lead_x1", name: "测试用户 lead_x1" },
      { username: "lead_x2", name: "陈静" },
    ]) {
      await t.prisma.user.create({
        data: {
          username,
          name,
          passwordHash: "x",
          orgId: town.id,
          roles: { create: { role: "LEAD", orgId: town.id } },
          leadOf: { create: { campaignId: c4.id } },
        },
      });
    }

    const { data, dry } = await exportAndDiff();
    expect(dry.errors).toEqual([]);
    expect(dry.fates.filter((f) => f.fate !== "unchanged")).toEqual([]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(data).buffer);
    const indicators = workbook.getWorksheet("指标");
    const row = (name: string) => indicators?.getRows(2, INDICATORS.length)?.find((r) => r.getCell(2).value === name);
    expect(row("拜访企业")?.getCell("K").value).toBe("逐月填写");
    expect(row("拜访企业")?.getCell("N").value).toBe(33);
    expect([row("签约项目")?.getCell("J").value, row("签约项目")?.getCell("K").value]).toEqual([null, null]);
    const campaigns = workbook.getWorksheet("战役");
    // 陈静 is now two people: both go by username; 黄磊 (lead4) is still one.
    expect(campaigns?.getCell("G2").value).toBe("lead1");
    expect(String(campaigns?.getCell("G5").value).split("、").sort()).toEqual(["lead_x2", "测试用户 lead_x1", "黄磊"].sort());
    const tasks = workbook.getWorksheet("任务");
    const keys = (tasks?.getColumn(2).values ?? []).map(String);
    expect(keys).toContain(`#${keyless.id}`);
    const children = tasks?.getRows(2, tasks.rowCount - 1)?.filter((r) => String(r.getCell(3).value ?? "").startsWith("#"));
    expect(children?.map((r) => r.getCell(2).value)).toEqual(["c3-classify-close", "c3-classify-park", "c3-classify-upgrade"]);
  });

  it("is refused to those who do not keep plans, as is the template", async () => {
    for (const username of ["lead1", "leader", "viewer"]) {
      const user = await sessionUser(username);
      expect(await exportPlanWorkbook(user, planId), username).toBeNull();
      expect(await templateWorkbook(user), username).toBeNull();
    }
    expect(await templateWorkbook(await sessionUser("staff"))).toBeInstanceOf(Buffer);
    // A county leader sees the town's plans, but imports into no town.
    expect(await templateWorkbook(await sessionUser("county"))).toBeNull();
  });
});
