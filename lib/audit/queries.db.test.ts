import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { exportAudit } from "./export";
import { AUDIT_PAGE_SIZE, searchAudit, type AuditSearch } from "./queries";
import { audit, SYSTEM_ACTOR, type AuditEntry } from "./record";
import { verifyAuditChain } from "./verify";

type Found = Extract<AuditSearch, { ok: true }>;

function found(result: AuditSearch): Found {
  if (!result.ok) throw new Error(`search failed: ${JSON.stringify(result)}`);
  return result;
}

const EVIL = '=HYPERLINK("http://evil.example","点我")';

describe.each(DB_KINDS)("the audit viewer's search and export (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");
  let leader: SessionUser;
  let admin: SessionUser;
  let county: SessionUser;
  let lead1: SessionUser;
  const ids = { late: "", nextMorning: "", evil: "", otherOrg: "", system: "" };
  let campaign1 = "";
  let campaign2 = "";
  let otherOrgActor = "";

  /** An audit record written as if at `iso` (audit() stamps the current time), through the real append path. */
  async function recordAt(iso: string, entry: AuditEntry): Promise<string> {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(iso));
    try {
      await t.prisma.$transaction((tx) => audit(tx, entry));
    } finally {
      vi.useRealTimers();
    }
    return (await t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true } })).id.toString();
  }

  beforeAll(async () => {
    leader = await sessionUser("leader");
    admin = await sessionUser("admin");
    lead1 = await sessionUser("lead1");
    const town = await t.prisma.organization.findUniqueOrThrow({ where: { code: "shendang" } });
    campaign1 = (await t.prisma.campaign.findFirstOrThrow({ where: { number: 1 } })).id;
    campaign2 = (await t.prisma.campaign.findFirstOrThrow({ where: { number: 2 } })).id;
    const task = await t.prisma.task.findFirstOrThrow({ where: { campaignId: campaign1 } });

    // A second town under the same county, with a person and a record of its own.
    const countyOrg = await t.prisma.organization.findUniqueOrThrow({ where: { code: "haiyan" } });
    const other = await t.prisma.organization.create({ data: { kind: "TOWN", code: "wuyuan", name: "武原街道", parentId: countyOrg.id } });
    otherOrgActor = (await t.prisma.user.create({ data: { username: "wuyuan1", name: "外镇干部", passwordHash: "x", orgId: other.id } })).id;
    // The county's session is read after its new town exists, as a request would.
    county = await sessionUser("county");

    // 23:30 on 10 April in China is 15:30 UTC: still the 10th there.
    ids.late = await recordAt("2018-04-10T15:30:00.000Z", {
      actor: lead1,
      action: "task.progress",
      entityType: "Task",
      entityId: task.id,
      orgId: town.id,
      campaignId: campaign1,
      oldValues: { percentDone: 10, status: "NOT_STARTED" },
      newValues: { percentDone: 40, status: "IN_PROGRESS" },
    });
    ids.nextMorning = await recordAt("2018-04-11T01:00:00.000Z", {
      actor: leader,
      action: "report.approve",
      entityType: "ProgressReport",
      entityId: "report-x",
      orgId: town.id,
      campaignId: campaign2,
      oldValues: { status: "SUBMITTED", returnReason: null },
      newValues: { status: "APPROVED", returnReason: null },
    });
    ids.evil = await recordAt("2018-04-09T03:00:00.000Z", {
      actor: { id: leader.id, name: "@SUM(1+1)" },
      action: "comment.add",
      entityType: "Comment",
      entityId: "comment-x",
      orgId: town.id,
      campaignId: campaign1,
      newValues: { body: EVIL, taskId: task.id },
    });
    ids.otherOrg = await recordAt("2018-04-10T02:00:00.000Z", {
      actor: { id: otherOrgActor, name: "外镇干部" },
      action: "department.create",
      entityType: "Indicator",
      entityId: "other-entity",
      orgId: other.id,
      newValues: { name: "外镇的记录" },
    });
    ids.system = await recordAt("2018-04-10T03:00:00.000Z", { actor: SYSTEM_ACTOR, action: "test.system", entityType: "Plan", entityId: "system-x" });
  });

  async function all(user: SessionUser, filters: Record<string, string> = {}): Promise<Found["rows"]> {
    const rows: Found["rows"] = [];
    let before: string | undefined;
    do {
      const page = found(await searchAudit(user, { ...filters, before }));
      rows.push(...page.rows);
      before = page.older ?? undefined;
    } while (before);
    return rows;
  }
  const idsOf = (rows: Found["rows"]) => rows.map((r) => r.id.toString());

  it("refuses leads and staff, for the page and the export", async () => {
    for (const username of ["lead1", "staff"]) {
      const user = await sessionUser(username);
      expect(await searchAudit(user, {})).toEqual({ ok: false, error: "forbidden" });
      expect(await exportAudit(user, {}, "csv", "zh-CN")).toEqual({ ok: false, error: "forbidden" });
    }
  });

  it("lets a viewer (oversight, e.g. the town's 纪委) read and export what a town leader sees, and nothing more", async () => {
    const viewer = await sessionUser("viewer");
    expect(idsOf(await all(viewer))).toEqual(idsOf(await all(leader)));
    expect(idsOf(await all(viewer))).not.toContain(ids.system);
    const exported = await exportAudit(viewer, {}, "csv", "zh-CN");
    expect(exported.ok).toBe(true);
  });

  it("never shows a town leader another organisation's records, nor the system's own", async () => {
    const rows = await all(leader);
    const town = await t.prisma.organization.findUniqueOrThrow({ where: { code: "shendang" } });
    const orgs = await t.prisma.auditRecord.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { orgId: true } });
    expect(new Set(orgs.map((o) => o.orgId))).toEqual(new Set([town.id]));
    expect(idsOf(rows)).toEqual(expect.arrayContaining([ids.late, ids.nextMorning, ids.evil]));
    expect(idsOf(rows)).not.toContain(ids.otherOrg);
    expect(idsOf(rows)).not.toContain(ids.system);
    // Not by asking for it by name, person or entity either.
    expect((await all(leader, { q: "外镇" })).length).toBe(0);
    expect((await all(leader, { actor: otherOrgActor })).length).toBe(0);
    expect((await all(leader, { entity: "Indicator" })).length).toBe(0);

    const options = found(await searchAudit(leader, {})).options;
    expect(options.people.map((p) => p.id)).not.toContain(otherOrgActor);
    expect(options.people.map((p) => p.username)).toContain("lead1");
    expect(options.campaigns).toHaveLength(10);
    expect(options.entityTypes).toEqual(expect.arrayContaining(["Task", "ProgressReport", "Comment", "Plan"]));
    expect(options.entityTypes).not.toContain("Indicator");
    expect(options.actions).not.toContain("department.create");
  });

  it("shows the county its towns, and an admin the system's own records", async () => {
    expect(idsOf(await all(county))).toEqual(expect.arrayContaining([ids.late, ids.otherOrg]));
    expect(idsOf(await all(county))).not.toContain(ids.system);
    expect(idsOf(await all(admin))).toEqual(expect.arrayContaining([ids.late, ids.system]));
  });

  it("filters by person, campaign, entity and action", async () => {
    const byPerson = await all(leader, { actor: lead1.id });
    expect(idsOf(byPerson)).toContain(ids.late);
    expect(byPerson.every((r) => r.actorId === lead1.id)).toBe(true);

    const byCampaign = await all(leader, { campaign: campaign1 });
    expect(idsOf(byCampaign).sort()).toEqual([ids.late, ids.evil].sort());

    const byEntity = await all(leader, { entity: "ProgressReport" });
    expect(idsOf(byEntity)).toEqual([ids.nextMorning]);

    expect(idsOf(await all(leader, { action: "comment.add", campaign: campaign1 }))).toEqual([ids.evil]);
  });

  it("takes dates as whole days in China: 23:30 on the 10th is in 'to the 10th', not in 'from the 11th'", async () => {
    expect(idsOf(await all(leader, { to: "2018-04-10" }))).toContain(ids.late);
    expect(idsOf(await all(leader, { from: "2018-04-11" }))).not.toContain(ids.late);
    expect(idsOf(await all(leader, { from: "2018-04-11" }))).toContain(ids.nextMorning);
    const tenth = await all(leader, { from: "2018-04-10", to: "2018-04-10", campaign: campaign1 });
    expect(idsOf(tenth)).toEqual([ids.late]);
    expect(idsOf(await all(leader, { from: "2018-04-09", to: "2018-04-11" }))).toEqual(expect.arrayContaining([ids.late, ids.nextMorning, ids.evil]));
  });

  it("finds by free text over the person, the action (also in words) and the entity id", async () => {
    expect(idsOf(await all(leader, { q: "陈静" }))).toContain(ids.late);
    expect(idsOf(await all(leader, { q: "report-X" }))).toEqual([ids.nextMorning]);
    expect(idsOf(await all(leader, { q: "审核通过" }))).toContain(ids.nextMorning);
    expect(idsOf(await all(leader, { q: "approve" }))).toContain(ids.nextMorning);
  });

  it("refuses filters that are not valid, with the field to blame", async () => {
    const bad = async (filters: Record<string, string>) => {
      const result = await searchAudit(leader, filters);
      if (result.ok || result.error !== "invalid") throw new Error("expected invalid");
      return result.fieldErrors;
    };
    expect(await bad({ from: "2018-02-30" })).toEqual({ from: ["auditLog.invalidDate"] });
    expect(await bad({ to: "10/04/2018" })).toEqual({ to: ["auditLog.invalidDate"] });
    expect(await bad({ from: "2018-04-11", to: "2018-04-10" })).toEqual({ to: ["auditLog.dateOrder"] });
    expect(await bad({ entity: "Task; DROP" })).toEqual({ entity: ["auditLog.invalidFilter"] });
    expect(await bad({ before: "abc" })).toEqual({ before: ["auditLog.invalidFilter"] });
    // Empty form fields mean "any".
    expect(found(await searchAudit(leader, { actor: "", campaign: "", from: "", to: " ", q: "" })).rows.length).toBeGreaterThan(0);
  });

  it("pages newest first by id, 50 at a time, and a page stays the same when records are added meanwhile", async () => {
    const town = await t.prisma.organization.findUniqueOrThrow({ where: { code: "shendang" } });
    const many = async (count: number) =>
      // 120 appends in one transaction: on a busy machine that outlasts Prisma's default 5 s.
      t.prisma.$transaction(
        async (tx) => {
          for (let i = 0; i < count; i++) await audit(tx, { actor: lead1, action: "test.page", entityType: "Paging", entityId: `p${i}`, orgId: town.id });
        },
        { timeout: 60_000 },
      );
    await many(120);

    const first = found(await searchAudit(leader, { entity: "Paging" }));
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.older).toBe(first.rows.at(-1)?.id.toString());
    const second = found(await searchAudit(leader, { entity: "Paging", before: first.older ?? "" }));
    await many(5);
    const secondAgain = found(await searchAudit(leader, { entity: "Paging", before: first.older ?? "" }));
    expect(idsOf(secondAgain.rows)).toEqual(idsOf(second.rows));

    const pages = await all(leader, { entity: "Paging" });
    expect(pages).toHaveLength(125);
    const numbers = pages.map((r) => r.id);
    expect(numbers.every((id, i) => i === 0 || id < (numbers[i - 1] ?? 0n))).toBe(true);
    expect(new Set(idsOf(pages)).size).toBe(125);
  });

  it("exports the filtered records as CSV with a BOM, in words, formula text neutralised, and records the export", async () => {
    const before = await t.prisma.auditRecord.count();
    const result = await exportAudit(leader, { campaign: campaign1 }, "csv", "zh-CN");
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.fileName).toBe("审计记录-2018-04-10.csv");
    expect(result.mime).toMatch(/^text\/csv/);
    expect([...result.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const rows = parse(result.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r["记录号"])).toEqual([ids.evil, ids.late].sort((a, b) => Number(b) - Number(a)));
    const late = rows.find((r) => r["记录号"] === ids.late);
    expect(late).toMatchObject({ 时间: "2018-04-10 23:30:00", 人员: "陈静", 操作: "更新任务进度", 对象类型: "任务", 战役: "平安建设提升战" });
    expect(late?.["原值"]).toBe("任务状态：未开始；完成百分比：10");
    expect(late?.["新值"]).toBe("任务状态：进行中；完成百分比：40");
    const evil = rows.find((r) => r["记录号"] === ids.evil);
    expect(evil?.["人员"]).toBe("'@SUM(1+1)");
    expect(evil?.["新值"]).toMatch(/^'?批示内容：=HYPERLINK/);
    // No cell of the file starts a formula.
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    expect(await t.prisma.auditRecord.count()).toBe(before + 1);
    const record = await t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(record).toMatchObject({ action: "audit.export", actorId: leader.id, entityType: "AuditRecord", entityId: "审计记录-2018-04-10.csv" });
    expect(record.newValues).toMatchObject({ format: "csv", filters: { campaign: campaign1 }, rows: 2, truncated: false });
  });

  it("exports the same rows to Excel with text cells that are never formulas", async () => {
    const result = await exportAudit(leader, { campaign: campaign1 }, "xlsx", "zh-CN");
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.fileName).toBe("审计记录-2018-04-10.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(result.body).buffer);
    const sheet = workbook.getWorksheet("审计记录");
    if (!sheet) throw new Error("no sheet");
    const header: string[] = [];
    sheet.getRow(1).eachCell((cell) => header.push(String(cell.value)));
    expect(header).toEqual(["记录号", "时间", "人员", "操作", "对象类型", "对象", "对象编号", "战役", "原值", "新值"]);
    expect(sheet.rowCount).toBe(3);
    const byId = new Map([2, 3].map((r) => [String(sheet.getCell(r, 1).value), sheet.getRow(r)]));
    const evil = byId.get(ids.evil);
    const late = byId.get(ids.late);
    if (!evil || !late) throw new Error("rows missing");
    expect(evil.getCell(3).value).toBe("@SUM(1+1)");
    expect(evil.getCell(3).numFmt).toBe("@");
    expect(evil.getCell(10).value).toBe(`批示内容：${EVIL}；任务：${(await t.prisma.task.findFirstOrThrow({ where: { campaignId: campaign1 } })).title}`);
    expect(evil.getCell(10).formula).toBeUndefined();
    expect(late.getCell(9).value).toBe("任务状态：未开始；完成百分比：10");
    // The time is China's wall clock, as Excel has no time zones.
    expect((late.getCell(2).value as Date).toISOString()).toBe("2018-04-10T23:30:00.000Z");
  });

  it("refuses an unknown format or bad filters, and records nothing", async () => {
    const before = await t.prisma.auditRecord.count();
    expect(await exportAudit(leader, {}, "pdf", "zh-CN")).toMatchObject({ ok: false, error: "invalid" });
    expect(await exportAudit(leader, { from: "2018-13-01" }, "csv", "zh-CN")).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { from: ["auditLog.invalidDate"] },
    });
    expect(await t.prisma.auditRecord.count()).toBe(before);
  });

  it("keeps the hash chain whole through all of it", async () => {
    expect((await verifyAuditChain(t.prisma)).broken).toBeNull();
  });
});
