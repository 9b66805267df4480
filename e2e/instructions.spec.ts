// 批示 → 落实反馈 → 办结 and the inbox, end to end: a leader writes a 批示 with a deadline; the lead finds it
// in the inbox (the unread count in the header, on a phone too), answers it with a file; the leader,
// landing on the inbox, closes it. Another 批示 left unanswered past its deadline is overdue on the
// board, reminded once by the scheduler, and listed overdue in the 月报 (read back from the XLSX and DOCX).
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createCampaigns, expect, expectNoSeriousA11yViolations, PHONE, signedInAs, test } from "./fixtures";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

test.describe("批示 and their 落实反馈", () => {
  test("a leader's 批示 with a deadline is answered with a file from the inbox and closed; an unanswered one is overdue on the board and in the 月报", async ({
    browser,
    project,
    request,
  }) => {
    test.setTimeout(180_000);
    const made = await createCampaigns(request, project, [{ name: "批示反馈战役" }, { name: "批示逾期战役" }]);
    const [answered, overdue] = made.campaigns;
    if (!answered || !overdue) throw new Error("campaigns not made");
    const lead = await signedInAs(browser, project, "LEAD", [answered, overdue]);
    const leader = await signedInAs(browser, project, "LEADER");

    // The leader writes a 批示 that asks for an answer by the 20th.
    await leader.page.goto(`/campaigns/${answered.id}`);
    const form = leader.page.getByTestId("comment-form");
    await form.getByLabel("批示", { exact: true }).fill("请于20日前完成园区污水管网整改并反馈");
    await form.getByLabel("反馈期限（可不填）").fill("2018-04-20");
    await form.getByRole("button", { name: "发送批示" }).click();
    const instruction = leader.page.getByTestId("comment").filter({ hasText: "园区污水管网整改" });
    await expect(instruction.getByTestId("instruction-state")).toHaveText("待反馈");
    await expect(leader.page.getByTestId("campaign-open-instructions")).toContainText("4月20日前反馈");

    // The lead sees it arrive: the unread count in the header, on a phone as well.
    await lead.page.setViewportSize(PHONE);
    await lead.page.goto("/my");
    await expect(lead.page.getByTestId("unread-count")).toHaveText("1");
    await lead.page.getByTestId("inbox-link").click();
    await expect(lead.page.getByRole("heading", { level: 1 })).toHaveText("消息");
    await expect(lead.page.getByTestId("needs-answer")).toContainText("园区污水管网整改");
    const item = lead.page.getByTestId("inbox-item").filter({ hasText: "新批示" });
    await expect(item).toHaveAttribute("data-unread", "true");
    await expect(item).toContainText("请于2018年4月20日前反馈落实情况");
    await expectNoSeriousA11yViolations(lead.page);
    await lead.page.setViewportSize({ width: 1280, height: 900 });
    await expectNoSeriousA11yViolations(lead.page);
    // 查看 marks it read and opens the 批示 on its campaign.
    await item.getByTestId("inbox-open").click();
    await lead.page.waitForURL(new RegExp(`/campaigns/${answered.id}#instruction-`));
    await expect(lead.page.getByTestId("unread-count")).toHaveCount(0);

    // The lead answers with what was done and a file.
    const mine = lead.page.getByTestId("comment").filter({ hasText: "园区污水管网整改" });
    const answer = mine.getByTestId("answer-form");
    await answer.getByRole("button", { name: "提交落实反馈" }).click();
    await expect(answer.getByText("请填写落实情况")).toBeVisible();
    await answer.getByLabel("落实情况").fill("已完成管网改造2.3公里，验收合格");
    await answer.getByLabel(/佐证材料/).setInputFiles({ name: "管网验收单.pdf", mimeType: "application/pdf", buffer: PDF });
    await answer.getByRole("button", { name: "提交落实反馈" }).click();
    await expect(mine.getByTestId("instruction-state")).toHaveText("已反馈，待办结");
    await expect(mine.getByRole("link", { name: "管网验收单.pdf" })).toBeVisible();
    await expect(mine.getByTestId("answer-form")).toHaveCount(0);

    // The leader lands on the inbox: the answer waits for their 办结.
    await leader.page.goto("/");
    await leader.page.waitForURL(/\/inbox$/);
    await expect(leader.page.getByTestId("unread-count")).toHaveText("1");
    await expect(leader.page.getByTestId("needs-close")).toContainText("园区污水管网整改");
    await leader.page.getByTestId("inbox-item").filter({ hasText: "落实反馈" }).getByTestId("inbox-open").click();
    await leader.page.waitForURL(new RegExp(`/campaigns/${answered.id}`));
    const closing = leader.page.getByTestId("comment").filter({ hasText: "园区污水管网整改" });
    await expect(closing).toContainText("已完成管网改造2.3公里");
    await closing.getByRole("button", { name: "办结" }).click();
    await expect(closing.getByTestId("instruction-state")).toHaveText("已办结");
    await expect(leader.page.getByTestId("campaign-open-instructions")).toHaveCount(0);
    // The lead is told.
    await lead.page.goto("/inbox");
    await expect(lead.page.getByTestId("inbox-item").filter({ hasText: "批示已办结" })).toHaveCount(1);

    // A second 批示, due today, is left unanswered; once its deadline is behind it (moved back: the app's
    // clock stands still) it is overdue.
    await leader.page.goto(`/campaigns/${overdue.id}`);
    const second = leader.page.getByTestId("comment-form");
    await second.getByLabel("批示", { exact: true }).fill("请报送整改方案");
    await second.getByLabel("反馈期限（可不填）").fill("2018-04-10");
    await second.getByRole("button", { name: "发送批示" }).click();
    const late = leader.page.getByTestId("comment").filter({ hasText: "请报送整改方案" });
    await expect(late.getByTestId("instruction-state")).toHaveText("待反馈");
    const commentId = ((await late.getAttribute("id")) ?? "").replace("instruction-", "");
    const moved = await request.post("/api/test/instructions", { headers: { "x-e2e-token": project.token }, data: { commentId, dueDate: "2018-04-05" } });
    expect(moved.status(), await moved.text()).toBe(200);

    await leader.page.goto(`/plans/${made.planId}/board`);
    const row = leader.page.getByTestId("board-row").filter({ hasText: overdue.name });
    await expect(row).toContainText("批示逾期 1");
    await expect(row).toContainText("批示待办 1");
    await expect(leader.page.getByTestId("board-row").filter({ hasText: answered.name })).not.toContainText("批示待办");
    await leader.page.goto(`/campaigns/${overdue.id}`);
    await expect(leader.page.getByTestId("campaign-open-instructions").locator("[data-overdue=true]")).toContainText("逾期 5 天");

    // The scheduler reminds the lead of it once, however often it runs.
    for (const at of ["2018-04-12T09:00:00+08:00", "2018-04-12T10:00:00+08:00"]) {
      const run = await request.post("/api/test/notify", { headers: { "x-e2e-token": project.token }, data: { action: "run", planId: made.planId, at } });
      expect(run.status(), await run.text()).toBe(200);
    }
    await lead.page.goto("/inbox");
    await expect(lead.page.getByTestId("inbox-item").filter({ hasText: "批示反馈逾期" })).toHaveCount(1);

    // The 月报 lists it under 批示办理情况, overdue.
    await leader.page.goto(`/plans/${made.planId}/export`);
    const files: Record<string, Buffer> = {};
    for (const [format, label] of [
      ["xlsx", "Excel 表格"],
      ["docx", "Word 文档"],
    ] as const) {
      await leader.page.getByRole("radio", { name: new RegExp(label) }).check();
      const downloading = leader.page.waitForEvent("download");
      await leader.page.getByRole("button", { name: "生成并下载" }).click();
      files[format] = await readFile(await (await downloading).path());
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(files.xlsx as Buffer).buffer);
    const sheet = workbook.getWorksheet("批示办理");
    expect(sheet).toBeDefined();
    const rows: string[][] = [];
    sheet?.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? "")))));
    const overdueRow = rows.find((r) => r.includes("请报送整改方案"));
    expect(overdueRow).toEqual([String(overdue.number), overdue.name, expect.any(String), expect.any(String), "请报送整改方案", "2018-04-05", "待反馈", "5"]);
    // Closed this month: listed as 已办结, not overdue.
    expect(rows.find((r) => r.includes("请于20日前完成园区污水管网整改并反馈"))).toEqual(expect.arrayContaining(["已办结", "0"]));
    const docx = (await (await JSZip.loadAsync(files.docx as Buffer)).file("word/document.xml")?.async("string")) ?? "";
    const words = docx.replace(/<[^>]+>/g, "");
    expect(words).toContain("批示办理情况");
    expect(words).toContain("请报送整改方案");
    expect(words).toContain("待反馈");

    await lead.context.close();
    await leader.context.close();
  });
});
