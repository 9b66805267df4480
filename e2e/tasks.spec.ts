import type { Page } from "@playwright/test";
import { createCampaign, createUser, expect, PHONE, signIn, test } from "./fixtures";

async function openTask(page: Page, campaign: string, index: number) {
  // The lead's desk links the campaign, and its comments may link it again.
  await page.getByRole("link", { name: campaign }).first().click();
  await page.getByRole("link", { name: "更新进度" }).nth(index).click();
  await expect(page.getByLabel("完成百分比（%）")).toBeVisible();
}

test.describe("task progress", () => {
  test("a lead records progress on a phone; it shows on the campaign page and in the history", async ({ browser, project }) => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const campaign = await createCampaign(page.request, project, "进度战役");
    const lead = await createUser(page.request, project, "LEAD", [campaign]);
    await signIn(page, lead.username, lead.password);
    await openTask(page, campaign.name, 0);
    const title = await page.getByRole("heading", { level: 1 }).textContent();
    // Full-width digits are what many Chinese input methods type.
    await page.getByLabel("完成百分比（%）").fill("６５");
    await page.getByLabel("状态").selectOption("IN_PROGRESS");
    await page.getByLabel("进展说明（选填）").fill("已完成村庄摸底");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page).toHaveURL(/\/campaigns\/[^/]+$/);
    const task = page
      .getByTestId("task")
      .filter({ hasText: title ?? "" })
      .first();
    await expect(task).toContainText("65%");

    await task.getByRole("link", { name: "更新进度" }).click();
    await expect(
      page
        .getByRole("region", { name: "进度记录" })
        .or(page.locator("section", { hasText: "进度记录" }))
        .first(),
    ).toContainText("已完成村庄摸底");
    await context.close();
  });

  test("bad input gets a message next to the field and the input stays", async ({ page, project }) => {
    const campaign = await createCampaign(page.request, project, "校验战役");
    const lead = await createUser(page.request, project, "LEAD", [campaign]);
    await signIn(page, lead.username, lead.password);
    await openTask(page, campaign.name, 1);
    const field = page.getByLabel("完成百分比（%）");
    for (const [typed, message] of [
      ["abc", "请填写0至100之间的整数"],
      ["150", "完成百分比须在0至100之间"],
      ["12.5", "请填写0至100之间的整数"],
    ] as const) {
      await field.fill(typed);
      await page.getByLabel("进展说明（选填）").fill("说明保留");
      await page.getByRole("button", { name: "保存" }).click();
      await expect(page.locator("#percentDone-error")).toContainText(message);
      await expect(field).toHaveAttribute("aria-invalid", "true");
      await expect(field).toHaveValue(typed);
      await expect(page.getByLabel("进展说明（选填）")).toHaveValue("说明保留");
    }
    await field.fill("50");
    await page.getByLabel("状态").selectOption("DONE");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.locator("#percentDone-error")).toContainText("已完成");
  });

  test("two people saving the same task: the second is refused, keeps their input, and can save knowingly", async ({ browser, project }) => {
    const a = await (await browser.newContext()).newPage();
    const b = await (await browser.newContext()).newPage();
    const campaign = await createCampaign(a.request, project, "并发战役");
    const leadA = await createUser(a.request, project, "LEAD", [campaign]);
    const leadB = await createUser(b.request, project, "LEAD", [campaign]);
    await signIn(a, leadA.username, leadA.password);
    await signIn(b, leadB.username, leadB.password);
    await openTask(a, campaign.name, 2);
    await openTask(b, campaign.name, 2);

    await a.getByLabel("完成百分比（%）").fill("30");
    await a.getByLabel("状态").selectOption("IN_PROGRESS");
    await a.getByRole("button", { name: "保存" }).click();
    await expect(a).toHaveURL(/\/campaigns\/[^/]+$/);

    await b.getByLabel("完成百分比（%）").fill("40");
    await b.getByLabel("状态").selectOption("IN_PROGRESS");
    await b.getByLabel("进展说明（选填）").fill("B 的说明");
    await b.getByRole("button", { name: "保存" }).click();
    await expect(b.getByTestId("conflict")).toContainText("他人已将此任务更新为 30%");
    await expect(b.getByLabel("完成百分比（%）")).toHaveValue("40");
    await expect(b.getByLabel("进展说明（选填）")).toHaveValue("B 的说明");

    await b.getByRole("button", { name: "已核对，仍按我的输入保存" }).click();
    await expect(b).toHaveURL(/\/campaigns\/[^/]+$/);
    await a.reload();
    await a.getByRole("link", { name: "更新进度" }).nth(2).click();
    await expect(a.getByLabel("完成百分比（%）")).toHaveValue("40");
  });
});
