// The monthly summary of the Shendang demo on both databases: built from the board and history,
// rendered to every format and read back, archived with its audit record, and scoped by role.
// lib/env reads DUBAN_FILES_DIR once: vi.hoisted points it at a temporary folder first.
import { rm } from "node:fs/promises";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parse } from "csv-parse/sync";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readVerifiedFile } from "@/lib/attachments/storage";
import { verifyAuditChain } from "@/lib/audit/verify";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { loadDemo } from "@/prisma/seed/demo";
import { CAMPAIGNS, INDICATORS } from "@/prisma/seed/shendang-2018";
import { findDownloadableSummary, generateSummary } from "./archive";
import { buildSummary, titleWithoutYear } from "./build";
import type { MonthlySummary } from "./model";
import { renderSummary } from "./render";
import { summaryText } from "./text";

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
  return (xml ?? "").replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => `${[...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")}\n`).replace(/<[^>]+>/g, "")
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
  let t: TestDatabase;
  let planId: string;
  let march: MonthlySummary;

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    planId = (await loadDemo(t.prisma, { password: "demo-pass-unit" })).planId;
    const built = await buildSummary(await sessionUser("staff"), { planId, month: 3, campaignIds: [], locale: "zh-CN" });
    if (!built.ok) throw new Error(`summary not built: ${built.error}`);
    march = built.summary;
  });
  afterAll(() => t.close());

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
          where: { indicator: { name: i.name, campaign: { number: c.number } }, month: { lte: 3 }, OR: [{ reportId: null }, { report: { status: { in: ["SUBMITTED", "APPROVED"] } } }] },
          orderBy: [{ month: "desc" }, { reportedAt: "desc" }],
        });
        expect(i.actual, `${c.name} ${i.name}`).toBe(latest ? latest.value.toFixed() : null);
        expect(i.actualMonth).toBe(latest?.month ?? null);
      }
    }
    // Campaigns 5, 8 and 10 submitted March (awaiting review); 1, 3 and 7 have not reported.
    expect(march.missing.map((m) => m.number)).toEqual([1, 3, 7]);
    expect(march.missing.every((m) => m.daysLate === 5)).toBe(true);
    for (const n of [5, 8, 10]) expect(march.campaigns[n - 1]?.report?.status).toBe("待审核");
    for (const n of [2, 4, 6, 9]) expect(march.campaigns[n - 1]?.report?.status).toBe("已通过");
  });

  it("says what changed since February", () => {
    const reported = march.changes.map((c) => c.number);
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
    expect(csv.find((r) => r["指标"] === someActual?.name)?.["实际"]).toBe(someActual?.actual);

    for (const [format, read] of [
      ["pdf", pdfText],
      ["docx", docxText],
    ] as const) {
      const words = (await read(await renderSummary(format, march, text))).replace(/\s+/g, "");
      expect(words).toContain("2018年3月十大战役工作月报");
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
    expect(await generateSummary(staff, planId, { month: "4", format: "pdf" }, "zh-CN")).toMatchObject({ ok: false, fieldErrors: { month: ["validation.summaryMonth"] } });
    expect(await generateSummary(staff, planId, { month: "3", format: "exe" }, "zh-CN")).toMatchObject({ ok: false, fieldErrors: { format: ["validation.summaryFormat"] } });
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
    for (const c of feb.summary.campaigns) for (const i of c.indicators) if (i.actualMonth !== null) expect(i.actualMonth).toBeLessThanOrEqual(2);
  });
});
