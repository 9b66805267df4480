// Scheduled 催办 end to end: with the clock after the due day, the scheduler reminds the lead by email
// (received by this test's SMTP server) and through the 钉钉 robot (received, signature checked); the
// next day's escalation reaches the 分管领导 by email; once the lead submits, nothing more is sent. And
// 催办 pressed twice on one day sends once and counts once.
import { startRobotReceiver, startSmtpServer } from "@/lib/testing/fixtures/receivers";
import { DINGTALK_TEST_SECRET, notifyPorts } from "./notify-config";
import { createCampaigns, expect, submitForReview, signedInAs, test } from "./fixtures";

test.describe("scheduled 催办 @embedded", () => {
  // The receivers listen on fixed ports: this describe's tests run in one worker.
  test.describe.configure({ mode: "serial" });
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let robot: Awaited<ReturnType<typeof startRobotReceiver>>;
  test.beforeAll(async ({}, info) => {
    const port = Number(new URL(info.project.use.baseURL ?? "").port);
    smtp = await startSmtpServer(notifyPorts(port).smtp);
    robot = await startRobotReceiver({ port: notifyPorts(port).robot, dingtalkSecret: DINGTALK_TEST_SECRET });
  });
  test.afterAll(async () => {
    await smtp?.close();
    await robot?.close();
  });

  test("reminds the lead by email and robot, escalates to the 分管领导 next day, stops once the report is in", async ({ browser, project, request }) => {
    test.setTimeout(120_000);
    const made = await createCampaigns(request, project, [{ name: "催办测试战役" }]);
    const campaign = made.campaigns[0]!;
    const lead = await signedInAs(browser, project, "LEAD", [campaign]);
    const official = await signedInAs(browser, project, "LEADER");
    const leadEmail = `${lead.user.username}@town.e2e.test`;
    const officialEmail = `${official.user.username}@town.e2e.test`;
    const run = async (at: string) => {
      const res = await request.post("/api/test/notify", { headers: { "x-e2e-token": project.token }, data: { action: "run", planId: made.planId, at } });
      expect(res.status(), await res.text()).toBe(200);
      return (await res.json()) as { scheduled: { reminders: number }; sent: { sent: number; failed: number } };
    };
    const setup = await request.post("/api/test/notify", {
      headers: { "x-e2e-token": project.token },
      data: {
        action: "setup",
        planId: made.planId,
        campaignId: campaign.id,
        officialUsername: official.user.username,
        reportDueDay: 5,
        remindDaysBefore: 0,
        escalateAfterDays: 1,
        escalatePrincipalAfterDays: 3,
      },
    });
    expect(setup.status(), await setup.text()).toBe(200);

    // Each chooses their channels on their account page; a wrong number is refused beside the field.
    await lead.page.goto("/account");
    const form = lead.page.getByTestId("contacts-form");
    await form.getByLabel("手机号码").fill("12345");
    await form.getByLabel("电子邮箱").fill(leadEmail);
    await form.getByLabel("邮件").check();
    await form.getByLabel("钉钉", { exact: true }).check();
    await form.getByRole("button", { name: "保存联系方式" }).click();
    await expect(form.getByText("请输入正确的11位手机号码")).toBeVisible();
    await form.getByLabel("手机号码").fill("138 1234 5678");
    await form.getByRole("button", { name: "保存联系方式" }).click();
    await expect(form.getByText("联系方式已保存")).toBeVisible();
    await official.page.goto("/account");
    await official.page.getByLabel("电子邮箱").fill(officialEmail);
    await official.page.getByLabel("邮件").check();
    await official.page.getByRole("button", { name: "保存联系方式" }).click();
    await expect(official.page.getByText("联系方式已保存")).toBeVisible();

    // 6 April: March's report was due on the 5th. The lead is reminded, once, however often it runs.
    expect((await run("2018-04-06T09:00:00+08:00")).sent).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect((await run("2018-04-06T15:00:00+08:00")).scheduled.reminders).toBe(0);
    const toLead = smtp.mails.filter((m) => m.to.includes(leadEmail));
    expect(toLead).toHaveLength(1);
    expect(toLead[0]!.subject).toContain(campaign.name);
    expect(toLead[0]!.subject).toContain("已逾期 1 天");
    const robotPosts = robot.posts.filter((p) => JSON.stringify(p.json).includes(campaign.name));
    expect(robotPosts).toHaveLength(1);
    expect(robotPosts[0]!.signatureValid).toBe(true);
    expect(robotPosts[0]!.json).toMatchObject({ msgtype: "text", at: { atMobiles: ["13812345678"] } });

    // 7 April: escalated to the 分管领导, by email; the lead is not reminded again.
    expect((await run("2018-04-07T09:00:00+08:00")).sent).toEqual({ sent: 1, retried: 0, failed: 0 });
    const toOfficial = smtp.mails.filter((m) => m.to.includes(officialEmail));
    expect(toOfficial).toHaveLength(1);
    expect(toOfficial[0]!.subject).toContain("督办升级");
    expect(smtp.mails.filter((m) => m.to.includes(leadEmail))).toHaveLength(1);
    // …and the 分管领导's inbox, unread, counted in the header.
    await official.page.goto("/inbox");
    const escalation = official.page.getByTestId("inbox-item").filter({ hasText: "督办升级" }).filter({ hasText: campaign.name });
    await expect(escalation).toHaveCount(1);
    await expect(escalation).toHaveAttribute("data-unread", "true");
    await expect(official.page.getByTestId("inbox-link")).toHaveAccessibleName(/未读/);

    // The campaign page shows each reminder with how it went out.
    await lead.page.goto(`/campaigns/${campaign.id}`);
    const history = lead.page.getByTestId("reminder-history");
    await expect(history).toContainText("系统自动 · 到期提醒");
    await expect(history).toContainText("升级至分管领导");
    await expect(history.locator('[data-channel="EMAIL"][data-status="SENT"]')).toHaveCount(2);
    await expect(history.locator('[data-channel="DINGTALK"][data-status="SENT"]')).toHaveCount(1);
    // And the lead's desk has it, until the report is in.
    await lead.page.goto("/my");
    await expect(lead.page.getByTestId("my-reminders")).toContainText(campaign.name);

    await lead.page.goto(`/campaigns/${campaign.id}/reports/3`);
    await lead.page.getByLabel("工作进展").fill("三月摸底完成");
    await lead.page.getByLabel("存在问题").fill("无");
    await lead.page.getByLabel("下步打算").fill("四月继续推进");
    await submitForReview(lead.page);
    await expect(lead.page.getByText("待审核").first()).toBeVisible();
    await lead.page.goto("/my");
    await expect(lead.page.getByTestId("my-reminders")).toHaveCount(0);

    // 10 April: past the principal leader's step too, but the report is in: nothing more.
    const mailsBefore = smtp.mails.length;
    const postsBefore = robot.posts.length;
    expect((await run("2018-04-10T09:00:00+08:00")).scheduled.reminders).toBe(0);
    expect(smtp.mails.length).toBe(mailsBefore);
    expect(robot.posts.length).toBe(postsBefore);
    for (const c of [lead, official]) await c.context.close();
  });
});

