import { createUser, expect, expectNoSeriousA11yViolations, PHONE, signIn, submitForReview, test } from "./fixtures";

test.describe("the leadership status board", () => {
  test("says each campaign's light and why in the office's words, filters by a list of lights in the URL, and opens a campaign", async ({ page, project }) => {
    const leader = await createUser(page.request, project, "LEADER");
    // Leaders land on their inbox; the board is a link away.
    await signIn(page, leader.username, leader.password, "/board");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("督查看板");
    await expect(page.getByText("2018年3月数据")).toBeVisible();
    const rows = page.getByTestId("board-row");
    await expect(rows).toHaveCount(10);
    for (let i = 0; i < 10; i++) {
      await expect(rows.nth(i).locator("[data-light]").first()).toHaveAttribute("data-light", /RED|AMBER|GREEN|NONE/);
      await expect(rows.nth(i).getByTestId("verdict")).toHaveText(/^(红灯|黄灯|绿灯|暂无)/);
    }
    // Silence is not green: the three campaigns without a March report, five days after it was due.
    for (const name of ["平安建设提升战", "拆违和垃圾分类推进战"]) {
      const row = rows.filter({ hasText: name });
      await expect(row.locator("[data-light]").first()).toHaveAttribute("data-light", "RED");
      await expect(row.getByTestId("verdict")).toContainText("3月进度报告逾期 5 天未报送");
    }
    // Year-to-date figures against 序时进度, in 个百分点; a figure awaiting review says so.
    await expect(rows.filter({ hasText: "精准招商持久战" }).getByTestId("reasons")).toContainText(
      /1—3月累计 [\d,]+ 天，完成年度目标 [\d.]+%，慢于序时进度（25%）[\d.]+ 个百分点/,
    );
    await expect(rows.filter({ hasText: "大气环境整治保卫战" })).toContainText("待审核");
    await expect(page.getByTestId("rule-text")).toContainText("慢于序时进度 5 个百分点以内为黄灯");
    await expect(page.getByTestId("rule-text")).toContainText("逾期超过 3 天为红灯");

    // Only months whose reports have come due can be chosen.
    await expect(page.getByRole("combobox", { name: "查看月份" }).locator("option")).toHaveText(["当前（2018年3月）", "2018年2月", "2018年1月"]);

    const board = new URL(page.url()).pathname;
    await page.goto(`${board}?f.status=RED,AMBER`);
    const filtered = page.getByTestId("board-row");
    const n = await filtered.count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(10);
    for (let i = 0; i < n; i++) await expect(filtered.nth(i).locator("[data-light]").first()).toHaveAttribute("data-light", /^(RED|AMBER)$/);
    await expect(page.getByRole("combobox", { name: "按状态筛选" }).locator("option:checked")).toHaveText("红灯、黄灯");

    // A filter or month that means nothing is refused in words, not shown as an empty board.
    await page.goto(`${board}?f.status=PURPLE`);
    await expect(page.getByTestId("board-notice")).toContainText("状态筛选“PURPLE”无效");
    await expect(page.getByTestId("board-row")).toHaveCount(10);
    await page.goto(`${board}?asOf=2018-05`);
    await expect(page.getByTestId("board-notice")).toContainText("“2018-05”不是可查看的月份");
    await expect(page.getByText("2018年3月数据")).toBeVisible();

    await page.goto(`${board}?f.status=RED,AMBER`);
    await page.getByTestId("board-row").filter({ hasText: "精准招商持久战" }).getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("精准招商持久战");
    await expect(page.getByTestId("campaign-status")).toContainText(/红灯|黄灯|绿灯/);
    await expect(page.getByTestId("campaign-verdict")).not.toBeEmpty();
    await expect(page.getByTestId("indicator-status").first()).toContainText("序时进度");
    // Its charts: one per indicator, planned against actual, the 2017 figure marked.
    const charts = page.getByTestId("indicator-chart");
    await expect(charts).toHaveCount(6);
    await expect(charts.first()).toContainText("外出招商天数");
    await expect(charts.first().locator(".recharts-reference-line")).toHaveCount(1);
    await expect(charts.first().getByRole("img", { name: /外出招商天数：基数 393 天/ })).toBeVisible();
  });

  test("a past month shows what was known when its reports were due, even after a later correction", async ({ browser, project }) => {
    const leadContext = await browser.newContext();
    const lead = await leadContext.newPage();
    const leadUser = await createUser(lead.request, project, "LEAD", [4]);
    await signIn(lead, leadUser.username, leadUser.password);
    // 五星达标's March report is approved in the demo data; in April its lead corrects every figure to 1.
    await lead.getByTestId("my-campaign").filter({ hasText: "五星达标A级创建阵地战" }).getByRole("link").first().click();
    await lead.getByTestId("report-month-3").click();
    await lead.getByRole("button", { name: "发起更正" }).click();
    await expect(lead.getByLabel("工作进展")).toBeVisible();
    const inputs = lead.locator('input[name^="value."]');
    expect(await inputs.count()).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < (await inputs.count()); i++) await inputs.nth(i).fill("1");
    // A year-to-date figure below February's needs a reason.
    const reasons = lead.getByLabel("下降原因");
    await expect(reasons.first()).toBeVisible();
    for (const reason of await reasons.all()) await reason.fill("统计口径调整");
    await submitForReview(lead);
    await expect(lead.getByText("待审核").first()).toBeVisible();

    const page = await (await browser.newContext()).newPage();
    const leader = await createUser(page.request, project, "LEADER");
    // Leaders land on their inbox; the board is a link away.
    await signIn(page, leader.username, leader.password, "/board");
    const board = new URL(page.url()).pathname;
    const now = page.getByTestId("board-row").filter({ hasText: "五星达标A级创建阵地战" });
    await expect(now.getByTestId("reasons")).toContainText(/3月 1 个/);

    // February, as it stood when February's reports were due (the end of March): no March report, no correction.
    await page.goto(`${board}?asOf=2018-02`);
    await expect(page.getByTestId("as-of-note")).toContainText("2018年3月31日");
    await expect(page.getByText("2018年2月数据")).toBeVisible();
    const then = page.getByTestId("board-row").filter({ hasText: "五星达标A级创建阵地战" });
    await expect(then).not.toContainText("3月");
    await leadContext.close();
  });

  test("a lead who has not reported is listed; a reminder reaches them and is audited", async ({ browser, project }) => {
    const leadContext = await browser.newContext();
    const lead = await leadContext.newPage();
    const leadUser = await createUser(lead.request, project, "LEAD", [3]);
    await signIn(lead, leadUser.username, leadUser.password);

    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    const staffUser = await createUser(staff.request, project, "STAFF");
    await signIn(staff, staffUser.username, staffUser.password);
    const missing = staff.getByTestId("missing").getByRole("listitem").filter({ hasText: "百日整治大会战" });
    await expect(missing).toContainText("逾期 5 天");
    await missing.getByRole("button", { name: /催办/ }).click();
    await expect(missing).toContainText(/已向 \d+ 人发出催办，并升级至分管领导/);

    await lead.goto("/my");
    await expect(lead.getByTestId("my-reminders")).toContainText("百日整治大会战");
    await lead.getByTestId("my-campaign").filter({ hasText: "百日整治大会战" }).getByRole("link").first().click();
    await expect(lead.getByTestId("audit-trail")).toContainText("催办");
    await leadContext.close();
    await staffContext.close();
  });

  test("groups the board by lead department, kept in the URL, sorted and filtered inside the groups, each group folding away", async ({ page, project }) => {
    const leader = await createUser(page.request, project, "LEADER");
    // Leaders land on their inbox; the board is a link away.
    await signIn(page, leader.username, leader.password, "/board");
    const board = new URL(page.url()).pathname;
    const rows = page.getByTestId("board-row");
    await expect(rows).toHaveCount(10);

    const groupBy = page.getByRole("combobox", { name: "分组", exact: true });
    await expect(groupBy).toHaveValue("");
    // Retried: a choice made before the page has hydrated is not seen by React.
    await expect(async () => {
      await groupBy.selectOption({ label: "牵头单位" });
      await expect(page).toHaveURL(/[?&]g=dept(&|$)/, { timeout: 1_000 });
    }).toPass();
    // The demo plan's ten campaigns have nine lead departments; 环保所 leads campaigns 5 and 10.
    const headers = page.getByTestId("group-header");
    await expect(headers).toHaveCount(9);
    await expect(rows).toHaveCount(10);
    const environment = page.getByTestId("table-group").filter({ has: page.getByRole("button", { name: /^环保所/ }) });
    await expect(environment.getByTestId("group-header")).toHaveText(/^\W*环保所\s*·\s*2 个战役\s*·(\s*(红灯|黄灯|绿灯|暂无数据) \d)+\s*$/);
    await expect(environment.getByTestId("board-row")).toHaveCount(2);
    await expect(environment.getByTestId("board-row").nth(0)).toContainText("治水和生猪退养巩固提升战");
    await expect(environment.getByTestId("board-row").nth(1)).toContainText("大气环境整治保卫战");

    // The link keeps the grouping, and sorting applies inside each group.
    await page.reload();
    await expect(groupBy).toHaveValue("dept");
    await expect(headers).toHaveCount(9);
    await expect(rows).toHaveCount(10);
    await expectNoSeriousA11yViolations(page);
    await page.goto(`${board}?g=dept&sort=-number`);
    await expect(headers).toHaveCount(9);
    await expect(environment.getByTestId("board-row").nth(0)).toContainText("大气环境整治保卫战");
    await expect(environment.getByTestId("board-row").nth(1)).toContainText("治水和生猪退养巩固提升战");

    // Filtering happens before grouping: only the groups with a matching campaign remain.
    const search = page.getByRole("searchbox", { name: "搜索战役、单位、领导或原因" });
    await expect(async () => {
      await search.fill("大气环境整治保卫战");
      await expect(headers).toHaveCount(1, { timeout: 1_000 });
    }).toPass();
    await expect(rows).toHaveCount(1);
    await expect(environment.getByTestId("group-header")).toContainText("1 个战役");
    await search.fill("");
    await expect(rows).toHaveCount(10);

    // A group folds away and opens again; the others stay as they are.
    const toggle = environment.getByRole("button", { name: /^环保所/ });
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(environment.getByTestId("board-row")).toHaveCount(0);
    await expect(rows).toHaveCount(8);
    await expect(rows.filter({ hasText: "大气环境整治保卫战" })).toHaveCount(0);
    await expect(headers).toHaveCount(9);
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(environment.getByTestId("board-row")).toHaveCount(2);

    // On a phone the table gives way to the one-line list of every campaign (grouping is the table's).
    await page.setViewportSize(PHONE);
    await expect(toggle).toBeHidden();
    await expect(page.getByTestId("phone-board-item")).toHaveCount(10);
    await expectNoSeriousA11yViolations(page);
    await page.setViewportSize({ width: 1366, height: 900 });

    // Back to no grouping: one list again, and g leaves the URL.
    await groupBy.selectOption({ label: "不分组" });
    await expect(headers).toHaveCount(0);
    await expect(rows).toHaveCount(10);
    await expect(page).not.toHaveURL(/[?&]g=/);
  });

  for (const [name, viewport] of [
    ["desktop", { width: 1366, height: 900 }],
    ["phone", PHONE],
  ] as const) {
    test(`the board has no serious accessibility violations (${name})`, async ({ browser, project }) => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const leader = await createUser(page.request, project, "LEADER");
      await signIn(page, leader.username, leader.password, "/board");
      await expect(page.getByTestId("board-row")).toHaveCount(10);
      await expectNoSeriousA11yViolations(page);
      await page.goto(`${new URL(page.url()).pathname}?asOf=2018-02&f.status=RED,AMBER`);
      await expectNoSeriousA11yViolations(page);
      await context.close();
    });
  }
});
