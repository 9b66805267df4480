import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { bookToXlsx, shendangBook } from "@/lib/testing/fixtures/workbooks";
import { createUser, expect, expectNoSeriousA11yViolations, openPlan, signIn, test } from "./fixtures";

// Every spec file shares one demo database. The plan imported here has a title of its own (not
// containing "2018年十大战役", which openPlan() clicks) and is created as a DRAFT, so the test API's
// "lead campaign N" and everyone's desk keep meaning the demo plan. The demo plan itself is only
// exported and dry-run here, never confirmed: other spec files add leads to its campaigns meanwhile.

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The template's columns, as office staff see them (written out here, not taken from the app). */
const HEADERS = {
  计划: ["年度", "基数年份", "计划名称", "目标", "工作要求", "报送截止日", "催办升级天数"],
  战役: ["序号", "战役名称", "英文名称", "牵头单位", "配合单位", "分管领导", "责任人", "开始日期", "结束日期", "说明"],
  指标: [
    "所属战役序号",
    "指标名称",
    "单位",
    "小数位",
    "方向",
    "类型",
    "基数",
    "基数为示例",
    "基数说明",
    "目标",
    "进度分配",
    ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
    "数据来源",
  ],
  任务: ["所属战役序号", "任务编号", "上级任务编号", "任务名称", "责任人", "开始日期", "截止日期", "权重"],
} as const;
// The plan's rows come from the shared fixture (lib/testing/fixtures/workbooks.ts), as staff would type
// them into the template; the template's headers above stay written out, to check the download.
const ROWS = Object.values(shendangBook()).reduce((n, rows) => n + rows.length, 0);

/** Chooses the file and uploads it; returns once the page shows that file's dry run. */
async function upload(page: Page, data: Buffer, name: string) {
  const before = page.url();
  await page.getByLabel("计划文件").setInputFiles({ name, mimeType: XLSX, buffer: data });
  await page.getByRole("button", { name: "上传并检查" }).click();
  await page.waitForURL((u) => u.href !== before && u.searchParams.has("file"));
  await expect(page.getByTestId("import-summary")).toBeVisible();
}

const summary = (create: number, update: number, unchanged: number, error: number) =>
  `新增 ${create} 行 · 更新 ${update} 行 · 不变 ${unchanged} 行 · 错误 ${error} 行`;