test.describe("manual 催办 @embedded", () => {
  test("催办 pressed twice on one day sends one reminder and counts one; a forced one needs a reason", async ({ browser, project, request }) => {
    test.setTimeout(90_000);
    const made = await createCampaigns(request, project, [{ name: "人工催办测试" }]);
    const campaign = made.campaigns[0]!;
    const lead = await signedInAs(browser, project, "LEAD", [campaign]);
    const staff = await signedInAs(browser, project, "STAFF");
    await staff.page.goto(`/plans/${made.planId}/board`);
    const row = staff.page.getByTestId("missing").locator("li", { hasText: campaign.name });
    await row.getByRole("button", { name: `催办 ${campaign.name}` }).click();
    await expect(row).toContainText("已向 1 人发出催办");
    await staff.page.reload();
    await row.getByRole("button", { name: `催办 ${campaign.name}` }).click();
    await expect(row).toContainText("今天已催办过");
    await lead.page.goto(`/campaigns/${campaign.id}`);
    const history = lead.page.getByTestId("reminder-history");
    await expect(history.locator("tbody tr")).toHaveCount(1);
    await expect(history).toContainText("人工催办");

    // Forced, with a reason: a second round, its reason shown.
    await row.getByRole("textbox", { name: `再次催办理由 ${campaign.name}` }).fill("县督查室今日要数");
    await row.getByRole("button", { name: `仍要催办 ${campaign.name}` }).click();
    await expect(row).toContainText("已向 1 人发出催办");
    await lead.page.reload();
    await expect(history.locator("tbody tr")).toHaveCount(2);
    await expect(history).toContainText("当日再次催办：县督查室今日要数");
    for (const c of [lead, staff]) await c.context.close();
  });
});
