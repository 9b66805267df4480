// 销号 of tasks: a lead finishes an overdue task, gives its 逾期原因 and 整改措施, uploads evidence and asks
// for 销号; the 分管领导 returns it with a reason (the task stays open, the lead reads the reason); the lead
// asks again; the leader confirms; only then does the board stop counting it as overdue and unfinished.
// Another overdue task's 逾期原因 is read back from the 月报's CSV. And the plan form saves the 催办 schedule.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { Browser, Page } from "@playwright/test";
import { createCampaigns, createUser, expect, expectNoSeriousA11yViolations, signIn, test, type Project } from "./fixtures";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

async function signedIn(browser: Browser, user: { username: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user.username, user.password);
  return page;
}

/** A plan of the test's own: one campaign with a 分管领导, a lead, and two tasks overdue on 10 April 2018. */
async function setUp(browser: Browser, project: Project) {
  const request = (await browser.newContext()).request;
  const leader = await createUser(request, project, "LEADER");
  const made = await createCampaigns(request, project, [
    {
      name: "销号战役",
      leadingOfficial: leader.username,
      tasks: [
        { title: "污水管网改造", startDate: "2018-01-01", dueDate: "2018-03-31" },
        { title: "河道清淤", startDate: "2018-01-01", dueDate: "2018-02-28" },
      ],
    },
  ]);
  const campaign = made.campaigns[0];
  if (!campaign) throw new Error("no campaign");
  const lead = await createUser(request, project, "LEAD", [campaign]);
  const [finished, late] = campaign.tasks;
  if (!finished || !late) throw new Error("no tasks");
  return { planId: made.planId, campaign, leader, lead, finished, late };
}

