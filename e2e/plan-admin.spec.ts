import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { createCampaign, createUser, expect, expectNoSeriousA11yViolations, openPlan, PHONE, signIn, test, type Project } from "./fixtures";

// Every spec file shares one demo database: these tests build plans of their own (DRAFT, so the
// board and the home page keep meaning the demo plan) and leave the demo plan's campaigns as they
// are. No title contains "2018年十大战役", which others click.

/** A signed-in page of a fresh user in its own browser context. */
async function as(browser: Browser, project: Project, role: "LEAD" | "STAFF", viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const leads = role === "LEAD" ? [await createCampaign(page.request, project, "牵头战役", 1)] : [];
  const user = await createUser(page.request, project, role, leads);
  await signIn(page, user.username, user.password);
  return { page, context };
}

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** Creates a 2019 draft plan through the form and returns its id (the page is left on the plan). */
async function createPlan(page: Page, title: string): Promise<string> {
  await page.goto("/plans");
  await page.getByRole("link", { name: "新建计划" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("新建年度计划");
  await page.getByLabel("计划年度").fill("2019");
  await page.getByLabel("计划名称").fill(title);
  await page.getByLabel("年度目标").fill("测试目标一\n测试目标二");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(page).toHaveURL(/\/plans\/[^/]+$/);
  return new URL(page.url()).pathname.split("/")[2] ?? "";
}

async function fillCampaign(page: Page, name: string) {
  await page.getByLabel("战役名称").fill(name);
  await page.getByLabel("牵头单位").selectOption({ label: "经济发展办" });
  await page.getByLabel("分管领导").selectOption({ label: "张伟（镇党委书记）" });
  await page.getByLabel("财政所").check();
  await page.getByLabel("陈静（综治办主任）").check();
  await page.getByLabel("开始日期").fill("2019-03-01");
  await page.getByLabel("结束日期").fill("2019-12-31");
}

async function addTask(page: Page, title: string, parent?: string) {
  await page.getByRole("link", { name: "新增任务" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("新增任务");
  await page.getByLabel("任务名称").fill(title);
  await page.getByLabel("责任人").selectOption({ label: "陈静（综治办主任）" });
  await page.getByLabel("开始日期").fill("2019-03-01");
  await page.getByLabel("截止日期").fill("2019-06-30");
  await page.getByLabel("权重").fill("3");
  if (parent) await page.getByLabel("上级任务").selectOption({ label: parent });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/campaigns\/[^/]+$/);
}

test.describe("plan administration by office staff", () => {
  test("staff create a plan, a campaign, an indicator with a front-loaded plan, a task and a sub-task, and change the escalation days", async ({
    browser,
    project,
  }) => {
    test.setTimeout(120_000);
    const { page, context } = await as(browser, project, "STAFF");
    const title = `测试计划2019_${suffix()}`;

    // A bad value gets its message next to the field, and everything typed stays.
    await page.goto("/plans/new");
    await page.getByLabel("计划名称").fill(title);
    await page.getByLabel("催办升级天数").fill("45");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.locator("#escalateAfterDays-error")).toContainText("请填写0至30之间的整数");
    await expect(page.getByLabel("催办升级天数")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("催办升级天数")).toHaveValue("45");
    await expect(page.getByLabel("计划名称")).toHaveValue(title);
    await page.getByLabel("催办升级天数").fill("3");
    await page.getByLabel("计划年度").fill("2019");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    await expect(page.getByText("2019年（对照2018年）")).toBeVisible();

    await page.getByRole("link", { name: "新增战役" }).click();
    await expect(page.getByLabel("序号")).toHaveValue("1");
    await fillCampaign(page, "测试战役甲");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("测试战役甲");
    await expect(page.getByText("张伟（镇党委书记）").first()).toBeVisible();

    // The indicator: a bad target is refused next to the field with the rest kept; the preview is what is saved.
    await page.getByRole("link", { name: "新增指标" }).click();
    await page.getByLabel("指标名称").fill("测试指标甲");
    await page.getByLabel("单位", { exact: true }).fill("家");
    await page.getByLabel("小数位数").fill("0");
    await page.getByLabel("基数值").fill("8");
    await page.getByLabel("目标值").fill("12");
    await page.getByLabel("前高后低").check();
    const preview = page.getByTestId("preview-month");
    await expect(preview).toHaveCount(12);
    const planned = ["2", "4", "5", "7", "8", "9", "10", "11", "11", "12", "12", "12"];
    for (const [i, v] of planned.entries()) await expect(preview.nth(i).locator("dd")).toHaveText(v);
    await page.getByLabel("目标值").fill("12,34");
    await expect(page.getByTestId("trajectory-preview")).toContainText("填写目标值");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.locator("#target-error")).toContainText("请填写数字");
    await expect(page.getByLabel("目标值")).toHaveValue("12,34");
    await expect(page.getByLabel("指标名称")).toHaveValue("测试指标甲");
    await expect(page.getByLabel("前高后低")).toBeChecked();
    await page.getByLabel("目标值").fill("12");
    await expect(preview.nth(5).locator("dd")).toHaveText("9");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page).toHaveURL(/\/campaigns\/[^/]+$/);
    await expect(page.getByTestId("indicator-row").filter({ hasText: "测试指标甲" })).toBeVisible();
    await page.getByRole("link", { name: "编辑指标：测试指标甲" }).click();
    await expect(page.getByLabel("前高后低")).toBeChecked();
    await page.getByRole("link", { name: "取消" }).click();

    await addTask(page, "测试任务甲");
    await addTask(page, "测试子任务乙", "测试任务甲");
    const tasks = page.getByTestId("task");
    await expect(tasks).toHaveCount(2);
    await expect(tasks.nth(0)).toContainText("测试任务甲");
    await expect(tasks.nth(1)).toContainText("测试子任务乙");
    await page.getByRole("link", { name: "编辑任务：测试子任务乙" }).click();
    await expect(page.getByLabel("上级任务").locator("option:checked")).toHaveText("测试任务甲");

    // The plan's escalation days.
    await page.goto("/plans");
    await page.getByRole("link", { name: title }).click();
    await page.getByRole("link", { name: "编辑计划" }).click();
    await expect(page.getByLabel("催办升级天数")).toHaveValue("3");
    await page.getByLabel("催办升级天数").fill("7");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page).toHaveURL(/\/plans\/[^/]+$/);
    await page.getByRole("link", { name: "编辑计划" }).click();
    await expect(page.getByLabel("催办升级天数")).toHaveValue("7");
    await context.close();
  });

  test("a lead's direct POST of the captured create-campaign action is refused and writes nothing", async ({ browser, project, baseURL }) => {
    test.setTimeout(120_000);
    const base = baseURL ?? "";
    const staff = await as(browser, project, "STAFF");
    const planId = await createPlan(staff.page, `测试计划2019_${suffix()}`);
    const path = `/plans/${planId}/campaigns/new`;

    // The form saves through a server action; capture that exact request (and keep it from the server).
    await staff.page.goto(path);
    await fillCampaign(staff.page, "越权测试战役");
    let captured: { headers: Record<string, string>; body: Buffer } | null = null;
    await staff.page.route(`**${path}`, async (route) => {
      const r = route.request();
      if (r.method() === "POST" && r.headers()["next-action"]) {
        captured = { headers: await r.allHeaders(), body: r.postDataBuffer() ?? Buffer.alloc(0) };
        await route.abort();
      } else await route.continue();
    });
    await staff.page.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => captured !== null, { timeout: 15_000 }).toBe(true);
    await staff.page.unroute(`**${path}`);
    const action = captured as unknown as { headers: Record<string, string>; body: Buffer };
    const replay = (request: APIRequestContext) =>
      request.fetch(path, {
        method: "POST",
        headers: { "next-action": action.headers["next-action"] ?? "", "content-type": action.headers["content-type"] ?? "", origin: base },
        data: action.body,
        maxRedirects: 0,
      });

    const lead = await as(browser, project, "LEAD");
    expect((await replay(lead.page.request)).status()).toBeLessThan(500);
    const res = await lead.page.goto(path);
    expect(res?.status()).toBe(404);
    await staff.page.goto(`/plans/${planId}`);
    await expect(staff.page.getByRole("link", { name: "越权测试战役" })).toHaveCount(0);

    // The same request from the staff member works: the refusal was about who, not how.
    expect((await replay(staff.page.request)).status()).toBeLessThan(400);
    await staff.page.reload();
    await expect(staff.page.getByRole("link", { name: "越权测试战役" })).toHaveCount(1);
    await lead.context.close();
    await staff.context.close();
  });

  for (const [name, viewport] of [
    ["desktop", { width: 1366, height: 900 }],
    ["phone", PHONE],
  ] as const) {
    test(`the indicator form has no serious accessibility violations (${name})`, async ({ browser, project }) => {
      const staff = await as(browser, project, "STAFF", viewport);
      // Only opened, never saved: the demo plan's campaigns stay as they are.
      await openPlan(staff.page);
      await staff.page.getByRole("link", { name: "精准招商持久战" }).click();
      await staff.page.getByRole("link", { name: "新增指标" }).click();
      await expect(staff.page.getByLabel("指标名称")).toBeVisible();
      await staff.page.getByLabel("目标值").fill("120");
      await staff.page.getByLabel("前高后低").check();
      await expect(staff.page.getByTestId("preview-month")).toHaveCount(12);
      await expectNoSeriousA11yViolations(staff.page);
      await staff.page.getByLabel("逐月填写").check();
      await expect(staff.page.getByLabel("12月", { exact: true })).toBeVisible();
      await expectNoSeriousA11yViolations(staff.page);
      await staff.context.close();
    });
  }
});
