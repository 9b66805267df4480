import type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";
import {
  expect,
  expectNoSeriousA11yViolations,
  PHONE,
  postForm,
  requestAs,
  serverFormFields,
  signedInAs,
  submitForReview,
  test,
  type Project,
} from "./fixtures";

/**
 * A signed-in page of a fresh user in its own browser context. A "PRINCIPAL" is a leader who is one
 * of the town's principal leaders (主要领导), and so reviews every campaign's report; a plain
 * "LEADER" is nobody's 分管领导 and reviews none.
 */
function as(
  browser: Browser,
  project: Project,
  role: "LEAD" | "LEADER" | "PRINCIPAL" | "STAFF" | "VIEWER" | "ADMIN",
  campaigns: number[] = [],
  viewport = { width: 1280, height: 900 },
) {
  return signedInAs(browser, project, role === "PRINCIPAL" ? "LEADER" : role, campaigns, { principal: role === "PRINCIPAL", viewport });
}

async function campaignId(page: Page, name: string): Promise<string> {
  await page.goto("/plans");
  await page.getByRole("link", { name: "2018年十大战役" }).click();
  await page.getByRole("link", { name }).click();
  await page.waitForURL(/\/campaigns\/[^/]+$/);
  return new URL(page.url()).pathname.split("/")[2] ?? "";
}

/**
 * Fills every indicator of the open report form with a number in its unit: within 0–100 for a %,
 * and above February's year-to-date figures of campaign 1 (a lower one would need a reason).
 */
async function fillIndicators(page: Page) {
  const inputs = page.locator('input[name^="value."]');
  const n = await inputs.count();
  for (let i = 0; i < n; i++) await inputs.nth(i).fill(String(20 + i));
  return n;
}

