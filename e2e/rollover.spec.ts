import { createUser, expect, expectNoSeriousA11yViolations, openPlan, signIn, test } from "./fixtures";

// Rolling the demo plan forward creates a 2019 plan in the database every spec file shares. It is a
// DRAFT, so the board, the county overview and the home redirect (which pick the ACTIVE plan) and
// the "2018年十大战役" link of openPlan() are unaffected.
test.describe("rolling the 2018 plan into 2019", () => {
  test("staff preview the new baselines, confirm once, and land on the 2019 plan with its ten campaigns", async ({ page, project }) => {
    const { username, password } = await createUser(page.request, project, "STAFF");
    await signIn(page, username, password);
    await openPlan(page);
    const sourcePath = new URL(page.url()).pathname;

    await page.getByRole("link", { name: "滚动生成下一年度计划" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("滚动生成2019年度计划");
    await expect(page.getByTestId("rollover-year")).toHaveText("2019年（对照2018年）");
    await expect(page.getByLabel("计划名称")).toHaveValue("2019年十大战役");
    await expect(page.getByLabel(/结转未完成的任务（\d+项）/)).not.toBeChecked();
    await expect(page.getByTestId("rollover-summary")).toContainText("10个战役");

    // 工业总产值 (plan-wide, entered by staff) has demo figures for January to March only: the March
    // year-to-date total becomes the 2019 baseline, marked provisional.
    const row = page.getByTestId("rollover-row").filter({ hasText: "工业总产值" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("全镇指标");
    await expect(row).toContainText("截至3月累计，暂定");
    await expect(row.getByTestId("new-baseline")).toHaveText(/16\.16 亿元/);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "确认生成2019年计划" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("2019年十大战役");
    expect(new URL(page.url()).pathname).not.toBe(sourcePath);
    await expect(page).toHaveURL(/\/plans\/[^/]+$/);
    await expect(page.getByText("2019年（对照2018年）")).toBeVisible();
    await expect(page.getByTestId("campaign-row")).toHaveCount(10);
    await expect(page.getByTestId("campaign-row").nth(5)).toContainText("精准招商持久战");
    const planWide = page.getByTestId("plan-indicator").filter({ hasText: "工业总产值" });
    await expect(planWide).toContainText("16.16 亿元");
    await expect(planWide).toContainText("非全年实绩");
  });

  test("a viewer sees no rollover link and cannot open the page", async ({ page, project }) => {
    const { username, password } = await createUser(page.request, project, "VIEWER");
    await signIn(page, username, password);
    await openPlan(page);
    await expect(page.getByRole("link", { name: "滚动生成下一年度计划" })).toHaveCount(0);
    const res = await page.goto(`${new URL(page.url()).pathname}/rollover`);
    expect(res?.status()).toBe(404);
  });
});
