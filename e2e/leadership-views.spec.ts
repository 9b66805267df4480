import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { createCampaigns, createUser, expect, expectNoSeriousA11yViolations, PHONE, signIn, test } from "./fixtures";

// Leadership's views (issue #14): the phone board readable in one screen, the meeting view on one
// landscape page with every light in words, the campaign page led by its light, the county overview.

const LIGHT_WORDS = /红灯|黄灯|绿灯|暂无数据/g;

/** Ten campaigns of the test's own: one far behind, one on plan, and tasks long overdue on one. */
function tenCampaigns() {
  return Array.from({ length: 10 }, (_, i) => ({
    name: `会议战役${i + 1}`,
    indicators: [{ name: "完成投资", unit: "万元", target: "1200", baseline: "1000" }],
    tasks: [{ title: `节点${i + 1}`, startDate: "2018-01-01", dueDate: i === 2 ? "2018-02-28" : "2018-11-30" }],
  }));
}

async function pdfPages(data: Buffer): Promise<{ pages: number; text: string; landscape: boolean }> {
  const pdf = await getDocument({ data: new Uint8Array(data) }).promise;
  let text = "";
  for (let n = 1; n <= pdf.numPages; n++) for (const item of (await (await pdf.getPage(n)).getTextContent()).items) if ("str" in item) text += item.str;
  const [, , width, height] = (await pdf.getPage(1)).view;
  return { pages: pdf.numPages, text, landscape: (width ?? 0) > (height ?? 0) };
}

test.describe("leadership views", () => {
  test("the phone board shows all ten campaigns' lights on the first screen, 未报送 first, a tap away from the full row", async ({ browser, project }) => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const made = await createCampaigns(page.request, project, tenCampaigns());
    const leader = await createUser(page.request, project, "LEADER");
    await signIn(page, leader.username, leader.password, `/plans/${made.planId}/board`);
    const items = page.getByTestId("phone-board-item");
    await expect(items).toHaveCount(10);
    // Every light within the first viewport, without scrolling.
    for (let i = 0; i < 10; i++) {
      const box = await items.nth(i).locator("[data-shape]").first().boundingBox();
      expect(box, `light ${i + 1}`).not.toBeNull();
      expect((box?.y ?? Infinity) + (box?.height ?? 0), `light ${i + 1}`).toBeLessThanOrEqual(PHONE.height);
    }
    // No March report is in: every campaign is 未报送, listed in the plan's order, each with its reason.
    await expect(items.first()).toContainText("会议战役1");
    await expect(items.first()).toContainText("未报送");
    await expect(page.getByTestId("phone-board-reason").first()).toContainText(/红灯|黄灯/);
    // The signed-in person is named in the phone's header.
    await expect(page.getByTestId("current-user")).toBeVisible();
    await expect(page.getByTestId("current-user")).toContainText(leader.username);
    // A tap opens the full row; the filters are folded behind one button.
    await items.first().locator("summary").click();
    await expect(items.first().getByTestId("phone-board-detail")).toBeVisible();
    await expect(items.first().getByRole("link", { name: "查看战役详情" })).toBeVisible();
    const filters = page.getByTestId("phone-filters");
    await expect(filters.getByLabel("按状态筛选")).toBeHidden();
    await filters.locator("summary").click();
    await filters.getByLabel("按状态筛选").selectOption("GREEN");
    await page.getByRole("button", { name: "应用筛选" }).click();
    await expect(page).toHaveURL(/f\.status=GREEN/);
    await expect(page.getByTestId("phone-board")).toHaveCount(0);
    await expect(page.getByText("没有符合条件的战役。").first()).toBeVisible();
    await page.goto(`/plans/${made.planId}/board`);
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });

  test("the meeting view prints on one A4 landscape page with every campaign's light in words", async ({ browser, project }) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const made = await createCampaigns(page.request, project, tenCampaigns());
    const leader = await createUser(page.request, project, "LEADER");
    await signIn(page, leader.username, leader.password, `/plans/${made.planId}/board`);
    await page.getByTestId("meeting-link").click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("督查通报");
    const rows = page.getByTestId("meeting-row");
    await expect(rows).toHaveCount(10);
    // No controls but the way back; the data month and when it was made are printed.
    await expect(page.getByRole("button")).toHaveCount(0);
    await expect(page.getByTestId("meeting-sheet")).toContainText("2018年3月数据");
    await expect(page.getByTestId("meeting-sheet")).toContainText("生成时间");
    await expectNoSeriousA11yViolations(page);

    const printed = await pdfPages(await page.pdf({ format: "A4", landscape: true, printBackground: true }));
    expect(printed.pages).toBe(1);
    expect(printed.landscape).toBe(true);
    for (let n = 1; n <= 10; n++) expect(printed.text).toContain(`会议战役${n}`);
    // Each row's light as a word (besides the counts and the legend): at least ten light words in the rows.
    const words = printed.text.match(LIGHT_WORDS) ?? [];
    expect(words.length).toBeGreaterThanOrEqual(10 + 4);
    for (let i = 0; i < 10; i++) await expect(rows.nth(i)).toContainText(LIGHT_WORDS);

    // A campaign's own meeting view, from its page, which is led by its light and reasons.
    await page.goto(`/campaigns/${made.campaigns[2]?.id}`);
    const status = page.getByTestId("campaign-status");
    await expect(status).toBeVisible();
    await expect(status.locator("[data-shape]").first()).toBeVisible();
    await expect(status.getByTestId("campaign-lagging")).toContainText("节点3");
    await expectNoSeriousA11yViolations(page);
    await status.getByRole("link", { name: "会议视图" }).click();
    // The campaign page's own heading also names the campaign: wait for the meeting sheet itself.
    await expect(page).toHaveURL(/\/meeting/);
    await expect(page.getByTestId("meeting-sheet").getByRole("heading", { level: 1 })).toContainText("会议战役3");
    const single = await pdfPages(await page.pdf({ format: "A4", landscape: true, printBackground: true }));
    expect(single.pages).toBe(1);
    expect(single.landscape).toBe(true);
    expect(single.text).toMatch(LIGHT_WORDS);
    expect(single.text).toContain("节点3");
    await context.close();
  });

  test("a county user lands on the county overview: towns ranked, red campaigns across towns, lights by month, an Excel export", async ({ page, project }) => {
    await signIn(page, "county", project.password);
    await expect(page).toHaveURL(/\/county$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("全县概览");
    const first = page.getByTestId("county-row").first();
    await expect(first.getByTestId("county-rank")).toHaveText("1");
    await expect(page.getByTestId("county-trend").first()).toBeVisible();
    const downloading = page.waitForEvent("download");
    await page.getByTestId("county-export").click();
    const file = await downloading;
    expect(file.suggestedFilename()).toBe("全县概览.xlsx");
    await expectNoSeriousA11yViolations(page);
  });

  test("the meeting views, the campaign page and the county overview have no serious accessibility violations at phone width", async ({ browser, project }) => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const made = await createCampaigns(page.request, project, tenCampaigns());
    const leader = await createUser(page.request, project, "LEADER");
    await signIn(page, leader.username, leader.password);
    for (const path of [`/plans/${made.planId}/meeting`, `/campaigns/${made.campaigns[2]?.id}`, `/campaigns/${made.campaigns[2]?.id}/meeting`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    }
    await context.close();
    const county = await browser.newContext({ viewport: PHONE });
    const countyPage = await county.newPage();
    await signIn(countyPage, "county", project.password);
    await expect(countyPage.getByRole("heading", { level: 1 })).toContainText("全县概览");
    await expectNoSeriousA11yViolations(countyPage);
    await county.close();
  });
});
