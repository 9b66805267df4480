// The monthly summary of the Shendang demo on both databases: built from the board and history,
// rendered to every format and read back, archived with its audit record, and scoped by role.
// lib/env reads DUBAN_FILES_DIR once: vi.hoisted points it at a temporary folder first.
import { rm } from "node:fs/promises";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parse } from "csv-parse/sync";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readVerifiedFile } from "@/lib/storage/files";
import { verifyAuditChain } from "@/lib/audit/verify";
import { formatNumber } from "@/lib/format";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { CAMPAIGNS, INDICATORS } from "@/prisma/seed/shendang-2018";
import { findDownloadableSummary, generateSummary } from "./archive";
import { buildSummary, issueNumber, titleWithoutYear } from "./build";
import type { MonthlySummary, SummaryIndicator } from "./model";
import { renderSummary } from "./render";
import { summaryText } from "./text";
import { previewSummary } from "./preview";
import { verifyArchivedSummary } from "./verify";

const FILES_DIR = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = await mkdtemp(join(tmpdir(), "duban-summary-test-"));
  process.env.DUBAN_FILES_DIR = dir;
  return dir;
});
afterAll(() => rm(FILES_DIR, { recursive: true, force: true }));

const SOURCE_BASELINES = INDICATORS.filter((i) => !i.baselineIsSample);

const PENDING_NOTE = "标注“待审核”的数据来自已报送、尚未审核的报告。";

/** −1.3 → "1.3", 1200 → "1,200": a gap (already rounded as shown) in words, unsigned: the words say which side. */
const inWords = (gap: Decimal, decimals: number) => formatNumber(gap.abs().toFixed(), "zh-CN", decimals);

/** How far an indicator is from its plan, in the office's words, worked out again from its figures. */
function expectedProgress(i: SummaryIndicator): string {
  if (i.actual === null || i.planned === null) return "—";
  if (i.kind === "ytd") {
    const gap = new Decimal(i.completion ?? "NaN").minus(i.schedule ?? "NaN");
    return gap.isZero() ? "与序时进度持平" : `${gap.gt(0) ? "快于" : "慢于"}序时进度 ${inWords(gap, 1)} 个百分点`;
  }
  if (i.kind === "rate") {
    const gap = new Decimal(i.actual).minus(i.planned).toDecimalPlaces(i.decimals, Decimal.ROUND_HALF_UP);
    return gap.isZero() ? "与序时目标持平" : `${gap.gt(0) ? "高于" : "低于"}序时目标 ${inWords(gap, i.decimals)} 个百分点`;
  }
  if (i.kind === "level") {
    const gap = new Decimal(i.actual).minus(i.planned).toDecimalPlaces(i.decimals, Decimal.ROUND_HALF_UP);
    return gap.isZero() ? "与序时目标持平" : `${gap.gt(0) ? "高于" : "低于"}序时目标 ${inWords(gap, i.decimals)} ${i.unit}`;
  }
  const over = new Decimal(i.actual).minus(i.planned);
  if (!over.gt(0)) return "控制在序时额度内";
  return i.target !== null && new Decimal(i.actual).gt(i.target) ? "突破全年控制目标" : `超出序时额度 ${inWords(over, i.decimals)} ${i.unit}`;
}

async function pdfText(buffer: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(buffer) }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  return pages.join("\n");
}

async function docxText(buffer: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(buffer)).file("word/document.xml")?.async("string");
  // The words of each paragraph, joined (Word splits text into runs).
  return (xml ?? "")
    .replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => `${[...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")}\n`)
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

it("takes the year off the plan's title for the summary's title", () => {
  expect(titleWithoutYear("2018年十大战役", 2018)).toBe("十大战役");
  expect(titleWithoutYear("十大战役", 2018)).toBe("十大战役");
  expect(titleWithoutYear("2018", 2018)).toBe("2018");
});

