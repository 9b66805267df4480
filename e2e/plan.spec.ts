import { createUser, expect, openPlan, signIn, test } from "./fixtures";

const CAMPAIGNS = [
  "平安建设提升战",
  '"最多跑一次"改革深化战',
  '"低小散"企业(作坊)百日整治大会战',
  "五星达标A级创建阵地战",
  "治水和生猪退养巩固提升战",
  "精准招商持久战",
  "拆违和垃圾分类推进战",
  "小城镇环境综合整治攻坚战",
  "征(搬)迁工作突击战",
  "大气环境整治保卫战",
];

test.describe("the Shendang 2018 plan", () => {
  test("lists the ten campaigns and the exact 2017 baseline, marked as demo data", async ({ page, project }) => {
    const { username, password } = await createUser(page.request, project, "VIEWER");
    await signIn(page, username, password);
    await openPlan(page);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("2018年十大战役");
    const rows = page.getByTestId("campaign-row");
    await expect(rows).toHaveCount(10);
    for (const [i, name] of CAMPAIGNS.entries()) {
      await expect(rows.nth(i)).toContainText(name);
    }
    await expect(page.getByRole("note")).toContainText("示例数据");
    const planWide = page.getByTestId("plan-indicator");
    await expect(planWide.filter({ hasText: "工业总产值" })).toContainText("56.58 亿元");
    await expect(planWide.filter({ hasText: "规上工业产值" })).toContainText("42.21 亿元");
    await expect(planWide.filter({ hasText: "工业生产性投入" })).toContainText("15.5 亿元");
    await expect(planWide.filter({ hasText: "园区基础设施投入" })).toContainText("1.32 亿元");
    await expect(rows.nth(5)).toContainText("外出招商天数 393 天");
    await expect(rows.nth(5)).toContainText("签约项目 5 个");
    await expect(rows.nth(2)).toContainText("腾退面积 228.8 亩");
    await expect(rows.nth(8)).toContainText("园区拆迁 123 户");
  });

  test("filters and sorting live in the URL, so a filtered view can be shared", async ({ page, project }) => {
    const { username, password } = await createUser(page.request, project, "LEADER");
    await signIn(page, username, password);
    await openPlan(page);
    const planUrl = page.url();
    await page.goto(`${planUrl}?f.dept=${encodeURIComponent("招商服务中心")}`);
    await expect(page.getByTestId("campaign-row")).toHaveCount(1);
    await expect(page.getByTestId("campaign-row")).toContainText("精准招商持久战");
    await page.getByRole("button", { name: "清除筛选" }).click();
    await expect(page.getByTestId("campaign-row")).toHaveCount(10);

    await page.getByPlaceholder("搜索战役、单位或责任人").fill("征迁办");
    await expect(page.getByTestId("campaign-row")).toHaveCount(1);
    await expect(page).toHaveURL(/q=%E5%BE%81%E8%BF%81%E5%8A%9E/);

    await page.goto(`${planUrl}?sort=-number`);
    await expect(page.getByTestId("campaign-row").first()).toContainText("大气环境整治保卫战");
    await page.getByRole("button", { name: /序号/ }).click();
    await expect(page).not.toHaveURL(/sort=-number/);
  });

  test("a campaign page shows its indicators against baseline, target and plan, and its tasks", async ({ page, project }) => {
    const { username, password } = await createUser(page.request, project, "STAFF");
    await signIn(page, username, password);
    await openPlan(page);
    await page.getByRole("link", { name: "精准招商持久战" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("第6战役");
    const row = page.getByTestId("indicator-row").filter({ hasText: "外出招商天数" });
    await expect(row.getByTestId("baseline")).toHaveText(/393 天/);
    await expect(row).toContainText("2018年3月");
    await expect(page.getByTestId("task").first()).toBeVisible();
    // Staff keep the plan but do not report progress.
    await expect(page.getByRole("link", { name: "更新进度" })).toHaveCount(0);
  });

  test("a county user sees the county's towns: the overview, each town's board and plan", async ({ page, project }) => {
    await signIn(page, "county", project.password);
    await page.getByRole("link", { name: "全县概览" }).click();
    // Other tests add plans of their own to 沈荡镇: the demo plan's row is the one to read.
    const row = page.getByTestId("county-row").filter({ hasText: "沈荡镇" }).filter({ hasText: "2018年十大战役" });
    await expect(row).toContainText("2018年十大战役");
    await expect(page.getByTestId("county-summary")).toContainText(/红灯 \d+/);
    await row.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("督查看板");
    await openPlan(page);
    await expect(page.getByText("沈荡镇")).toBeVisible();
  });
});
