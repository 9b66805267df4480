import { createUser, expect, signInWithForm, test } from "./fixtures";

test.describe("sign-in", () => {
  test("anonymous visitors are sent to the sign-in page from every page", async ({ page }) => {
    for (const path of ["/", "/plans", "/plans/x", "/campaigns/x", "/campaigns/x/tasks/y", "/admin/users"]) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/login/);
    }
    await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
  });

  test("an unknown user and a wrong password get the same answer, and the username stays", async ({ page, project }) => {
    await page.goto("/login");
    await page.getByLabel("用户名").fill("nobody-here");
    await page.getByLabel("密码").fill("whatever-1234");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator("#login-error")).toBeVisible();
    const unknown = await page.locator("#login-error").textContent();
    await expect(page.getByLabel("用户名")).toHaveValue("nobody-here");

    const { username } = await createUser(page.request, project, "VIEWER");
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill("wrong-password-1");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator("#login-error")).toHaveText(unknown ?? "");
    expect(unknown).toContain("用户名或密码不正确");
  });

  test("a disabled user's existing session is refused on the next request", async ({ browser, project }) => {
    const victimContext = await browser.newContext();
    const victim = await victimContext.newPage();
    const { username, password } = await createUser(victim.request, project, "VIEWER");
    await signInWithForm(victim, username, password);
    await victim.goto("/plans");
    await expect(victim.getByRole("heading", { name: "年度计划" })).toBeVisible();

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    const adminUser = await createUser(admin.request, project, "ADMIN");
    await signInWithForm(admin, adminUser.username, adminUser.password);
    await admin.goto(`/admin/users?q=${username}`);
    await admin.getByRole("button", { name: `停用 ${username}` }).click();
    await expect(admin.getByRole("button", { name: `启用 ${username}` })).toBeVisible();

    // The victim still holds the old cookie; the server now refuses it.
    await victim.goto("/plans");
    await expect(victim).toHaveURL(/\/login/);
    await victimContext.close();
    await adminContext.close();
  });

  test("security headers are sent", async ({ request }) => {
    const res = await request.get("/login");
    const csp = res.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("the interface switches to English and back", async ({ page, project }) => {
    const { username, password } = await createUser(page.request, project, "VIEWER");
    await signInWithForm(page, username, password);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.getByRole("button", { name: "退出" })).toBeVisible();
  });
});
