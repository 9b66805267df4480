import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Page } from "@playwright/test";
import { createUser, expect, expectNoSeriousA11yViolations, openPlan, PHONE, signIn, test } from "./fixtures";

const TITLE = "2018年3月十大战役工作月报";

/** The campaigns' boxes (the form has another checkbox, for the appendix). */
const campaignBoxes = (page: Page) => page.getByRole("group", { name: "战役" }).getByRole("checkbox");

async function pdfText(data: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(data) }).promise;
  let text = "";
  for (let n = 1; n <= pdf.numPages; n++) {
    for (const item of (await (await pdf.getPage(n)).getTextContent()).items) if ("str" in item) text += item.str;
  }
  return text.replace(/\s+/g, "");
}

test.describe("the monthly summary export (月报)", () => {
  test("staff download every format with its Chinese file name, and the archive gives it again", async ({ page, project }) => {
    // Five files generated one after the other on a busy 2-core machine.
    test.setTimeout(180_000);
    const staff = await createUser(page.request, project, "STAFF");
    await signIn(page, staff.username, staff.password);
    await openPlan(page);
    await page.getByRole("link", { name: "导出月报" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("导出月报");
    await expect(page.getByLabel("报告月份")).toHaveValue("3");
    await expect(campaignBoxes(page)).toHaveCount(10);

    const files: Record<string, Buffer> = {};
    for (const [format, label, fileName] of [
      ["xlsx", "Excel 表格", `${TITLE}.xlsx`],
      ["csv", "CSV 指标表", `${TITLE}.csv`],
      ["csv-tasks", "CSV 逾期任务与未报送表", `${TITLE}（逾期任务与未报送）.csv`],
      ["pdf", "PDF", `${TITLE}.pdf`],
      ["docx", "Word 文档", `${TITLE}.docx`],
    ] as const) {
      await page.getByRole("radio", { name: new RegExp(label) }).check();
      const downloading = page.waitForEvent("download");
      await page.getByRole("button", { name: "生成并下载" }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe(fileName);
      files[format] = await readFile(await download.path());
      await expect(page.getByText(`已生成《${fileName}》`)).toBeVisible();
    }

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(files.xlsx as Buffer).buffer);
    expect(workbook.worksheets[1]?.getRow(2).getCell(2).value).toBe("平安建设提升战");
    const csv = parse(files.csv as Buffer, { bom: true, columns: true }) as Record<string, string>[];
    expect(csv.find((r) => r["指标"] === "工业总产值")?.["2017年基数"]).toBe("56.58");
    expect(Object.keys(csv[0] ?? {})).not.toContain("工作进展");
    const tasks = parse(files["csv-tasks"] as Buffer, { bom: true, columns: true }) as Record<string, string>[];
    expect(tasks.length).toBeGreaterThan(0);
    for (const row of tasks) expect(["逾期任务", "未报送"]).toContain(row["类别"]);
    const pdf = await pdfText(files.pdf as Buffer);
    expect(pdf).toContain("精准招商持久战");
    expect(pdf).toContain("第3期");
    // A short 月报 by default: no change list.
    expect(pdf).not.toContain("逐项变动清单");
    const docx = await (await JSZip.loadAsync(files.docx as Buffer)).file("word/document.xml")?.async("string");
    expect(docx).toContain(TITLE);

    // The archive lists each file; downloading one again gives the same bytes.
    const archived = page.getByRole("link", { name: `${TITLE}.pdf` }).first();
    await expect(archived).toBeVisible();
    const again = page.waitForEvent("download");
    await archived.click();
    const download = await again;
    expect(download.suggestedFilename()).toBe(`${TITLE}.pdf`);
    expect((await readFile(await download.path())).equals(files.pdf as Buffer)).toBe(true);
  });

  test("a lead exports only their own campaign, a forged request is refused, a viewer exports the whole plan", async ({ page, project, baseURL }) => {
    test.setTimeout(120_000);
    const lead = await createUser(page.request, project, "LEAD", [6]);
    await signIn(page, lead.username, lead.password);
    await openPlan(page);
    await page.getByRole("link", { name: "导出月报" }).click();
    await expect(campaignBoxes(page)).toHaveCount(1);
    await expect(page.getByText("只能导出自己负责的战役")).toBeVisible();
    await page.getByRole("radio", { name: /CSV 指标表/ }).check();
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "生成并下载" }).click();
    const csv = parse(await readFile(await (await downloading).path()), { bom: true, columns: true }) as Record<string, string>[];
    expect(new Set(csv.filter((r) => r["序号"]).map((r) => r["战役"]))).toEqual(new Set(["精准招商持久战"]));

    // Another campaign's id, posted straight to the route, is refused with the reason by the field.
    const planPath = new URL(page.url()).pathname.replace(/\/export$/, "");
    const res = await page.request.post(`/api/plans${planPath.replace(/^\/plans/, "")}/summaries`, {
      headers: { Accept: "application/json", origin: baseURL ?? "" },
      data: { month: 3, format: "csv", campaignIds: ["someone-elses"] },
    });
    expect(res.status()).toBe(400);
    expect((await res.json()).fieldErrors.campaignIds).toEqual(["validation.summaryCampaigns"]);
    // A cross-site form post is refused before anything else.
    const forged = await page.request.post(`/api/plans${planPath.replace(/^\/plans/, "")}/summaries`, {
      headers: { origin: "https://evil.example" },
      form: { month: "3", format: "csv" },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);

    const viewerPage = await (await page.context().browser()!.newContext()).newPage();
    const viewer = await createUser(viewerPage.request, project, "VIEWER");
    await signIn(viewerPage, viewer.username, viewer.password);
    // Oversight (e.g. the town's 纪委) reads everything: the whole plan's 月报 included.
    const made = await viewerPage.request.post(`/api/plans${planPath.replace(/^\/plans/, "")}/summaries`, {
      headers: { Accept: "application/json", origin: baseURL ?? "" },
      data: { month: 3, format: "csv" },
    });
    expect(made.status()).toBe(201);
    const rows = parse(await (await viewerPage.request.get((await made.json()).url)).body(), { bom: true, columns: true }) as Record<string, string>[];
    expect(new Set(rows.filter((r) => r["序号"]).map((r) => r["战役"])).size).toBe(10);
    await viewerPage.goto(`${planPath}/export`);
    await expect(campaignBoxes(viewerPage)).toHaveCount(10);
    await expect(viewerPage.getByText("您没有导出该计划月报的权限。")).toHaveCount(0);
  });

  test("staff preview page 1 with the 版头, then generate the Word 月报 with its appendix", async ({ page, project }) => {
    // An axe scan and a Word file on a busy 2-core machine.
    test.setTimeout(150_000);
    const staff = await createUser(page.request, project, "STAFF");
    await signIn(page, staff.username, staff.password);
    await openPlan(page);
    await page.getByRole("link", { name: "导出月报" }).click();
    await page.getByRole("button", { name: "预览第一页" }).click();
    const preview = page.getByRole("region", { name: "第一页预览" });
    await expect(preview).toContainText("第3期");
    await expect(preview).toContainText(TITLE);
    await expect(preview).toContainText("一、总体情况");
    // The page is A4-shaped: 297 ∶ 210.
    const box = await preview.getByTestId("summary-preview-page").boundingBox();
    expect(box && box.height / box.width).toBeCloseTo(297 / 210, 1);
    await preview.screenshot({ path: test.info().outputPath("preview.png") });
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("checkbox", { name: "附逐项变动清单" }).check();
    await page.getByRole("radio", { name: /Word 文档/ }).check();
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "生成并下载" }).click();
    const docx = await (await JSZip.loadAsync(await readFile(await (await downloading).path()))).file("word/document.xml")?.async("string");
    expect(docx).toContain("3月逐项变动清单");
    await expect(page.getByRole("row").filter({ hasText: "含逐项变动" }).first()).toBeVisible();
  });

  test("has no serious accessibility problems at desktop and phone width", async ({ page, project }) => {
    // Two axe scans on a busy 2-core machine.
    test.setTimeout(120_000);
    const staff = await createUser(page.request, project, "STAFF");
    await signIn(page, staff.username, staff.password);
    await openPlan(page);
    await page.getByRole("link", { name: "导出月报" }).click();
    await expect(page.getByRole("button", { name: "生成并下载" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.setViewportSize(PHONE);
    await expectNoSeriousA11yViolations(page);
  });
});
