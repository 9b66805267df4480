import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { Page } from "@playwright/test";
import { createCampaign, createUser, expect, expectNoSeriousA11yViolations, PHONE, signIn, test } from "./fixtures";

/** The day after a YYYY-MM-DD day. */
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 24 * 3600_000).toISOString().slice(0, 10);

async function filter(page: Page, fields: { campaign?: string; from?: string; to?: string }) {
  if (fields.campaign) await page.getByLabel("战役", { exact: true }).selectOption({ label: fields.campaign });
  if (fields.from !== undefined) await page.getByLabel("起始日期").fill(fields.from);
  if (fields.to !== undefined) await page.getByLabel("截止日期").fill(fields.to);
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  // The form is a GET: wait for the URL that carries what was just asked for.
  await page.waitForURL(
    (u) =>
      u.pathname === "/admin/audit" &&
      (!fields.campaign || !!u.searchParams.get("campaign")) &&
      (fields.from === undefined || u.searchParams.get("from") === fields.from) &&
      (fields.to === undefined || u.searchParams.get("to") === fields.to),
  );
}

test.describe("the audit log", () => {
  test("a leader finds a lead's change by campaign and date, sees old and new values, and downloads it as CSV", async ({ browser, page, project }) => {
    test.setTimeout(120_000);
    // A campaign of this test's own, so the lead's record below is the one to find.
    const leadContext = await browser.newContext();
    const lead = await leadContext.newPage();
    const campaign = await createCampaign(lead.request, project, "审计战役", 1);
    const campaignName = campaign.name;
    const option = `2018年 · ${campaign.number}. ${campaignName}`;
    const leadUser = await createUser(lead.request, project, "LEAD", [campaign]);
    await signIn(lead, leadUser.username, leadUser.password);
    await lead.getByRole("link", { name: campaignName }).first().click();
    await lead.getByRole("link", { name: "更新进度" }).first().click();
    await lead.getByLabel("完成百分比（%）").fill("77");
    await lead.getByLabel("状态").selectOption("IN_PROGRESS");
    await lead.getByRole("button", { name: "保存" }).click();
    await expect(lead).toHaveURL(/\/campaigns\/[^/]+$/);
    await leadContext.close();
    const leadName = `测试用户 ${leadUser.username}`;

    const leader = await createUser(page.request, project, "LEADER");
    await signIn(page, leader.username, leader.password);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "审计记录" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("审计记录");

    await filter(page, { campaign: option });
    const rows = page.getByTestId("audit-row");
    await expect(rows.first()).toBeVisible();
    for (const cell of await page.locator('[data-testid="audit-row"] td:nth-child(5)').allTextContents()) expect(cell).toBe(campaignName);
    const record = rows.filter({ hasText: leadName });
    await expect(record).toHaveCount(1);

    // The record's day in China, as the page shows it (2018/04/10 09:30 → 2018-04-10).
    const shown = (await record.locator("time").textContent()) ?? "";
    const match = shown.match(/(\d{4})\/(\d{2})\/(\d{2})/);
    expect(match, shown).toBeTruthy();
    const day = `${match?.[1]}-${match?.[2]}-${match?.[3]}`;

    await filter(page, { from: day, to: day });
    const url = new URL(page.url());
    expect(url.searchParams.get("from")).toBe(day);
    expect(url.searchParams.get("to")).toBe(day);
    expect(url.searchParams.get("campaign")).toBeTruthy();
    await expect(page.getByLabel("战役", { exact: true }).locator("option:checked")).toHaveText(option);
    await expect(record).toHaveCount(1);
    await expect(record).toContainText("更新任务进度");
    await expect(record.locator("td").nth(3)).toContainText(/^任务 · /);
    const changes = record.getByTestId("audit-changes");
    await expect(changes).toContainText(/完成百分比：\d+ → 77/);
    await expect(changes.locator("del").first()).toBeVisible();
    await expect(changes.locator("ins", { hasText: "77" })).toBeVisible();
    await expect(changes).toContainText("进行中");

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出 CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toContain("审计记录");
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    const line = csv.find((r) => r["人员"] === leadName);
    expect(line?.["操作"]).toBe("更新任务进度");
    expect(line?.["战役"]).toBe(campaignName);
    expect(line?.["新值"]).toContain("完成百分比：77");
    expect(csv.every((r) => r["战役"] === campaignName)).toBe(true);

    // The next day holds nothing of it; the export itself is now on record.
    await filter(page, { from: nextDay(day), to: "" });
    await expect(page.getByTestId("audit-row").filter({ hasText: leadName })).toHaveCount(0);
    await page.goto(`/admin/audit?action=audit.export&q=${encodeURIComponent(leader.username)}`);
    await expect(page.getByTestId("audit-row").first()).toContainText("导出审计记录");
  });

  test("staff get no link, a 403 page and a 403 from the export", async ({ page, project }) => {
    const staff = await createUser(page.request, project, "STAFF");
    await signIn(page, staff.username, staff.password);
    await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "审计记录" })).toHaveCount(0);
    const res = await page.goto("/admin/audit");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
    for (const format of ["csv", "xlsx"]) {
      const refused = await page.request.get(`/api/audit/export?format=${format}`);
      expect(refused.status()).toBe(403);
    }
  });

  test("a viewer (oversight) reads the trail and exports it, read-only", async ({ page, project }) => {
    const viewer = await createUser(page.request, project, "VIEWER");
    await signIn(page, viewer.username, viewer.password);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "审计记录" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "审计记录" })).toBeVisible();
    await expect(page.getByTestId("audit-row").first()).toBeVisible();
    const csv = await page.request.get("/api/audit/export?format=csv");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
  });

  for (const [name, viewport] of [
    ["desktop", { width: 1366, height: 900 }],
    ["phone", PHONE],
  ] as const) {
    test(`has no serious accessibility violations (${name})`, async ({ browser, project }) => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const leader = await createUser(page.request, project, "LEADER");
      await signIn(page, leader.username, leader.password, "/admin/audit");
      await expect(page.getByTestId("audit-row").first()).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      // A refused filter: the field is marked and its message read out.
      await page.goto("/admin/audit?from=2018-02-30");
      await expect(page.getByLabel("起始日期")).toHaveAttribute("aria-invalid", "true");
      await expectNoSeriousA11yViolations(page);
      await context.close();
    });
  }
});
