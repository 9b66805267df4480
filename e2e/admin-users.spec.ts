import type { Page } from "@playwright/test";
import { createCampaign, expect, postForm, requestAs, serverFormFields, signedInAs, signIn, test, uniqueName } from "./fixtures";

type Role = "ADMIN" | "LEADER" | "LEAD" | "STAFF" | "VIEWER";
const GOOD = "quiet-lantern-42-harbour";
const GENERATED = /^[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}$/;

/** Signs in on a temporary password: the app holds the person on the change-password page. */
async function signInToChange(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(/\/change-password$/);
  await expect(page.getByRole("heading", { level: 1, name: "修改密码" })).toBeVisible();
  await expect(page.getByTestId("change-password-intro")).toContainText("临时");
}

async function changePassword(page: Page, current: string, next: string) {
  await page.getByLabel("当前密码").fill(current);
  await page.getByLabel("新密码", { exact: true }).fill(next);
  await page.getByLabel("再次输入新密码").fill(next);
  await page.getByRole("button", { name: "修改密码" }).click();
}

const onePassword = async (page: Page) => ((await page.getByTestId("once-password").textContent()) ?? "").trim();

test.describe("user administration", () => {
  test("an admin creates a lead; at first sign-in they must change the password, a common one is refused, a good one lets them in", async ({
    browser,
    project,
  }) => {
    test.setTimeout(120_000);
    const admin = await signedInAs(browser, project, "ADMIN");
    const campaign = await createCampaign(admin.page.request, project, "新牵头人战役", 1);
    await admin.page.getByRole("link", { name: "用户管理" }).click();
    await admin.page.getByRole("link", { name: "新建用户" }).click();
    await expect(admin.page.getByRole("heading", { level: 1, name: "新建用户" })).toBeVisible();

    const username = uniqueName("newlead").toLowerCase();
    await admin.page.getByLabel("用户名", { exact: true }).fill(username);
    await admin.page.getByLabel("姓名", { exact: true }).fill("新来的牵头人");
    await admin.page.getByLabel("职务", { exact: true }).fill("综治办干事");
    await admin.page.getByLabel("部门", { exact: true }).selectOption({ label: "综治办" });
    await admin.page.getByRole("checkbox", { name: /^牵头人/ }).check();
    await admin.page.getByRole("checkbox", { name: campaign.name }).check();
    await admin.page.getByRole("button", { name: "创建用户" }).click();
    await expect(admin.page.getByTestId("user-created")).toContainText(`已创建用户 ${username}`);
    const initial = await onePassword(admin.page);
    expect(initial).toMatch(GENERATED);

    await admin.page.goto(`/admin/users?q=${username}`);
    const row = admin.page.getByTestId("user-row").filter({ hasText: username });
    await expect(row).toContainText("牵头人");
    await expect(row).toContainText("待修改初始密码");

    // The new lead signs in and is held on the change-password page, whatever they open.
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInToChange(page, username, initial);
    for (const path of ["/my", "/plans", "/board"]) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/change-password$/);
    }

    // A common password is refused next to the field, and what was typed stays.
    await changePassword(page, initial, "password");
    await expect(page.locator("#next-error")).toContainText("常见密码");
    await expect(page.getByLabel("新密码", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("新密码", { exact: true })).toHaveValue("password");
    await expect(page.getByLabel("当前密码")).toHaveValue(initial);
    await page.goto("/my");
    await expect(page).toHaveURL(/\/change-password$/);

    // A good one: straight in, to the lead's desk with their campaign.
    await changePassword(page, initial, GOOD);
    await page.waitForURL(/\/my$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("我的工作台");
    await expect(page.getByTestId("my-campaign").filter({ hasText: campaign.name })).toBeVisible();

    // From now on the new password is the one, and no change is asked for.
    const later = await browser.newContext();
    const again = await later.newPage();
    await signIn(again, username, GOOD);
    await expect(again).toHaveURL(/\/my$/);
    await admin.page.reload();
    await expect(admin.page.getByTestId("user-row").filter({ hasText: username })).not.toContainText("待修改初始密码");
    await Promise.all([admin.context.close(), context.close(), later.close()]);
  });

  test("an admin resets a password: the rules hold, the person's session ends, the temporary password must be changed", async ({ browser, project }) => {
    test.setTimeout(120_000);
    const admin = await signedInAs(browser, project, "ADMIN");
    const viewer = await signedInAs(browser, project, "VIEWER");
    await admin.page.goto(`/admin/users?q=${viewer.user.username}`);
    await admin.page.getByRole("link", { name: `编辑 ${viewer.user.username}` }).click();
    await expect(admin.page.getByRole("heading", { level: 2, name: "重置密码" })).toBeVisible();

    await admin.page.getByRole("radio", { name: "由我输入" }).check();
    await admin.page.locator("#reset-password").fill("12345678");
    await admin.page.getByRole("button", { name: "重置密码" }).click();
    await expect(admin.page.locator("#reset-password-error")).toContainText("常见密码");
    await expect(admin.page.locator("#reset-password")).toHaveValue("12345678");

    await admin.page.getByRole("radio", { name: /自动生成/ }).check();
    await admin.page.getByRole("button", { name: "重置密码" }).click();
    await expect(admin.page.getByText("密码已重置")).toBeVisible();
    const temporary = await onePassword(admin.page);
    expect(temporary).toMatch(GENERATED);

    // The viewer's open session has ended; their old password is gone.
    await viewer.page.goto("/plans");
    await expect(viewer.page).toHaveURL(/\/login/);
    await viewer.page.getByLabel("用户名").fill(viewer.user.username);
    await viewer.page.getByLabel("密码").fill(viewer.user.password);
    await viewer.page.getByRole("button", { name: "登录" }).click();
    await expect(viewer.page.locator("#login-error")).toContainText("用户名或密码不正确");

    await signInToChange(viewer.page, viewer.user.username, temporary);
    await changePassword(viewer.page, temporary, GOOD);
    await viewer.page.waitForURL(/\/board$/);
    await expect(viewer.page.getByRole("heading", { level: 1 })).toContainText("督查看板");
    await Promise.all([admin.context.close(), viewer.context.close()]);
  });

  test("direct POSTs of the create-user action by anyone but an admin create nobody", async ({ browser, project, baseURL }) => {
    test.setTimeout(120_000);
    const base = baseURL ?? "";
    const admin = await signedInAs(browser, project, "ADMIN");
    // The form as the server renders it (with React's action fields), one role and no campaigns.
    const form = await serverFormFields(admin.page.request, "/admin/users/new", 'name="username"');
    expect(form.some(([k]) => k.startsWith("$ACTION"))).toBe(true);
    expect(form.some(([k]) => k === "orgId")).toBe(true);
    const fieldsFor = (username: string): [string, string][] => [
      ...form.filter(([k]) => !["username", "name", "roles", "campaignIds", "passwordMode", "password"].includes(k)),
      ["username", username],
      ["name", "越权创建"],
      ["roles", "ADMIN"],
      ["passwordMode", "generated"],
    ];
    const listed = async (username: string) => {
      await admin.page.goto(`/admin/users?q=${username}`);
      await expect(admin.page.getByRole("heading", { level: 1, name: "用户管理" })).toBeVisible();
      return admin.page.getByTestId("user-row").filter({ hasText: username });
    };

    const attempts: [string, Role | null, string?][] = [
      ["anonymous", null],
      ["forged cookie", null, "next-auth.session-token=forged"],
      ["leader", "LEADER"],
      ["lead", "LEAD"],
      ["staff", "STAFF"],
      ["viewer", "VIEWER"],
    ];
    for (const [name, role, cookie] of attempts) {
      const context = role ? await requestAs(browser, project, role) : await browser.newContext();
      const username = uniqueName("sneaky").toLowerCase();
      const res = await postForm(context.request, base, "/admin/users/new", fieldsFor(username), cookie ? { cookie } : {});
      expect(res.status(), `${name}: ${res.status()}`).toBeLessThan(500);
      expect(await res.text(), name).not.toContain("已创建用户");
      await expect(await listed(username), name).toHaveCount(0);
      await context.close();
    }

    // The same POST by an admin does create the user: the refusals above were about who, not how.
    const username = uniqueName("direct").toLowerCase();
    const res = await postForm(admin.page.request, base, "/admin/users/new", fieldsFor(username));
    expect(res.status()).toBeLessThan(400);
    await expect(await listed(username)).toHaveCount(1);
    await admin.context.close();
  });
});
