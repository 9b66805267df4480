import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { createCampaigns, createUser, expect, signInWithForm, submitForReview, test } from "./fixtures";

// The smoke set: the one spec the embedded server runs as well (playwright.config.ts runs the
// @embedded tag there), so the embedded database's path is proven end to end, on a campaign of
// the test's own: sign-in, a report saved, given evidence and submitted, the board, an export.
test.describe("the app end to end", { tag: "@embedded" }, () => {
  test("a lead reports March with evidence, leadership sees it on the board, staff export the month", async ({ browser, project }) => {
    test.setTimeout(120_000);
    const leadContext = await browser.newContext();
    const lead = await leadContext.newPage();
    const made = await createCampaigns(lead.request, project, [
      {
        name: "冒烟战役",
        indicators: [
          { name: "整治企业", unit: "家", target: "120", baseline: "80" },
          { name: "投入资金", unit: "万元", decimals: 2, target: "500", baseline: "300" },
        ],
        tasks: [{ title: "摸底排查", startDate: "2018-01-01", dueDate: "2018-06-30" }],
      },
    ]);
    const campaign = made.campaigns[0];
    if (!campaign) throw new Error("no campaign made");

    // Sign-in, and the lead's desk: March is due.
    const leadUser = await createUser(lead.request, project, "LEAD", [campaign]);
    await signInWithForm(lead, leadUser.username, leadUser.password);
    const due = lead.getByTestId("my-campaign").filter({ hasText: campaign.name });
    await expect(due).toContainText("2018年3月进度报告");
    await due.getByRole("link", { name: "去填报" }).click();
    await expect(lead.getByRole("heading", { level: 1 })).toContainText("2018年3月进度填报");

    // The report: figures and narrative saved as a draft, evidence, then submitted.
    const inputs = lead.locator('input[name^="value."]');
    await expect(inputs).toHaveCount(2);
    await inputs.nth(0).fill("31");
    await inputs.nth(1).fill("126.5");
    await lead.getByLabel("工作进展").fill("完成一季度摸底排查");
    await lead.getByLabel("存在问题").fill("无");
    await lead.getByLabel("下步打算").fill("四月开展集中整治");
    await expect(lead.getByText(/草稿已自动保存/)).toBeVisible({ timeout: 15_000 });
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    await lead.getByLabel("添加佐证材料").setInputFiles({ name: "摸底照片.png", mimeType: "image/png", buffer: png });
    await expect(lead.getByRole("link", { name: "摸底照片.png" })).toBeVisible({ timeout: 15_000 });
    await submitForReview(lead);
    await expect(lead.getByText("待审核").first()).toBeVisible();
    await leadContext.close();

    // Leadership's board of the plan: the campaign, its light and the reasons for it.
    const leaderContext = await browser.newContext();
    const leader = await leaderContext.newPage();
    const leaderUser = await createUser(leader.request, project, "LEADER");
    await signInWithForm(leader, leaderUser.username, leaderUser.password);
    await leader.goto(`/plans/${made.planId}/board`);
    await expect(leader.getByRole("heading", { level: 1 })).toContainText("督查看板");
    const row = leader.getByTestId("board-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(campaign.name);
    await expect(row.locator("[data-light]").first()).toHaveAttribute("data-light", /RED|AMBER|GREEN|NONE/);
    await expect(row.getByTestId("reasons")).not.toBeEmpty();
    await leaderContext.close();

    // Staff export March's summary as CSV: the campaign and its figures are in it.
    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    const staffUser = await createUser(staff.request, project, "STAFF");
    await signInWithForm(staff, staffUser.username, staffUser.password);
    await staff.goto(`/plans/${made.planId}/export`);
    await expect(staff.getByRole("heading", { level: 1 })).toContainText("导出月报");
    await expect(staff.getByLabel("报告月份")).toHaveValue("3");
    await staff.getByRole("radio", { name: /CSV 指标表/ }).check();
    const downloading = staff.waitForEvent("download");
    await staff.getByRole("button", { name: "生成并下载" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^2018年3月.*\.csv$/);
    const rows = parse(await readFile(await download.path()), { bom: true, columns: true, relax_column_count: true }) as Record<string, string>[];
    expect(rows.some((r) => Object.values(r).includes(campaign.name))).toBe(true);
    expect(rows.some((r) => r["指标"] === "整治企业")).toBe(true);
    await staffContext.close();
  });
});
