import type { Browser, Page } from "@playwright/test";
import { createUser, expect, signIn, submitForReview, test, type Project } from "./fixtures";

// The report form as a town office expects it (#10): figures checked as they are typed, a draft that
// keeps what it can, a copy on the device sent by itself when the connection returns; and (#11) a
// submit that does not overwrite a task's progress saved meanwhile. April reports of campaigns 5, 6
// and 9, which no other browser test writes.

async function leadOf(browser: Browser, project: Project, campaign: number) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = await createUser(page.request, project, "LEAD", [campaign]);
  await signIn(page, user.username, user.password);
  return { page, context, name: `测试用户 ${user.username}` };
}

async function campaignPath(page: Page, name: string): Promise<string> {
  await page.goto("/plans");
  await page.getByRole("link", { name: "2018年十大战役" }).click();
  await page.getByRole("link", { name }).click();
  await page.waitForURL(/\/campaigns\/[^/]+$/);
  return new URL(page.url()).pathname;
}

/** The input of an indicator, found by its label "名称（单位）". */
const indicator = (page: Page, name: string) => page.getByLabel(new RegExp(`^${name}（`));

test.describe("the report form", () => {
  test("a draft saves its good fields and keeps a bad % figure with its message; a year-to-date figure below March's needs a reason to submit", async ({
    browser,
    project,
  }) => {
    const lead = await leadOf(browser, project, 5);
    const path = `${await campaignPath(lead.page, "治水和生猪退养巩固提升战")}/reports/4`;
    await lead.page.goto(path);

    const rate = indicator(lead.page, "地表水Ⅲ类以上断面比例");
    await rate.fill("120");
    await lead.page.getByLabel("工作进展").fill("四月完成断面巡查");
    await expect(lead.page.getByText(/草稿已保存.*有 1 处未能保存/)).toBeVisible({ timeout: 15_000 });
    const rateId = await rate.getAttribute("id");
    await expect(lead.page.locator(`#${rateId}-error`)).toHaveText("百分比须在0至100之间。");
    await expect(rate).toHaveValue("120");
    await expect(rate).toHaveAttribute("aria-invalid", "true");

    // The good field is on the server; the bad one is still on this device, offered back.
    await lead.page.reload();
    await expect(lead.page.getByLabel("工作进展")).toHaveValue("四月完成断面巡查");
    await expect(indicator(lead.page, "地表水Ⅲ类以上断面比例")).toHaveValue("");
    await lead.page.getByRole("button", { name: "恢复这些内容" }).click();
    await expect(indicator(lead.page, "地表水Ⅲ类以上断面比例")).toHaveValue("120");
    await indicator(lead.page, "地表水Ⅲ类以上断面比例").fill("66.5");

    // 纸厂环保设施改造 is year to date: below March's figure, the form asks why.
    const plants = indicator(lead.page, "纸厂环保设施改造");
    await expect(lead.page.getByLabel("下降原因")).toHaveCount(0);
    await plants.fill("0");
    const reason = lead.page.getByLabel("下降原因");
    await expect(reason).toBeVisible();
    await expect(lead.page.getByText(/本月累计值低于上月/)).toBeVisible();
    await lead.page.getByLabel("存在问题").fill("无");
    await lead.page.getByLabel("下步打算").fill("五月复核");
    await submitForReview(lead.page);
    const reasonId = await reason.getAttribute("id");
    await expect(lead.page.locator(`#${reasonId}-error`)).toHaveText("累计值低于上月，请填写下降原因。");
    await expect(plants).toHaveValue("0");
    await expect(lead.page.getByText("草稿").first()).toBeVisible();
    await lead.context.close();
  });

  test("a copy kept while offline is sent by itself when the connection returns", async ({ browser, project }) => {
    const lead = await leadOf(browser, project, 6);
    const path = `${await campaignPath(lead.page, "精准招商持久战")}/reports/4`;
    await lead.page.goto(path);
    await lead.page.getByLabel("工作进展").fill("四月走访企业");
    await expect(lead.page.getByText(/草稿已自动保存/)).toBeVisible({ timeout: 15_000 });

    await lead.context.setOffline(true);
    await lead.page.getByLabel("工作进展").fill("四月走访企业十二家（离线填写）");
    await expect(lead.page.getByText("暂时无法连接服务器")).toBeVisible({ timeout: 15_000 });
    // Back online: no keystroke, no click.
    await lead.context.setOffline(false);
    await expect(lead.page.getByText(/草稿已自动保存/)).toBeVisible({ timeout: 15_000 });
    await lead.page.reload();
    await expect(lead.page.getByLabel("工作进展")).toHaveValue("四月走访企业十二家（离线填写）");
    await lead.context.close();
  });

  test("submitting over a task's progress saved meanwhile on the task page is refused with what changed, the input kept", async ({ browser, project }) => {
    test.setTimeout(90_000);
    const a = await leadOf(browser, project, 9);
    const b = await leadOf(browser, project, 9);
    const campaign = await campaignPath(a.page, "征(搬)迁工作突击战");
    await a.page.goto(`${campaign}/reports/4`);
    const inputs = a.page.locator('input[name^="value."]');
    for (let i = 0; i < (await inputs.count()); i++) await inputs.nth(i).fill(String(100_000 + i));
    await a.page.getByLabel("工作进展").fill("四月签约两户");
    await a.page.getByLabel("存在问题").fill("无");
    await a.page.getByLabel("下步打算").fill("五月完成腾空");

    // Meanwhile B records a task's progress on its own page.
    await b.page.goto(campaign);
    await b.page.getByRole("link", { name: "更新进度" }).first().click();
    await b.page.waitForURL(/\/tasks\//);
    const task = (await b.page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "";
    await b.page.getByLabel("完成百分比（%）").fill("77");
    await b.page.getByLabel("状态").selectOption("IN_PROGRESS");
    // An overdue task asks for its 逾期原因 and 整改措施 (销号, issue #13).
    if (await b.page.getByLabel("逾期原因").count()) {
      await b.page.getByLabel("逾期原因").fill("搬迁户协商未果");
      await b.page.getByLabel("整改措施").fill("镇村两级每周上门协调");
    }
    await b.page.getByRole("button", { name: "保存" }).click();
    await b.page.waitForURL(/\/campaigns\/[^/]+$/);

    // A submits the form as loaded: refused, with the task as B saved it beside A's input.
    await submitForReview(a.page);
    const conflict = a.page.getByTestId("conflict");
    await expect(conflict).toContainText("以下任务的进度已在任务页更新");
    const row = conflict.getByRole("row").filter({ hasText: "77%" });
    await expect(row).toContainText(b.name);
    if (task) await expect(row).toContainText(task);
    await expect(a.page.getByLabel("工作进展")).toHaveValue("四月签约两户");
    await expect(a.page.getByText("待审核")).toHaveCount(0);

    // Having seen it, A submits on purpose.
    await a.page.getByRole("button", { name: "已核对，按我的内容提交" }).click();
    await a.page.getByRole("dialog").getByRole("button", { name: "确认提交" }).click();
    await expect(a.page.getByText("待审核").first()).toBeVisible();
    await a.context.close();
    await b.context.close();
  });
});