async function openImport(page: Page) {
  await page.goto("/plans");
  await page.getByRole("link", { name: "从 Excel 导入计划" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("导入计划");
}

test.describe("importing a plan from Excel", () => {
  test("staff import the Shendang plan: the template, 3 bad rows reported then fixed, confirm, the board; the same file again changes nothing", async ({
    page,
    project,
  }) => {
    test.setTimeout(180_000);
    const staff = await createUser(page.request, project, "STAFF");
    await signIn(page, staff.username, staff.password);
    await openImport(page);

    // The blank template: its sheets and Chinese headers, an example row, the town's departments.
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "下载导入模板" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("计划导入模板.xlsx");
    const template = new ExcelJS.Workbook();
    await template.xlsx.load(new Uint8Array(await readFile(await download.path())).buffer);
    expect(template.worksheets.map((w) => w.name)).toEqual(["说明", "计划", "战役", "指标", "任务", "选项"]);
    const indicatorHeaders: string[] = [];
    template
      .getWorksheet("指标")
      ?.getRow(1)
      .eachCell((cell) => indicatorHeaders.push(String(cell.value)));
    expect(indicatorHeaders).toEqual([...HEADERS.指标]);
    expect(template.getWorksheet("战役")?.getCell("A2").value).toBe("示例");
    expect((template.getWorksheet("选项")?.getColumn(2).values ?? []).map(String)).toContain("招商服务中心");

    // Three bad rows: an indicator without its unit, a task due on a day that does not exist, a
    // sub-task whose parent is not in its campaign. Each is reported at its row and column.
    const title = `导入测试计划2018（${Date.now().toString(36)}）`;
    const bad = shendangBook(title);
    const land = bad.indicators.findIndex((i) => i.指标名称 === "腾退面积");
    Object.assign(bad.indicators[land] ?? {}, { 单位: null });
    Object.assign(bad.tasks[4] ?? {}, { 截止日期: "2018-13-01" });
    Object.assign(bad.tasks[10] ?? {}, { 上级任务编号: "c2-nope" });
    await upload(page, await bookToXlsx(bad), "十大战役（有错误）.xlsx");
    await expect(page.getByTestId("import-summary")).toHaveText(summary(ROWS - 3, 0, 0, 3));
    await expect(page.getByTestId("import-error")).toHaveText([
      `指标表第 ${land + 2} 行「单位」（C 列）：不能为空`,
      "任务表第 6 行「截止日期」（G 列）：请填写日期，如 2018-03-31",
      "任务表第 12 行「上级任务编号」（C 列）：本战役中没有编号为“c2-nope”的任务",
    ]);
    await expect(page.locator('[data-testid="import-row"][data-fate="error"]')).toHaveCount(3);
    await expect(page.getByRole("button", { name: "确认导入" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    // Fixed: every row new; one confirm; the new plan's board has the ten campaigns.
    const fixed = await bookToXlsx(shendangBook(title));
    await upload(page, fixed, "十大战役.xlsx");
    await expect(page.getByTestId("import-summary")).toHaveText(summary(ROWS, 0, 0, 0));
    await expect(page.getByTestId("import-plan")).toHaveText(`将新建计划“${title}”（2018年），新建的计划为草稿。`);
    await expect(page.locator('[data-testid="import-row"][data-fate="create"]')).toHaveCount(ROWS);
    await page.getByRole("button", { name: "确认导入" }).click();
    await expect(page.getByTestId("import-result")).toContainText(`导入完成：新增 ${ROWS} 行，更新 0 行。`);
    // The check is redone against the plan as it now is: every row unchanged.
    await expect(page.getByTestId("import-summary")).toHaveText(summary(0, 0, ROWS, 0));
    await page.getByRole("link", { name: "打开督查看板" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    await expect(page.getByTestId("board-row")).toHaveCount(10);
    await expect(page.getByTestId("board-row").nth(5)).toContainText("精准招商持久战");

    // The same file again: every row 不变, and the confirm writes nothing.
    await openImport(page);
    await upload(page, fixed, "十大战役.xlsx");
    await expect(page.getByTestId("import-summary")).toHaveText(summary(0, 0, ROWS, 0));
    await expect(page.getByTestId("import-plan")).toHaveText(`将更新本镇已有的计划“${title}”（2018年）。`);
    await page.getByRole("button", { name: "确认导入" }).click();
    await expect(page.getByTestId("import-result")).toContainText("文件与系统中的计划完全一致，没有写入任何内容。");
    await page.goto("/plans");
    await expect(page.getByRole("link", { name: title })).toHaveCount(1);
  });

  test("the demo plan exported in the template format imports back as every row 不变", async ({ page, project }) => {
    test.setTimeout(150_000);
    const staff = await createUser(page.request, project, "STAFF");
    await signIn(page, staff.username, staff.password);
    // Other spec files add test leads to the demo campaigns while this one runs: a lead added
    // between the export and the dry run is a real difference, so such a run starts again from a
    // fresh export (a lossy round trip fails every time, and so still fails the test).
    await expect(async () => {
      await openPlan(page);
      const downloading = page.waitForEvent("download");
      await page.getByRole("link", { name: "导出计划（Excel）" }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe("2018年十大战役.xlsx");

      await page.goto("/plans/import");
      await upload(page, await readFile(await download.path()), download.suggestedFilename());
      await expect(page.getByTestId("import-plan")).toHaveText("将更新本镇已有的计划“2018年十大战役”（2018年）。");
      await expect(page.getByTestId("import-error")).toHaveCount(0, { timeout: 2_000 });
      await expect(page.locator('[data-testid="import-row"]:not([data-fate="unchanged"])')).toHaveCount(0, { timeout: 2_000 });
      await expect(page.getByTestId("import-summary")).toHaveText(/^新增 0 行 · 更新 0 行 · 不变 \d+ 行 · 错误 0 行$/, { timeout: 2_000 });
    }).toPass({ timeout: 90_000 });
    await expect(page.getByRole("button", { name: "确认导入" })).toBeVisible();
  });

  test("those who do not keep plans get no link, no page and no download", async ({ page, project }) => {
    const viewer = await createUser(page.request, project, "VIEWER");
    await signIn(page, viewer.username, viewer.password, "/plans");
    await expect(page.getByRole("link", { name: "从 Excel 导入计划" })).toHaveCount(0);
    expect((await page.goto("/plans/import"))?.status()).toBe(404);
    expect((await page.request.get("/api/plans/template")).status()).toBe(404);
    await openPlan(page);
    await expect(page.getByRole("link", { name: "导出计划（Excel）" })).toHaveCount(0);
    expect((await page.request.get(`/api${new URL(page.url()).pathname}/workbook`)).status()).toBe(404);
  });
});