test.describe("销号 of tasks", () => {
  test("asked with a file, returned with a reason, asked again, confirmed: only then done on the board; 逾期原因 in the 月报", async ({ browser, project }) => {
    test.setTimeout(180_000);
    const { planId, campaign, leader, lead, finished, late } = await setUp(browser, project);
    const closureUrl = `/campaigns/${campaign.id}/tasks/${finished.id}/closure`;
    const leadPage = await signedIn(browser, lead);

    // The overdue task at 100 %: its 逾期原因 and 整改措施 are required.
    await leadPage.goto(`/campaigns/${campaign.id}/tasks/${finished.id}`);
    await leadPage.getByLabel("完成百分比（%）").fill("100");
    await leadPage.getByLabel("状态").selectOption("DONE");
    await leadPage.getByRole("button", { name: "保存" }).click();
    await expect(leadPage.locator("#overdueReason-error")).toContainText("请填写逾期原因");
    await expect(leadPage.locator("#remedy-error")).toContainText("请填写整改措施");
    await expect(leadPage.getByLabel("完成百分比（%）")).toHaveValue("100");
    await leadPage.getByLabel("逾期原因").fill("雨季停工两周");
    await leadPage.getByLabel("整改措施").fill("增加施工班组");
    await leadPage.getByRole("button", { name: "保存" }).click();
    await expect(leadPage).toHaveURL(new RegExp(`/campaigns/${campaign.id}$`));
    const row = leadPage.getByTestId("task").filter({ hasText: finished.title });
    await expect(row.getByTestId("task-closure")).toHaveText("待销号（未申请）");
    await expect(row.getByTestId("task-overdue-reason")).toContainText("逾期原因：雨季停工两周；整改措施：增加施工班组");

    // 100 % but not 销号: the board still counts it overdue.
    const leaderPage = await signedIn(browser, leader);
    await leaderPage.goto(`/plans/${planId}/board`);
    const boardRow = leaderPage.getByTestId("board-row").filter({ hasText: campaign.name });
    await expect(boardRow.getByTestId("reasons")).toContainText(`${finished.title}：已逾期，完成 100%，尚未销号`);

    // Asked with a file.
    await row.getByRole("link", { name: "销号" }).click();
    await expect(leadPage).toHaveURL(new RegExp(`${closureUrl}$`));
    await leadPage.getByLabel("添加佐证材料").setInputFiles({ name: "验收照片.png", mimeType: "image/png", buffer: PNG });
    await expect(leadPage.getByTestId("evidence-item")).toContainText("验收照片.png");
    await leadPage.getByLabel("完成情况说明").fill("管网已完工，附验收照片");
    await expectNoSeriousA11yViolations(leadPage);
    await leadPage.getByRole("button", { name: "提交销号申请" }).click();
    await expect(leadPage.getByTestId("closure-state")).toHaveText("待销号（已申请，待确认）");
    await expect(leadPage.getByLabel("添加佐证材料")).toHaveCount(0);

    // The leader returns it with a reason.
    await leaderPage.goto(closureUrl);
    await expect(leaderPage.getByTestId("evidence-item")).toContainText("验收照片.png");
    await expectNoSeriousA11yViolations(leaderPage);
    await leaderPage.getByRole("button", { name: "退回" }).click();
    await expect(leaderPage.locator("#reason-error")).toContainText("退回时请填写退回原因");
    await leaderPage.getByLabel("退回原因（退回时必填）").fill("缺少第三方验收报告");
    await leaderPage.getByRole("button", { name: "退回" }).click();
    await expect(leaderPage.getByTestId("closure-state")).toHaveText("未销号");

    // The task stays open; the lead reads the reason, adds the report and asks again.
    await leadPage.reload();
    await expect(leadPage.getByTestId("closure-state")).toHaveText("未销号");
    await expect(leadPage.getByTestId("closure-returned")).toContainText("缺少第三方验收报告");
    await leadPage.getByLabel("添加佐证材料").setInputFiles({ name: "第三方验收报告.png", mimeType: "image/png", buffer: PNG });
    await expect(leadPage.getByTestId("evidence-item")).toHaveCount(2);
    await leadPage.getByLabel("完成情况说明").fill("已补充第三方验收报告");
    await leadPage.getByRole("button", { name: "提交销号申请" }).click();
    await expect(leadPage.getByTestId("closure-state")).toHaveText("待销号（已申请，待确认）");

    // The leader confirms: 已销号, and the board no longer counts it.
    await leaderPage.reload();
    await leaderPage.getByRole("button", { name: "确认销号" }).click();
    await expect(leaderPage.getByTestId("closure-state")).toHaveText("已销号");
    await expect(leaderPage.getByTestId("closure-history")).toContainText("已退回");
    await expect(leaderPage.getByTestId("closure-history")).toContainText("已确认销号");
    await leaderPage.goto(`/plans/${planId}/board`);
    await expect(boardRow.getByTestId("reasons")).toContainText(`${late.title}：已逾期`);
    await expect(boardRow.getByTestId("reasons")).not.toContainText(finished.title);

    // The other overdue task's 逾期原因 and 整改措施, given now, are the 原因 of March's 月报.
    await leadPage.goto(`/campaigns/${campaign.id}/tasks/${late.id}`);
    await leadPage.getByLabel("完成百分比（%）").fill("60");
    await leadPage.getByLabel("状态").selectOption("IN_PROGRESS");
    await leadPage.getByLabel("逾期原因").fill("清淤船只调度不开");
    await leadPage.getByLabel("整改措施").fill("向县水利局借调船只");
    await leadPage.getByRole("button", { name: "保存" }).click();
    await expect(leadPage).toHaveURL(new RegExp(`/campaigns/${campaign.id}$`));

    await leaderPage.goto(`/plans/${planId}/export`);
    await expect(leaderPage.getByLabel("报告月份")).toHaveValue("3");
    await leaderPage.getByRole("radio", { name: /CSV 逾期任务与未报送表/ }).check();
    const downloading = leaderPage.waitForEvent("download");
    await leaderPage.getByRole("button", { name: "生成并下载" }).click();
    const rows = parse(await readFile(await (await downloading).path()), { bom: true, columns: true }) as Record<string, string>[];
    const tasks = rows.filter((r) => r["类别"] === "逾期任务");
    expect(tasks.map((r) => r["任务"])).toEqual([late.title]);
    expect(tasks[0]?.["逾期原因"]).toBe("清淤船只调度不开；整改措施：向县水利局借调船只");
  });

  test("a lead of another campaign cannot ask, and a leader who is not the 分管领导 cannot confirm", async ({ browser, project }) => {
    const { campaign, lead, finished } = await setUp(browser, project);
    const closureUrl = `/campaigns/${campaign.id}/tasks/${finished.id}/closure`;
    const request = (await browser.newContext()).request;
    const [otherLead, otherLeader] = [await createUser(request, project, "LEAD", [1]), await createUser(request, project, "LEADER")];

    const leadPage = await signedIn(browser, lead);
    await leadPage.goto(`/campaigns/${campaign.id}/tasks/${finished.id}`);
    await leadPage.getByLabel("完成百分比（%）").fill("100");
    await leadPage.getByLabel("状态").selectOption("DONE");
    await leadPage.getByLabel("逾期原因").fill("雨季停工");
    await leadPage.getByLabel("整改措施").fill("加班赶工");
    await leadPage.getByRole("button", { name: "保存" }).click();
    await expect(leadPage).toHaveURL(new RegExp(`/campaigns/${campaign.id}$`));

    // Anyone in the town may read the page; only the campaign's lead sees the upload and the request.
    const stranger = await signedIn(browser, otherLead);
    await stranger.goto(closureUrl);
    await expect(stranger.getByTestId("closure-state")).toHaveText("未销号");
    await expect(stranger.getByLabel("添加佐证材料")).toHaveCount(0);
    await expect(stranger.getByRole("button", { name: "提交销号申请" })).toHaveCount(0);
    const upload = await stranger.request.post(`/api/tasks/${finished.id}/evidence`, {
      headers: { origin: new URL(stranger.url()).origin },
      multipart: { file: { name: "冒名.png", mimeType: "image/png", buffer: PNG } },
    });
    expect(upload.status()).toBe(404);

    await leadPage.goto(closureUrl);
    await leadPage.getByLabel("添加佐证材料").setInputFiles({ name: "验收照片.png", mimeType: "image/png", buffer: PNG });
    await expect(leadPage.getByTestId("evidence-item")).toHaveCount(1);
    await leadPage.getByLabel("完成情况说明").fill("已完工");
    await leadPage.getByRole("button", { name: "提交销号申请" }).click();
    await expect(leadPage.getByTestId("closure-state")).toHaveText("待销号（已申请，待确认）");

    const notOfficial = await signedIn(browser, otherLeader);
    await notOfficial.goto(closureUrl);
    await expect(notOfficial.getByTestId("closure-state")).toHaveText("待销号（已申请，待确认）");
    await expect(notOfficial.getByRole("button", { name: "确认销号" })).toHaveCount(0);
  });

  test("the plan form saves the 催办 schedule and who confirms 销号", async ({ browser, project }) => {
    const { planId } = await setUp(browser, project);
    const request = (await browser.newContext()).request;
    const staff = await signedIn(browser, await createUser(request, project, "STAFF"));
    await staff.goto(`/plans/${planId}/edit`);
    const schedule = staff.getByTestId("schedule");
    await expect(schedule.getByLabel("提前提醒天数")).toHaveValue("2");
    await schedule.getByLabel("提前提醒天数").fill("11");
    await staff.getByRole("button", { name: "保存", exact: true }).click();
    await expect(staff.locator("#remindDaysBefore-error")).toContainText("0至10");
    await expect(schedule.getByLabel("提前提醒天数")).toHaveValue("11");
    await schedule.getByLabel("提前提醒天数").fill("3");
    await schedule.getByLabel("截止当天提醒牵头人").uncheck();
    await schedule.getByLabel("报主要领导天数").fill("");
    await schedule.getByLabel("任务销号由谁确认").selectOption("STAFF");
    await staff.getByRole("button", { name: "保存", exact: true }).click();
    await expect(staff).toHaveURL(new RegExp(`/plans/${planId}$`));
    await staff.goto(`/plans/${planId}/edit`);
    await expect(schedule.getByLabel("提前提醒天数")).toHaveValue("3");
    await expect(schedule.getByLabel("截止当天提醒牵头人")).not.toBeChecked();
    await expect(schedule.getByLabel("报主要领导天数")).toHaveValue("");
    await expect(schedule.getByLabel("任务销号由谁确认")).toHaveValue("STAFF");
  });
});