test.describe("the monthly progress report", () => {
  test("a lead reports March on a phone with evidence; leadership returns it, the lead fixes it, leadership approves; history and audit show it all", async ({
    browser,
    project,
  }) => {
    test.setTimeout(120_000);
    const lead = await as(browser, project, "LEAD", [1], PHONE);
    const leader = await as(browser, project, "PRINCIPAL");

    // The lead's desk says March is due and not reported.
    const due = lead.page.getByTestId("my-campaign").filter({ hasText: "平安建设提升战" });
    await expect(due).toContainText("2018年3月进度报告");
    await expect(due).toContainText("未填报");
    await due.getByRole("link", { name: "去填报" }).click();
    await expect(lead.page.getByRole("heading", { level: 1 })).toContainText("2018年3月进度填报");

    const count = await fillIndicators(lead.page);
    expect(count).toBeGreaterThanOrEqual(3);
    await lead.page.getByLabel("工作进展").fill("完成三月治安巡防和矛盾纠纷排查");
    await lead.page.getByLabel("存在问题").fill("无");
    await lead.page.getByLabel("下步打算").fill("四月开展平安宣传月活动");
    await expect(lead.page.getByText(/草稿已自动保存/)).toBeVisible({ timeout: 15_000 });

    // Evidence: a small PNG, uploaded once the draft exists.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    await lead.page.getByLabel("添加佐证材料").setInputFiles({ name: "三月巡防照片.png", mimeType: "image/png", buffer: png });
    await expect(lead.page.getByRole("link", { name: "三月巡防照片.png" })).toBeVisible({ timeout: 15_000 });

    await submitForReview(lead.page);
    await expect(lead.page.getByText("待审核").first()).toBeVisible();

    // Leadership returns it with a reason.
    const id = await campaignId(leader.page, "平安建设提升战");
    await leader.page.goto(`/campaigns/${id}/reports/3`);
    await expect(leader.page.getByTestId("narrative-progressText")).toHaveText("完成三月治安巡防和矛盾纠纷排查");
    await leader.page.getByRole("button", { name: "退回修改" }).click();
    await expect(leader.page.locator("#reason-error")).toContainText("退回时请填写理由");
    await leader.page.getByLabel("退回理由").fill("请补充存在问题，写明重点村的隐患");
    await leader.page.getByRole("button", { name: "退回修改" }).click();
    await expect(leader.page.getByText("已退回").first()).toBeVisible();

    // The lead sees the reason on the desk and on the report, fixes and resubmits.
    await lead.page.goto("/my");
    await expect(lead.page.getByTestId("my-returned")).toContainText("请补充存在问题");
    await lead.page.getByTestId("my-returned").getByRole("link").click();
    await expect(lead.page.getByTestId("return-reason")).toContainText("请补充存在问题");
    await lead.page.getByLabel("存在问题").fill("城南村出租房消防隐患两处，已督促整改");
    await submitForReview(lead.page);
    await expect(lead.page.getByText("待审核").first()).toBeVisible();

    await leader.page.reload();
    await leader.page.getByRole("textbox", { name: "批示", exact: true }).fill("整改要闭环，四月底前复查");
    await leader.page.getByRole("button", { name: "发送批示" }).click();
    await expect(leader.page.getByTestId("comments")).toContainText("整改要闭环");
    await leader.page.getByRole("button", { name: "审核通过" }).click();
    await expect(leader.page.getByText("已通过").first()).toBeVisible();

    // The campaign page: March's figures with who reported them, the history, the trail.
    await lead.page.goto(`/campaigns/${id}`);
    await expect(lead.page.getByTestId("report-month-3")).toContainText("已通过");
    await expect(lead.page.getByTestId("indicator-row").first()).toContainText("2018年3月");
    await expect(lead.page.getByTestId("indicator-row").first()).toContainText(lead.user.username);
    await expect(lead.page.getByTestId("history-row").first()).toContainText("20");
    await expect(lead.page.getByTestId("changes")).toBeVisible();
    const trail = lead.page.getByTestId("audit-trail");
    for (const step of ["创建进度报告", "上传佐证材料", "退回修改", "审核通过", "领导批示"]) await expect(trail).toContainText(step);
    await expect(trail.getByTestId("audit-record").filter({ hasText: "退回修改" })).toContainText("待审核");
    await expect(trail.getByTestId("audit-record").filter({ hasText: "退回修改" })).toContainText("已退回");
    await expect(trail.getByTestId("audit-record").filter({ hasText: "退回修改" })).toContainText("请补充存在问题");
    await expect(trail.getByTestId("audit-record").filter({ hasText: "提交审核" }).first()).toContainText("城南村出租房消防隐患两处");

    // The comment reaches the lead.
    await lead.page.goto("/my");
    await expect(lead.page.getByTestId("my-comments")).toContainText("整改要闭环");
    await lead.context.close();
    await leader.context.close();
  });

  test("two people editing the same report: the second save is refused with what changed, and keeps their input", async ({ browser, project }) => {
    const a = await as(browser, project, "LEAD", [3]);
    const b = await as(browser, project, "LEAD", [3]);
    const id = await campaignId(a.page, "百日整治大会战");
    await a.page.goto(`/campaigns/${id}/reports/3`);
    await b.page.goto(`/campaigns/${id}/reports/3`);

    await a.page.getByLabel("工作进展").fill("甲：完成120家摸排");
    await expect(a.page.getByText(/草稿已自动保存/)).toBeVisible({ timeout: 15_000 });

    await b.page.getByLabel("工作进展").fill("乙：完成118家摸排");
    const conflict = b.page.getByTestId("conflict");
    await expect(conflict).toBeVisible({ timeout: 15_000 });
    await expect(conflict).toContainText("甲：完成120家摸排");
    await expect(conflict).toContainText("乙：完成118家摸排");
    await expect(b.page.getByLabel("工作进展")).toHaveValue("乙：完成118家摸排");

    // Having seen the difference, B saves on purpose.
    await b.page.getByRole("button", { name: "保存草稿" }).click();
    await expect(b.page.getByText(/草稿已自动保存/)).toBeVisible();
    await a.page.reload();
    await expect(a.page.getByLabel("工作进展")).toHaveValue("乙：完成118家摸排");
    await a.context.close();
    await b.context.close();
  });

  test("bad input is marked next to each field, in Chinese, and the input stays", async ({ browser, project }) => {
    const lead = await as(browser, project, "LEAD", [4]);
    const id = await campaignId(lead.page, "五星达标A级创建阵地战");
    await lead.page.goto(`/campaigns/${id}/reports/4`);
    const first = lead.page.locator('input[name^="value."]').first();
    await first.fill("十二");
    await submitForReview(lead.page);
    const firstId = await first.getAttribute("id");
    await expect(lead.page.locator(`#${firstId}-error`)).toContainText("请填写数字");
    await expect(first).toHaveValue("十二");
    await expect(first).toHaveAttribute("aria-invalid", "true");
    await expect(lead.page.locator("#progressText-error")).toContainText("提交前请填写此项");
    await expect(lead.page.getByRole("alert").filter({ hasText: "需要修改" })).toBeVisible();
    // A month that has not begun cannot even be opened.
    const res = await lead.page.goto(`/campaigns/${id}/reports/6`);
    expect(res?.status()).toBe(404);
    await lead.context.close();
  });

  test("direct POSTs to every report action by those who may not are refused and change nothing", async ({ browser, project, baseURL }) => {
    test.setTimeout(120_000);
    const lead = await as(browser, project, "LEAD", [7, 2]);
    const leader = await as(browser, project, "PRINCIPAL");
    const base = baseURL ?? "";
    const c7 = await campaignId(lead.page, "拆违和垃圾分类推进战");
    const c8 = await campaignId(leader.page, "小城镇环境综合整治攻坚战");
    const c2 = await campaignId(lead.page, "改革深化战");

    // The report form saves through a server action called by the page; capture that exact request
    // (and keep it from reaching the server) so it can be replayed by others.
    await lead.page.goto(`/campaigns/${c7}/reports/3`);
    await lead.page.getByLabel("工作进展").fill("牵头人第一稿");
    await expect(lead.page.getByText(/草稿已自动保存/)).toBeVisible({ timeout: 15_000 });
    let captured: { headers: Record<string, string>; body: Buffer } | null = null;
    await lead.page.route(`**/campaigns/${c7}/reports/3`, async (route) => {
      const r = route.request();
      if (r.method() === "POST" && r.headers()["next-action"]) {
        captured = { headers: await r.allHeaders(), body: r.postDataBuffer() ?? Buffer.alloc(0) };
        await route.abort();
      } else await route.continue();
    });
    await lead.page.getByLabel("工作进展").fill("越权写入");
    await expect.poll(() => captured !== null, { timeout: 15_000 }).toBe(true);
    const save = captured as unknown as { headers: Record<string, string>; body: Buffer };
    // Leave the page before letting its requests through: it would otherwise send its unsaved input
    // again by itself (as it should for a real lead whose connection dropped).
    await lead.page.goto("/my");
    await lead.page.unroute(`**/campaigns/${c7}/reports/3`);
    const replaySave = (request: APIRequestContext, extra: Record<string, string> = {}) =>
      request.fetch(`/campaigns/${c7}/reports/3`, {
        method: "POST",
        headers: { "next-action": save.headers["next-action"] ?? "", "content-type": save.headers["content-type"] ?? "", origin: base, ...extra },
        data: save.body,
        maxRedirects: 0,
      });

    const reviewFields = await serverFormFields(leader.page.request, `/campaigns/${c8}/reports/3`, 'name="decision"');
    const commentFields = await serverFormFields(leader.page.request, `/campaigns/${c8}/reports/3`, 'name="body"', { body: "越权批示" });
    const correctionFields = await serverFormFields(lead.page.request, `/campaigns/${c2}/reports/3`, "发起更正");
    reviewFields.push(["decision", "approve"]);
    for (const fields of [reviewFields, commentFields, correctionFields]) expect(fields.some(([k]) => k.startsWith("$ACTION"))).toBe(true);

    const attempts: [string, BrowserContext | null, string?][] = [
      ["anonymous", null],
      ["forged cookie", null, "next-auth.session-token=forged"],
      ["viewer", await requestAs(browser, project, "VIEWER")],
      ["staff", await requestAs(browser, project, "STAFF")],
      ["another campaign's lead", await requestAs(browser, project, "LEAD", [5])],
    ];
    for (const [name, who, cookie] of attempts) {
      const request = who?.request ?? (await browser.newContext()).request;
      const headers: Record<string, string> = cookie ? { cookie } : {};
      expect((await replaySave(request, headers)).status(), `${name} save`).toBeLessThan(500);
      for (const [path, fields] of [
        [`/campaigns/${c8}/reports/3`, reviewFields],
        [`/campaigns/${c8}/reports/3`, commentFields],
        [`/campaigns/${c2}/reports/3`, correctionFields],
      ] as const) {
        const res = await postForm(request, base, path, [...fields], headers);
        expect(res.status(), `${name} ${path}`).toBeLessThan(500);
      }
      await who?.close();
    }
    // The campaign's own lead may not review their own report either.
    await postForm(lead.page.request, base, `/campaigns/${c8}/reports/3`, [...reviewFields]);
    // Review follows the organisation: a leader who is not campaign 8's 分管领导 (nor a principal
    // leader) may comment on it, but not decide on it.
    const otherLeader = await as(browser, project, "LEADER");
    expect((await postForm(otherLeader.page.request, base, `/campaigns/${c8}/reports/3`, [...reviewFields])).status()).toBeLessThan(500);
    await otherLeader.context.close();

    await lead.page.goto(`/campaigns/${c7}/reports/3`);
    await expect(lead.page.getByLabel("工作进展")).toHaveValue("牵头人第一稿");
    await leader.page.goto(`/campaigns/${c8}/reports/3`);
    await expect(leader.page.getByText("待审核").first()).toBeVisible();
    await expect(leader.page.getByText("越权批示")).toHaveCount(0);
    await lead.page.goto(`/campaigns/${c2}/reports/3`);
    await expect(lead.page.getByRole("button", { name: "发起更正" })).toBeVisible();

    // The same replays by those who may do it work: the refusals above were about who, not how.
    expect((await replaySave(lead.page.request)).status()).toBeLessThan(400);
    await lead.page.goto(`/campaigns/${c7}/reports/3`);
    await expect(lead.page.getByLabel("工作进展")).toHaveValue("越权写入");
    await lead.context.close();
    await leader.context.close();
  });

  for (const [name, viewport] of [
    ["desktop", { width: 1366, height: 900 }],
    ["phone", PHONE],
  ] as const) {
    test(`report pages have no serious accessibility violations (${name})`, async ({ browser, project }) => {
      // Several pages, each scanned by axe: more than the default minute on a busy machine.
      test.setTimeout(150_000);
      const lead = await as(browser, project, "LEAD", [10], viewport);
      await expectNoSeriousA11yViolations(lead.page);
      const id = await campaignId(lead.page, "大气环境整治保卫战");
      await expectNoSeriousA11yViolations(lead.page);
      await lead.page.goto(`/campaigns/${id}/reports/4`);
      await expect(lead.page.getByLabel("工作进展")).toBeVisible();
      await expectNoSeriousA11yViolations(lead.page);
      // The confirmation before submitting: a modal dialog with its title and text; Esc leaves it.
      await lead.page.getByRole("button", { name: "提交审核" }).click();
      const dialog = lead.page.getByRole("dialog", { name: /确认提交2018年4月进度报告/ });
      await expect(dialog).toBeVisible();
      // It says who will review: campaign 10's 分管领导 and the principal leader.
      await expect(dialog).toContainText("刘洋（分管领导）");
      await expect(dialog).toContainText("张伟（主要领导）");
      await expect(dialog.getByRole("button", { name: "再检查一下" })).toBeFocused();
      await expectNoSeriousA11yViolations(lead.page);
      await lead.page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      const leader = await as(browser, project, "PRINCIPAL", [], viewport);
      await leader.page.goto(`/campaigns/${id}/reports/3`);
      await expect(leader.page.getByRole("button", { name: "审核通过" })).toBeVisible();
      await expectNoSeriousA11yViolations(leader.page);
      await lead.context.close();
      await leader.context.close();
    });
  }
});
