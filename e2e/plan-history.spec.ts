import { createUser, expect, expectNoSeriousA11yViolations, openPlan, PHONE, signIn, test } from "./fixtures";

// The plan keeps its history: on the active demo plan a change applies from a chosen month, and one
// that reaches back to a reported month is a 调整 that needs its reason and is marked wherever that
// month is shown. Campaign 10 (大气环境整治保卫战) is this spec's: no other spec edits its plan.
test.describe("the plan's history", () => {
  test("staff adjust a reported month only with a reason, it is marked on the campaign, the board and the plan, and a change from May leaves March alone", async ({
    page,
    project,
  }) => {
    test.setTimeout(120_000);
    const staff = await createUser(page.request, project, "STAFF");
    await signIn(page, staff.username, staff.password);
    await openPlan(page);
    await page.getByTestId("campaign-row").filter({ hasText: "大气环境整治保卫战" }).getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("大气环境整治保卫战");
    const campaign = page.url();
    await page.getByRole("link", { name: "编辑指标：工业废气治理企业数" }).click();

    // The demo plan is active: the change asks from when. April is the first month not yet reported.
    const from = page.getByLabel("从哪个月起生效");
    await expect(from).toHaveValue("4");
    await from.selectOption({ label: "2018年3月起（调整已报告月份）" });
    await expect(page.getByText("这是对已报告月份的“目标调整”")).toBeVisible();
    await page.getByLabel("目标值").fill("30");
    await page.getByRole("radio", { name: "平均" }).check();
    await page.getByRole("button", { name: "保存", exact: true }).click();
    // Refused next to the field, and what was typed stays.
    await expect(page.locator("#changeReason-error")).toContainText("调整已报告月份的计划须填写原因");
    await expect(page.getByLabel("目标值")).toHaveValue("30");
    await expect(page.getByLabel("从哪个月起生效")).toHaveValue("3");
    await page.getByLabel("调整原因（必填）").fill("按县考核要求调整全年目标");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page).toHaveURL(campaign.split("?")[0] ?? "");

    // Marked where March is shown: the campaign, the board, the plan's change record.
    await expect(page.getByTestId("campaign-adjustments")).toContainText("工业废气治理企业数：自3月起调整");
    await expect(page.getByTestId("campaign-adjustments")).toContainText("按县考核要求调整全年目标");
    const row = page.getByTestId("indicator-row").filter({ hasText: "工业废气治理企业数" });
    await expect(row).toContainText("30 家");
    await expect(row).toContainText("目标调整");

    await page.goto("/board");
    await expect(page.getByTestId("adjustments")).toContainText("工业废气治理企业数：自3月起调整");
    await expect(page.getByTestId("board-row").filter({ hasText: "大气环境整治保卫战" })).toContainText("目标调整");
    // February was reported under the plan as it was, and is shown so.
    const board = new URL(page.url()).pathname;
    await page.goto(`${board}?asOf=2018-02`);
    await expect(page.getByTestId("adjustments")).toHaveCount(0);

    // A change from May leaves March as it is.
    await page.goto(campaign);
    await page.getByRole("link", { name: "编辑指标：工业废气治理企业数" }).click();
    await page.getByLabel("从哪个月起生效").selectOption({ label: "2018年5月起" });
    await page.getByLabel("目标值").fill("40");
    await page.getByRole("radio", { name: "平均" }).check();
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page).toHaveURL(campaign.split("?")[0] ?? "");
    await expect(page.getByTestId("indicator-row").filter({ hasText: "工业废气治理企业数" })).toContainText("30 家");

    await openPlan(page);
    const changes = page.getByTestId("plan-change").filter({ hasText: "工业废气治理企业数" });
    await expect(changes).toHaveCount(2);
    await expect(changes.filter({ hasText: "目标调整" })).toContainText("原因：按县考核要求调整全年目标");
    await expect(changes.filter({ hasText: "计划修改" })).toContainText("自2018年5月起");
    await expectNoSeriousA11yViolations(page);
  });

  test("an archived 月报 is made again exactly as it was and matches its archive", async ({ browser, project }) => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const staff = await createUser(page.request, project, "STAFF");
    await signIn(page, staff.username, staff.password);
    await openPlan(page);
    await page.getByRole("link", { name: "导出月报" }).click();
    await page.getByRole("radio", { name: /CSV 指标表/ }).check();
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "生成并下载" }).click();
    await downloading;
    // This user's own file: another spec's could have been made before a report it rests on was returned.
    const entry = page.getByRole("row").filter({ hasText: "2018年3月十大战役工作月报.csv" }).filter({ hasText: staff.username }).first();
    await entry.getByRole("button", { name: "核对" }).click();
    await expect(entry.getByTestId("verify-result")).toContainText("与存档一致");
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });
});