describe.each(DB_KINDS)("the monthly summary of the demo plan (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");
  let planId: string;
  let march: MonthlySummary;

  beforeAll(async () => {
    planId = t.demo.planId;
    const built = await buildSummary(await sessionUser("staff"), { planId, month: 3, campaignIds: [], locale: "zh-CN" });
    if (!built.ok) throw new Error(`summary not built: ${built.error}`);
    march = built.summary;
  });

  it("holds the ten campaigns, in order, with the plan's title and month", () => {
    expect(march.cover.title).toBe("2018年3月十大战役工作月报");
    expect(march.cover.baselineYear).toBe(2017);
    expect(march.campaigns.map((c) => c.name)).toEqual(CAMPAIGNS.map((c) => c.name));
    expect(march.cover.campaignCount).toBe(10);
    expect(march.cover.hasSampleData).toBe(true);
  });

  it("carries every 2017 figure of the source exactly", () => {
    const all = [...march.planIndicators, ...march.campaigns.flatMap((c) => c.indicators)];
    for (const seed of SOURCE_BASELINES) {
      const row = all.find((i) => i.name === seed.name);
      expect(row?.baseline, seed.name).toBe(seed.baseline);
      expect(row?.isSample).toBe(false);
    }
  });

  it("shows each indicator's latest official March figure, and the March plan", async () => {
    for (const c of march.campaigns) {
      for (const i of c.indicators) {
        const latest = await t.prisma.indicatorValue.findFirst({
          where: {
            indicator: { name: i.name, campaign: { number: c.number } },
            month: { lte: 3 },
            OR: [{ reportId: null }, { report: { status: { in: ["SUBMITTED", "APPROVED"] } } }],
          },
          orderBy: [{ month: "desc" }, { reportedAt: "desc" }],
        });
        expect(i.actual, `${c.name} ${i.name}`).toBe(latest ? latest.value.toFixed() : null);
        expect(i.actualMonth).toBe(latest?.month ?? null);
        // The plan shown is the one for the figure's month (February's for a campaign that has not reported March).
        expect(i.planMonth, `${c.name} ${i.name}`).toBe(i.actualMonth ?? 3);
        // Figures from a report not yet reviewed are marked 待审核, and only those.
        expect(i.pending, `${c.name} ${i.name}`).toBe([5, 8, 10].includes(c.number) && i.actualMonth === 3);
      }
    }
    // Campaigns 5, 8 and 10 submitted March (awaiting review); 1, 3 and 7 have not reported.
    expect(march.missing.map((m) => m.number)).toEqual([1, 3, 7]);
    expect(march.missing.every((m) => m.daysLate === 5)).toBe(true);
    for (const n of [5, 8, 10]) expect(march.campaigns[n - 1]?.report?.status).toBe("待审核");
    for (const n of [2, 4, 6, 9]) expect(march.campaigns[n - 1]?.report?.status).toBe("已通过");
    // Every report that came in, came in on time; the town-wide figures are the office's own, never pending.
    for (const c of march.campaigns) if (c.report) expect(c.report.lateDays, c.name).toBe(0);
    expect(march.planIndicators.some((i) => i.pending)).toBe(false);
    expect(march.notes).toContain(PENDING_NOTE);
  });

  it("holds a campaign whose report is more than 3 days late at red, and says so", () => {
    for (const n of [1, 3, 7]) {
      const c = march.campaigns[n - 1];
      expect(c?.light, c?.name).toBe("RED");
      // Said whether the silence made it red or the figures already had.
      expect([c?.verdict, ...(c?.reasons ?? [])].join("；"), c?.name).toContain("3月进度报告逾期 5 天未报送");
      expect(c?.reasonsLabel).toBe("原因");
    }
    // Every verdict names the light first, in the office's words.
    for (const c of march.campaigns) expect(c.verdict, c.name).toMatch(new RegExp(`^${{ RED: "红灯", AMBER: "黄灯", GREEN: "绿灯", NONE: "暂无" }[c.light]}`));
  });

  it("measures each indicator against 序时进度 in the office's words, with 同比 only where 2017 is known", () => {
    const all = [...march.planIndicators, ...march.campaigns.flatMap((c) => c.indicators)];
    const ytd = all.filter((i) => i.kind === "ytd" && i.actual !== null);
    expect(ytd.length).toBeGreaterThan(0);
    for (const i of ytd) {
      const target = new Decimal(i.target ?? "NaN");
      // 完成年度目标 = 累计实际 ÷ 年度目标, 序时进度 = 序时目标 ÷ 年度目标, one decimal; the gap in 个百分点.
      const completion = new Decimal(i.actual ?? "NaN").div(target).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
      const schedule = new Decimal(i.planned ?? "NaN").div(target).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
      expect(i.completion, i.name).toBe(completion.toFixed());
      expect(i.schedule, i.name).toBe(schedule.toFixed());
      expect(i.gap, i.name).toBe(completion.minus(schedule).toFixed());
      expect(i.gapInPoints).toBe(true);
    }
    for (const i of all) {
      expect(i.progress, i.name).toBe(expectedProgress(i));
      if (i.kind !== "ytd") expect(i.completion, i.name).toBeNull();
      expect(i.reason.startsWith(`${i.name}：`), i.reason).toBe(true);
      if (i.yoyKnown) expect(i.yoy, i.name).toMatch(/^(同比(增长|下降) \d+(\.\d)?%|同比(提高|降低) \d+(\.\d{1,2})? 个百分点|与上年同期持平)(（示例）)?$/);
      else expect(i.yoy, i.name).toBe("—");
    }
    // The footnote on "—" is there exactly when some 同比 is unknown.
    expect(march.notes.includes("“—”：2017年同期数据未录入，不作比较")).toBe(all.some((i) => !i.yoyKnown));
  });

  it("is short by default: the change list only in a summary asked for with its appendix", async () => {
    expect(march.appendix).toBe(false);
    expect(march.changes).toEqual([]);
  });

  it("heads the document with the town as 发文机关 and March as 第3期 when the plan sets neither", () => {
    expect(march.cover.document).toEqual({ issuer: "沈荡镇", issueNumber: 3, date: march.cover.generatedAt });
  });

  it("gives each overdue task the note of its latest update as its 逾期原因, or none", async () => {
    const overdue = march.campaigns.flatMap((c) => c.overdueTasks);
    for (const task of overdue) expect(task.reason === null || task.reason.length > 0).toBe(true);
    // No 逾期原因 is the task's status sentence ("…：已逾期，完成 n%") again.
    for (const task of overdue) expect(task.reason ?? "").not.toContain(task.title);
  });

  it("says what changed since February, in the appendix", async () => {
    const built = await buildSummary(await sessionUser("staff"), { planId, month: 3, campaignIds: [], locale: "zh-CN", appendix: true });
    if (!built.ok) throw new Error(built.error);
    expect(built.summary.appendix).toBe(true);
    const reported = built.summary.changes.map((c) => c.number);
    expect(reported.length).toBeGreaterThan(0);
    // A campaign that has not reported March has no March figures to compare.
    for (const n of [1, 3, 7]) expect(reported).not.toContain(n);
  });

  it("reads back from every format with the names, the 2017 figures and March's values", async () => {
    const text = summaryText("zh-CN");
    const someActual = march.campaigns.flatMap((c) => c.indicators).find((i) => i.actual !== null && i.actualMonth === 3);
    expect(someActual).toBeDefined();

    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load(new Uint8Array(await renderSummary("xlsx", march, text)).buffer);
    const campaignsSheet = xlsx.worksheets[1];
    const namesInSheet = CAMPAIGNS.map((_, i) => campaignsSheet?.getRow(i + 2).getCell(2).value);
    expect(namesInSheet).toEqual(CAMPAIGNS.map((c) => c.name));
    const numbers = xlsx.worksheets.flatMap((ws) => {
      const out: number[] = [];
      ws.eachRow((row) => row.eachCell((cell) => typeof cell.value === "number" && out.push(cell.value)));
      return out;
    });
    for (const seed of SOURCE_BASELINES) expect(numbers, seed.name).toContain(Number(seed.baseline));
    expect(numbers).toContain(Number(someActual?.actual));

    const csv = parse(await renderSummary("csv", march, text), { bom: true, columns: true }) as Record<string, string>[];
    for (const c of CAMPAIGNS) expect(csv.some((r) => r["战役"] === c.name)).toBe(true);
    for (const seed of SOURCE_BASELINES) {
      expect(csv.find((r) => r["指标"] === seed.name)?.["2017年基数"], seed.name).toBe(seed.baseline);
    }
    expect(csv.find((r) => r["指标"] === someActual?.name)).toMatchObject({
      实际: someActual?.actual,
      "完成年度目标（%）": someActual?.completion ?? "",
      "较序时（个百分点或单位）": someActual?.gap ?? "",
      较序时进度: someActual?.progress,
      同比: someActual?.yoy,
    });

    for (const [format, read] of [
      ["pdf", pdfText],
      ["docx", docxText],
    ] as const) {
      const words = (await read(await renderSummary(format, march, text))).replace(/\s+/g, "");
      expect(words).toContain("2018年3月十大战役工作月报");
      for (const s of ["完成年度目标（%）", "序时进度（%）", "较序时进度", PENDING_NOTE, someActual?.progress ?? "?"])
        expect(words, `${format}: ${s}`).toContain(s.replace(/\s+/g, ""));
      for (const c of CAMPAIGNS) expect(words, `${format}: ${c.name}`).toContain(c.name.replace(/\s+/g, ""));
      for (const seed of SOURCE_BASELINES) {
        const [whole, fraction] = seed.baseline.split(".");
        const printed = `${Number(whole).toLocaleString("zh-CN")}${fraction ? `.${fraction}` : ""}`;
        expect(words, `${format}: ${seed.name} ${printed}`).toContain(printed);
      }
    }
  });

  it("archives the file with who made it, and gives the same bytes back", async () => {
    const staff = await sessionUser("staff");
    const before = await t.prisma.auditRecord.count();
    const result = await generateSummary(staff, planId, { month: "3", format: "docx", campaignIds: [] }, "zh-CN");
    expect(result.ok).toBe(true);
    if (!result.ok || !result.data) return;
    expect(result.data.fileName).toBe("2018年3月十大战役工作月报.docx");
    const row = await t.prisma.summaryArchive.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(row).toMatchObject({ generatedById: staff.id, month: 3, year: 2018, format: "docx", wholePlan: true });
    expect(row.campaignNumbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const file = await readVerifiedFile(row.storageKey, { size: row.size, sha256: row.sha256 });
    expect(file.ok).toBe(true);
    expect(await t.prisma.auditRecord.count()).toBe(before + 1);
    expect((await t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } })).action).toBe("summary.generate");
    expect((await verifyAuditChain(t.prisma)).broken).toBeNull();
    expect(await findDownloadableSummary(await sessionUser("leader"), row.id)).not.toBeNull();
    // A lead did not make it and may not see the whole plan's summary.
    expect(await findDownloadableSummary(await sessionUser("lead1"), row.id)).toBeNull();
  });

  it("prints the plan's 发文机关 and 期号, remembers them and the appendix in the archive, and verifies after the plan changes them", async () => {
    const staff = await sessionUser("staff");
    await t.prisma.plan.update({ where: { id: planId }, data: { documentIssuer: "沈荡镇人民政府办公室", documentFirstMonth: 2 } });
    const made = await generateSummary(staff, planId, { month: "3", format: "pdf", appendix: "on" }, "zh-CN");
    if (!made.ok || !made.data) throw new Error("not generated");
    const row = await t.prisma.summaryArchive.findUniqueOrThrow({ where: { id: made.data.id } });
    expect(row).toMatchObject({ appendix: true, issuer: "沈荡镇人民政府办公室", issueNumber: 2 });
    const stored = await readVerifiedFile(row.storageKey, { size: row.size, sha256: row.sha256 });
    if (!stored.ok) throw new Error(stored.reason);
    const words = (await pdfText(stored.data)).replace(/\s+/g, "");
    expect(words).toContain("第2期沈荡镇人民政府办公室");
    expect(words).toContain("附件");
    // The header changes afterwards; the archive is made again with the header it was made with.
    await t.prisma.plan.update({ where: { id: planId }, data: { documentIssuer: "另一个办公室", documentFirstMonth: 1 } });
    expect(await verifyArchivedSummary(staff, row.id)).toMatchObject({ ok: true, data: { same: true } });
  });

  it("previews the first page from the same outline, writing nothing, under the same permissions", async () => {
    const staff = await sessionUser("staff");
    const archives = await t.prisma.summaryArchive.count();
    const result = await previewSummary(staff, planId, { month: 3, campaignIds: [] }, "zh-CN");
    if (!result.ok || !result.data) throw new Error("no preview");
    const [header, title] = result.data.blocks;
    expect(header).toMatchObject({ kind: "header", issue: "第3期", date: "2018年4月10日" });
    expect(title).toEqual({ kind: "title", text: "2018年3月十大战役工作月报" });
    expect(result.data.blocks.length).toBeLessThanOrEqual(24);
    expect(result.data.blocks).toContainEqual({ kind: "heading", level: 1, text: "一、总体情况" });
    expect(await t.prisma.summaryArchive.count()).toBe(archives);
    expect(await previewSummary(staff, planId, { month: 4 }, "zh-CN")).toMatchObject({ ok: false, fieldErrors: { month: ["validation.summaryMonth"] } });
    const other = await t.prisma.campaign.findFirstOrThrow({ where: { planId, number: 2 } });
    expect(await previewSummary(await sessionUser("lead1"), planId, { month: 3, campaignIds: [other.id] }, "zh-CN")).toMatchObject({
      ok: false,
      fieldErrors: { campaignIds: ["validation.summaryCampaigns"] },
    });
  });

  it("gives an overdue task the note of its latest update up to the cut-off as its 逾期原因", async () => {
    const staff = await sessionUser("staff");
    const titles = march.campaigns.flatMap((c) => c.overdueTasks.map((task) => task.title));
    const task = await t.prisma.task.findFirstOrThrow({
      where: { title: { in: titles }, campaign: { planId }, updates: { some: { reportedAt: { lte: march.cover.generatedAt } } } },
      select: {
        id: true,
        title: true,
        updates: { where: { reportedAt: { lte: march.cover.generatedAt } }, orderBy: { reportedAt: "desc" }, take: 1, select: { id: true } },
      },
    });
    const latest = task.updates[0];
    if (!latest) throw new Error("the task has an update");
    await t.prisma.taskUpdate.update({ where: { id: latest.id }, data: { note: "  征地手续未完成，待县里批复  " } });
    const built = await buildSummary(staff, { planId, month: 3, campaignIds: [], locale: "zh-CN" }, { at: march.cover.generatedAt, by: staff.name });
    if (!built.ok) throw new Error(built.error);
    const found = built.summary.campaigns.flatMap((c) => c.overdueTasks).find((x) => x.title === task.title);
    expect(found?.reason).toBe("征地手续未完成，待县里批复");
  });

  it("numbers issues from the plan's first month, never below 1", () => {
    expect(issueNumber(3, 1)).toBe(3);
    expect(issueNumber(3, 2)).toBe(2);
    expect(issueNumber(1, 4)).toBe(1);
  });

  it("lets a lead export only their own campaigns", async () => {
    const lead = await sessionUser("lead1");
    const own = await buildSummary(lead, { planId, month: 3, campaignIds: [], locale: "zh-CN" });
    expect(own.ok && own.summary.campaigns.map((c) => c.number)).toEqual([1]);
    expect(own.ok && own.wholePlan).toBe(false);
    const other = await t.prisma.campaign.findFirstOrThrow({ where: { number: 2 } });
    const before = await t.prisma.summaryArchive.count();
    const refused = await generateSummary(lead, planId, { month: "3", format: "csv", campaignIds: [other.id] }, "zh-CN");
    expect(refused).toEqual({ ok: false, error: "invalid", fieldErrors: { campaignIds: ["validation.summaryCampaigns"] } });
    expect(await t.prisma.summaryArchive.count()).toBe(before);
  });

  it("lets a viewer (oversight, e.g. the town's 纪委) export the whole plan's summary and download it again", async () => {
    const viewer = await sessionUser("viewer");
    const made = await generateSummary(viewer, planId, { month: "3", format: "csv" }, "zh-CN");
    expect(made).toMatchObject({ ok: true });
    const id = made.ok ? (made.data?.id ?? "") : "";
    expect(await findDownloadableSummary(viewer, id)).toMatchObject({ id });
    expect(await t.prisma.summaryArchive.findUniqueOrThrow({ where: { id } })).toMatchObject({ generatedById: viewer.id });
  });

  it("refuses a user with no role that may export, a month not yet due and a bad format, writing nothing", async () => {
    const town = await t.prisma.organization.findUniqueOrThrow({ where: { code: "shendang" } });
    await t.prisma.user.create({ data: { username: "noroles", name: "无角色", passwordHash: "-", orgId: town.id } });
    const before = await t.prisma.summaryArchive.count();
    const audits = await t.prisma.auditRecord.count();
    expect(await generateSummary(await sessionUser("noroles"), planId, { month: "3", format: "pdf" }, "zh-CN")).toEqual({ ok: false, error: "forbidden" });
    const staff = await sessionUser("staff");
    expect(await generateSummary(staff, planId, { month: "4", format: "pdf" }, "zh-CN")).toMatchObject({
      ok: false,
      fieldErrors: { month: ["validation.summaryMonth"] },
    });
    expect(await generateSummary(staff, planId, { month: "3", format: "exe" }, "zh-CN")).toMatchObject({
      ok: false,
      fieldErrors: { format: ["validation.summaryFormat"] },
    });
    expect(await generateSummary(staff, "no-such-plan", { month: "3", format: "pdf" }, "zh-CN")).toEqual({ ok: false, error: "notFound" });
    expect(await t.prisma.summaryArchive.count()).toBe(before);
    expect(await t.prisma.auditRecord.count()).toBe(audits);
  });

  it("gives February as it stood when February's reports were due", async () => {
    const feb = await buildSummary(await sessionUser("staff"), { planId, month: 2, campaignIds: [], locale: "zh-CN" });
    expect(feb.ok).toBe(true);
    if (!feb.ok) return;
    // Every campaign reported February (the demo approved January and February for all).
    expect(feb.summary.missing).toEqual([]);
    for (const c of feb.summary.campaigns) {
      for (const i of c.indicators) {
        if (i.actualMonth !== null) expect(i.actualMonth).toBeLessThanOrEqual(2);
        expect(i.planMonth, i.name).toBe(i.actualMonth ?? 2);
      }
      expect(c.verdict).not.toContain("未报送");
    }
  });
});
