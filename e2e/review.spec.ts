import type { Page } from "@playwright/test";
import { expect, postForm, serverFormFields, signIn, submitForReview, signedInAs, test } from "./fixtures";

// Review follows the organisation (#10): a report goes to its campaign's 分管领导 (and the town's
// principal leader), optionally after the office's 初审; anyone else's decision is refused on the
// server. Each test builds its own 2018 plan (a DRAFT, so the demo plan stays the current one for
// every other spec) with a campaign whose 分管领导 and lead are fresh users.

/** Staff create a 2018 plan (初审 on or off) with one campaign; returns the March report's path. */
async function planWithCampaign(page: Page, options: { preReview: boolean; official: string; lead: string; reviewer?: string }): Promise<string> {
  const title = `审核测试计划_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  await page.goto("/plans/new");
  await page.getByLabel("计划年度").fill("2018");
  await page.getByLabel("计划名称").fill(title);
  if (options.preReview) await page.getByLabel("报告先经党政办初审").check();
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await page.getByRole("link", { name: "新增战役" }).click();
  await page.getByLabel("战役名称").fill("审核流程测试战役");
  await page.getByLabel("分管领导").selectOption({ label: options.official });
  if (options.reviewer) await page.getByLabel("指定审核人（选填）").selectOption({ label: options.reviewer });
  await page.getByLabel(options.lead).check();
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("审核流程测试战役");
  return `${new URL(page.url()).pathname}/reports/3`;
}

async function fillNarrative(page: Page, progress: string) {
  await page.getByLabel("工作进展").fill(progress);
  await page.getByLabel("存在问题").fill("无");
  await page.getByLabel("下步打算").fill("四月继续推进");
}

test.describe("who reviews a report", () => {
  test("the campaign's 分管领导 approves; another leader, staff, the lead and the county are refused by a direct POST; a draft is its lead's", async ({
    browser,
    project,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const base = baseURL ?? "";
    const [staff, official, named, other, lead] = [
      await signedInAs(browser, project, "STAFF"),
      await signedInAs(browser, project, "LEADER"),
      await signedInAs(browser, project, "LEADER"),
      await signedInAs(browser, project, "LEADER"),
      await signedInAs(browser, project, "LEAD"),
    ];
    const path = await planWithCampaign(staff.page, { preReview: false, official: official.name, lead: lead.name, reviewer: named.name });

    // The lead's draft: the page says who reviews it and that March's report is late.
    await lead.page.goto(path);
    await expect(lead.page.getByTestId("days-overdue")).toHaveText("已逾期 5 天");
    await expect(lead.page.getByTestId("reviewers")).toContainText(`${official.name}（分管领导）`);
    await expect(lead.page.getByTestId("reviewers")).toContainText(`${named.name}（指定审核人）`);
    await expect(lead.page.getByTestId("reviewers")).toContainText("张伟（主要领导）");
    await lead.page.getByLabel("工作进展").fill("草稿：三月摸底尚未核实");
    await expect(lead.page.getByText(/草稿已自动保存/)).toBeVisible({ timeout: 15_000 });
    // Others learn only that a draft exists.
    await other.page.goto(path);
    await expect(other.page.getByTestId("draft-hidden")).toContainText("草稿，未提交");
    await expect(other.page.getByText("三月摸底尚未核实")).toHaveCount(0);

    await fillNarrative(lead.page, "三月完成摸底");
    await submitForReview(lead.page);
    await expect(lead.page.getByText("待审核").first()).toBeVisible();

    // Another leader reads it but has nothing to decide.
    await other.page.reload();
    await expect(other.page.getByTestId("narrative-progressText")).toHaveText("三月完成摸底");
    await expect(other.page.getByRole("button", { name: "审核通过" })).toHaveCount(0);

    // The leader the office named for the campaign may review it too.
    await named.page.goto(path);
    await expect(named.page.getByRole("button", { name: "审核通过" })).toBeVisible();

    // The 分管领导 has the review form; replayed by everyone else, exactly as rendered, it is refused.
    await official.page.goto(path);
    await expect(official.page.getByRole("button", { name: "审核通过" })).toBeVisible();
    const fields = await serverFormFields(official.page.request, path, 'name="decision"');
    fields.push(["decision", "approve"]);
    expect(fields.some(([k]) => k.startsWith("$ACTION"))).toBe(true);
    const countyContext = await browser.newContext();
    const county = await countyContext.newPage();
    await signIn(county, "county", project.password);
    for (const [who, request] of [
      ["another leader", other.page.request],
      ["staff", staff.page.request],
      ["the lead", lead.page.request],
      ["the county", county.request],
    ] as const) {
      const res = await postForm(request, base, path, fields);
      expect(res.status(), who).toBeLessThan(500);
    }
    await official.page.reload();
    await expect(official.page.getByText("待审核").first()).toBeVisible();

    // The same replay by the 分管领导 goes through: the refusals were about who, not how.
    expect((await postForm(official.page.request, base, path, fields)).status()).toBeLessThan(400);
    await official.page.reload();
    await expect(official.page.getByTestId("report-trail")).toContainText(`${official.name} 于`);
    await expect(official.page.getByText("已通过").first()).toBeVisible();
    for (const c of [staff, official, named, other, lead]) await c.context.close();
    await countyContext.close();
  });

  test("with 初审 on, the lead may withdraw until the office passes it; then its 分管领导 approves", async ({ browser, project }) => {
    test.setTimeout(120_000);
    const [staff, official, lead] = [
      await signedInAs(browser, project, "STAFF"),
      await signedInAs(browser, project, "LEADER"),
      await signedInAs(browser, project, "LEAD"),
    ];
    const path = await planWithCampaign(staff.page, { preReview: true, official: official.name, lead: lead.name });

    await lead.page.goto(path);
    await expect(lead.page.getByTestId("reviewers")).toContainText("提交后先由党政办初审");
    await fillNarrative(lead.page, "三月完成摸底");
    await submitForReview(lead.page);
    await expect(lead.page.getByText("待审核").first()).toBeVisible();

    // 撤回: back to a draft, changed, submitted again.
    await lead.page.getByRole("button", { name: "撤回" }).click();
    await expect(lead.page.getByLabel("工作进展")).toHaveValue("三月完成摸底");
    await lead.page.getByLabel("工作进展").fill("三月完成摸底，补充村级台账");
    await submitForReview(lead.page);
    await expect(lead.page.getByTestId("report-trail")).toContainText("等待党政办初审");

    // The leader waits for the office.
    await official.page.goto(path);
    await expect(official.page.getByTestId("report-trail")).toContainText("等待党政办初审");
    await expect(official.page.getByRole("button", { name: "审核通过" })).toHaveCount(0);

    // The office checks it and passes it on.
    await staff.page.goto(path);
    await expect(staff.page.getByRole("heading", { name: "党政办初审" })).toBeVisible();
    await staff.page.getByRole("button", { name: "初审通过" }).click();
    await expect(staff.page.getByTestId("report-trail")).toContainText(`${staff.name} 于`);
    await expect(staff.page.getByRole("button", { name: "初审通过" })).toHaveCount(0);

    // Review has started: no more withdrawing.
    await lead.page.reload();
    await expect(lead.page.getByTestId("report-trail")).toContainText("初审通过");
    await expect(lead.page.getByRole("button", { name: "撤回" })).toHaveCount(0);

    await official.page.reload();
    await official.page.getByRole("button", { name: "审核通过" }).click();
    await expect(official.page.getByText("已通过").first()).toBeVisible();
    const trail = official.page.getByTestId("report-trail");
    await expect(trail).toContainText("初审通过");
    await expect(trail).toContainText("审核通过");

    // Every step is in the campaign's trail.
    await official.page.goto(path.replace(/\/reports\/3$/, ""));
    const audit = official.page.getByTestId("audit-trail");
    for (const step of ["提交审核", "撤回报告", "初审通过", "审核通过"]) await expect(audit).toContainText(step);
    for (const c of [staff, official, lead]) await c.context.close();
  });

  test("an admin makes a leader a principal leader on the user page: they then review every campaign", async ({ browser, project }) => {
    const [admin, leader] = [await signedInAs(browser, project, "ADMIN"), await signedInAs(browser, project, "LEADER")];
    // Campaign 5's March report is submitted in the demo; its 分管领导 is 刘洋.
    await leader.page.goto("/plans");
    await leader.page.getByRole("link", { name: "2018年十大战役" }).click();
    await leader.page.getByRole("link", { name: "治水和生猪退养巩固提升战" }).click();
    await leader.page.getByTestId("report-month-3").click();
    await expect(leader.page.getByText("待审核").first()).toBeVisible();
    await expect(leader.page.getByRole("button", { name: "审核通过" })).toHaveCount(0);

    await admin.page.goto(`/admin/users?q=${leader.user.username}`);
    await admin.page.getByRole("link", { name: `编辑 ${leader.user.username}` }).click();
    const principal = admin.page.getByRole("checkbox", { name: "主要领导" });
    await expect(principal).not.toBeChecked();
    await principal.check();
    await admin.page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(admin.page.getByText("已保存。")).toBeVisible();

    await leader.page.reload();
    await expect(leader.page.getByTestId("reviewers")).toContainText(`${leader.name}（主要领导）`);
    await expect(leader.page.getByRole("button", { name: "审核通过" })).toBeVisible();
    for (const c of [admin, leader]) await c.context.close();
  });
});
